/** The `probe` command's options and help, registered on the program by `addProbeCommand`. */
import type { Command } from 'commander';
import { DEFAULT_PORTS } from '../probe/ports.js';
import { PROBE_FORMATS, SEVERITIES } from '../probe/render.js';
import { CONFIRM_ABOVE } from '../probe/targets.js';
import type { Outcome } from './exit.js';
import { type ProbeFlags, runProbe } from './probe-command.js';

const PORTS_HELP = `
Default ports:
${Object.entries(DEFAULT_PORTS)
  .map(([port, service]) => `  ${port.padEnd(7)}${service}`)
  .join('\n')}

Only safe, read-only requests are sent (the one POST is etcd's count_only range, which reads no values).
Only the given targets are touched; more than ${CONFIRM_ABOVE} addresses need --yes.

Exit codes:
  0  no finding at or above --fail-on
  1  a finding at or above --fail-on
  2  usage error`;

/** Registers `chokepoint probe`. */
export function addProbeCommand(program: Command, done: (outcome: Outcome) => void): void {
  program
    .command('probe')
    .description("The outside view: what an attacker on the network sees on the control plane's ports.")
    .argument('[targets...]', 'host names, IP addresses and CIDRs (e.g. 10.0.0.0/28)')
    .option(
      '--ports <list>',
      'ports and ranges instead of the defaults; PORT=SERVICE names what a port serves (e.g. 6443,10250-10255,7443=apiserver)',
    )
    .option('--node-ports', 'also probe the NodePort range 30000-32767', false)
    .option('--rate <n>', 'at most this many requests per second', '50')
    .option('--concurrency <n>', 'at most this many ports checked at once', '16')
    .option('--timeout <ms>', 'time allowed for one request, from connect to the status line', '3000')
    .option('--format <format>', `output format: ${PROBE_FORMATS.join(', ')}`, 'terminal')
    .option('-o, --output <file>', 'write the results to a file instead of stdout')
    .option('--yes', `confirm probing more than ${CONFIRM_ABOVE} addresses`, false)
    .option('--fail-on <severity>', `exit 1 on a finding at or above: none, ${SEVERITIES.join(', ')}`, 'none')
    .addHelpText('after', PORTS_HELP)
    .action(async (targets: string[], flags: ProbeFlags) => done(await runProbe(targets, flags)));
}
