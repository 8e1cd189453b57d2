/** The command line: commands, options and help text. Actions return outcomes; main maps them to exit codes. */
import { Command, Option } from 'commander';
import { limitFlag, limitHelp } from '../collect/limits.js';
import { REPORT_FORMATS } from '../report/formats.js';
import { THREAT_MODELS } from '../techniques/types.js';
import { type DiffFlags, runDiff } from './diff-command.js';
import type { Outcome } from './exit.js';
import { FAIL_ON_HELP } from './fail-on.js';
import { type InitFlags, runInit } from './init-command.js';
import { writeStdout } from './io.js';
import { limitOptions } from './limit-options.js';
import { type PathsFlags, runPaths } from './paths-command.js';
import { addProbeCommand } from './probe-program.js';
import { runScan } from './scan.js';
import type { ScanFlags } from './scan-settings.js';
import { runSnapshot, type SnapshotFlags } from './snapshot-command.js';
import { techniquesText } from './techniques.js';
import { runWhoCan, type WhoCanFlags } from './who-can-command.js';

const EXIT_HELP = `
Exit codes:
  0  nothing at or above --fail-on
  1  findings at or above --fail-on
  2  usage error, or no usable input
  3  the scan is incomplete (a gap) and --strict is set
  When several apply: 2 > 3 > 1 > 0.`;

const FAIL_ON_TEXT = `
--fail-on levels:
${FAIL_ON_HELP.map(([name, what]) => `  ${name.padEnd(20)}${what}`).join('\n')}`;

/**
 * Builds the program. Every action reports its outcome through `done`, so exit codes are decided in one place;
 * commander's own errors (unknown option, missing argument) are thrown, as configured by the caller.
 */
