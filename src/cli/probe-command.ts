/** `chokepoint probe`: flags checked into options, the probe run, the report, and the outcome. */
import { defaultPorts, NODE_PORT_RANGE, parsePorts } from '../probe/ports.js';
import { probe } from '../probe/probe.js';
import { PROBE_FORMATS, type ProbeFormat, probeJson, probeText, SEVERITIES } from '../probe/render.js';
import { CONFIRM_ABOVE, expandTargets } from '../probe/targets.js';
import type { ProbeResults, Severity } from '../probe/types.js';
import { type Outcome, usage } from './exit.js';
import { warn, writeOutput, writeStdout } from './io.js';
import { toolVersion } from './version.js';

/** The raw flags of `probe`. */
export interface ProbeFlags {
  readonly ports?: string;
  readonly nodePorts: boolean;
  readonly rate: string;
  readonly concurrency: string;
  readonly timeout: string;
  readonly format: string;
  readonly output?: string;
  readonly yes: boolean;
  readonly failOn: string;
}

function positive(flag: string, text: string, max: number): number | string {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 && value <= max
    ? value
    : `${flag}: "${text}" is not a whole number from 1 to ${max} — use e.g. ${flag === '--timeout' ? 3000 : 20}`;
}

/** True when a finding of `severity` reaches `--fail-on`. */
export function reaches(results: ProbeResults, failOn: string): boolean {
  if (failOn === 'none') return false;
  const limit = SEVERITIES.indexOf(failOn as Severity);
  return results.findings.some((f) => SEVERITIES.indexOf(f.severity) <= limit);
}

/** Parses the flags into probe options, or a usage message. */
export function probeOptions(targets: readonly string[], flags: ProbeFlags) {
  if (targets.length === 0)
    return 'probe: no target — give host names, IP addresses or CIDRs (e.g. 10.0.0.0/28)';
  const hosts = expandTargets(targets);
  if (!hosts.ok) return hosts.message;
  if (hosts.value.length > CONFIRM_ABOVE && !flags.yes)
    return `probe: the targets expand to ${hosts.value.length} addresses (more than ${CONFIRM_ABOVE}) — add --yes to confirm`;
  const ports =
    flags.ports === undefined
      ? { ok: true as const, value: { ports: defaultPorts(), named: {} } }
      : parsePorts(flags.ports);
  if (!ports.ok) return ports.message;
  const all = new Set(ports.value.ports);
  if (flags.nodePorts) for (let p = NODE_PORT_RANGE.first; p <= NODE_PORT_RANGE.last; p++) all.add(p);
  const rate = positive('--rate', flags.rate, 1000);
  const concurrency = positive('--concurrency', flags.concurrency, 256);
  const timeoutMs = positive('--timeout', flags.timeout, 120_000);
  for (const v of [rate, concurrency, timeoutMs]) if (typeof v === 'string') return v;
  if (!(PROBE_FORMATS as readonly string[]).includes(flags.format))
    return `--format: unknown format "${flags.format}" — use one of: ${PROBE_FORMATS.join(', ')}`;
  if (flags.failOn !== 'none' && !(SEVERITIES as readonly string[]).includes(flags.failOn))
    return `--fail-on: unknown level "${flags.failOn}" — use none, ${SEVERITIES.join(', ')}`;
  return {
    hosts: hosts.value,
    ports: [...all].sort((a, b) => a - b),
    named: ports.value.named,
    timeoutMs: timeoutMs as number,
    concurrency: concurrency as number,
    rate: rate as number,
    targets,
    version: toolVersion(),
    format: flags.format as ProbeFormat,
  };
}

/** Runs `probe` and says how it ended. */
export async function runProbe(targets: readonly string[], flags: ProbeFlags): Promise<Outcome> {
  const options = probeOptions(targets, flags);
  if (typeof options === 'string') return usage(options);
  if (process.stderr.isTTY)
    warn(
      `chokepoint probe: ${options.hosts.length} host(s) × ${options.ports.length} port(s), read-only requests`,
    );
  const results = await probe(options);
  const text = options.format === 'json' ? probeJson(results) : probeText(results);
  if (flags.output === undefined) await writeStdout(text);
  else {
    const failed = await writeOutput(flags.output, text);
    if (failed !== undefined) return usage(failed);
  }
  return { kind: 'done', findings: reaches(results, flags.failOn), incomplete: false, strict: false };
}