export function buildProgram(version: string, done: (outcome: Outcome) => void): Command {
  const program = new Command('chokepoint')
    .description('The one change that cuts the most attack paths in your Kubernetes cluster.')
    .version(version)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_HELP);

  program
    .command('scan')
    .description(
      'Scan manifests (files, folders, or - for stdin) and print the one thing to fix first, and a plan.',
    )
    .argument(
      '[paths...]',
      'files and folders of .yaml, .yml and .json manifests, or a snapshot file; - reads stdin',
    )
    .option('--context <name>', 'scan the live cluster of this kubeconfig context (read-only)')
    .option('--kubeconfig <file>', 'scan the live cluster of this kubeconfig (default: its current context)')
    .option('--request-timeout <seconds>', 'live scans: time allowed for one API request', '30')
    .addOption(
      new Option('--format <format>', `output format: ${REPORT_FORMATS.join(', ')}`).default('terminal'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option(
      '--threat-model <list>',
      `comma-separated threat models to apply (default all): ${THREAT_MODELS.join(',')}`,
    )
    .option('--fail-on <level>', 'exit 1 when results reach this level (see below)', 'none')
    .option('--strict', 'exit 3 when anything could not be read (a gap)', false)
    .option(
      '--kube-version <x.y>',
      'Kubernetes minor version for the bootstrap RBAC (default: the newest shipped)',
    )
    .option('--budget <time>', 'plan only what fits: 4h (hours), 2d (8 h days), 1w (40 h weeks)')
    .option('--check-plan', "re-run the plan's end state in full and check the graph edits against it", false)
    .option('--config <file>', 'the threat model (default: chokepoint.yaml in the current folder, if any)')
    .option('--now <date>', 'judge accepted-risk expiry at this ISO date (default: the current time)')
    .option('--apply-plan <N>', 'write the input with the first N plan items applied (needs --out-dir)')
    .option('--out-dir <dir>', 'where --apply-plan writes the patched files')
    .option('--no-color', 'no colour in terminal output (NO_COLOR is honoured too)')
    .option(
      '--probe-results <file>',
      'add what chokepoint probe saw (its --format json) as external entry points',
    )
    .option(
      '--probe <hosts...>',
      'probe these hosts now (default ports, read-only requests) and add what is open',
    )
    .addHelpText('after', FAIL_ON_TEXT + EXIT_HELP)
    .action(async (paths: string[], flags: ScanFlags) => done(await runScan(paths, flags)));

  program
    .command('snapshot')
    .description(
      'Read a live cluster once (read-only) and write a redacted, versioned snapshot for chokepoint scan FILE.',
    )
    .option(
      '--context <name>',
      'the kubeconfig context (default: the current one, or the in-cluster account)',
    )
    .option('--kubeconfig <file>', 'the kubeconfig to read (default: $KUBECONFIG or ~/.kube/config)')
    .option('-o, --output <file>', 'write the snapshot to a file instead of stdout')
    .option('--request-timeout <seconds>', 'time allowed for one API request', '30')
    .option(`${limitFlag('depth')} <n>`, limitHelp('depth'))
    .option('--strict', 'exit 3 when anything could not be read (a gap)', false)
    .addHelpText('after', EXIT_HELP)
    .action(async (flags: SnapshotFlags) => done(await runSnapshot(flags)));

  program
    .command('diff')
    .description('What changed between two inputs: attack paths added and removed, risk before and after.')
    .argument('<base>', 'the before side: a folder or file of manifests, a snapshot, or a JSON report')
    .argument('<head>', 'the after side, the same way')
    .addOption(new Option('--format <format>', 'output format: json, markdown, terminal').default('terminal'))
    .option('-o, --output <file>', 'write the diff to a file instead of stdout')
    .option(
      '--fail-on <levels>',
      'exit 1 on: new-paths, new-critical, risk-increase (comma-separated)',
      'none',
    )
    .option('--baseline <file>', 'a report of what is already known: its paths never count as new')
    .option('--config <file>', 'chokepoint.yaml for both sides (default: ./chokepoint.yaml when present)')
    .option('--threat-model <list>', `threat models to apply to both sides: ${THREAT_MODELS.join(',')}`)
    .option('--kube-version <x.y>', 'Kubernetes minor version for the bootstrap RBAC')
    .addHelpText('after', EXIT_HELP)
    .action(async (base: string, head: string, flags: DiffFlags) => done(await runDiff(base, head, flags)));

  program
    .command('who-can')
    .description('Who can do VERB on RESOURCE, by RBAC (bootstrap RBAC of the version included).')
    .argument('<verb>', 'e.g. get, create, *')
    .argument('<resource>', 'e.g. secrets, pods/exec, deployments.apps')
    .argument('[paths...]', 'manifests to read RBAC from; none means the bootstrap RBAC alone')
    .option('-n, --namespace <ns>', 'the namespace of the request (default: cluster-wide grants only)')
    .option('--group <group>', 'the API group, when chokepoint cannot infer it')
    .option('--kube-version <x.y>', 'Kubernetes minor version for the bootstrap RBAC')
    .option(
      '--config <file>',
      'the threat model whose admission assumptions apply (default: ./chokepoint.yaml)',
    )
    .action(async (verb: string, resource: string, paths: string[], flags: WhoCanFlags) =>
      done(await runWhoCan(verb, resource, paths, flags)),
    );

  program
    .command('init')
    .description(
      'Ask a few questions about who attacks and what matters, and write a commented chokepoint.yaml.',
    )
    .option('--api-public <yes|no>', 'is the Kubernetes API server reachable from the internet?')
    .option('--apps-public <yes|no>', 'can the internet reach apps (LoadBalancers, Ingresses, NodePorts)?')
    .option('--multi-tenant <yes|no>', "do you run other people's code, or many teams' apps, here?")
    .option('--credentials <list>', 'which systems hold credentials: ci, laptops, operators, none')
    .option('--hurt-most <list>', 'cluster-admin, nodes, secrets:<namespace>, workload:<Kind/namespace/name>')
    .option('-o, --output <file>', 'where to write (default: chokepoint.yaml in the current folder)')
    .option('--force', 'overwrite an existing file', false)
    .option('-y, --yes', 'take the default for every question not given as a flag (no prompts)', false)
    .action(async (flags: InitFlags) =>
      done(await runInit(flags, { input: process.stdin, output: process.stdout, cwd: process.cwd() })),
    );

  program
    .command('paths')
    .description(
      'Every attack route from one node to a jewel, most likely first, each step with its evidence.',
    )
    .argument('<paths...>', 'files and folders of manifests')
    .requiredOption(
      '--from <ref>',
      'where the attacker starts, e.g. Deployment/shop/web or ServiceAccount/ci/deployer',
    )
    .requiredOption(
      '--to <jewel>',
      'cluster-admin, node-root[/pool], secrets/<ns>, workload/<ref>, any, or a node ref',
    )
    .option('--limit <n>', 'how many paths to show (k shortest loopless paths)', '10')
    .option('--config <file>', 'the threat model (default: chokepoint.yaml in the current folder, if any)')
    .option('--now <date>', 'judge accepted-risk expiry at this ISO date (default: the current time)')
    .option('--kube-version <x.y>', 'Kubernetes minor version for the bootstrap RBAC')
    .action(async (paths: string[], flags: PathsFlags) => done(await runPaths(paths, flags)));

  program
    .command('techniques')
    .description('List the attack techniques chokepoint knows: id, likelihood, threat models, title.')
    .action(async () => {
      await writeStdout(techniquesText());
      done({ kind: 'done', findings: false, incomplete: false, strict: false });
    });

  addProbeCommand(program, done);
  // The --max-... input limits, one per limit the collector knows (help lists them after scan's own options).
  const scan = program.commands.find((command) => command.name() === 'scan');
  for (const option of limitOptions()) scan?.addOption(option);

  return program;
}
