/** The scale bench's table and ratios, printed and written to its own section of docs/benchmarks.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ParseTiming } from './b-parse.js';
import type { CliRun } from './cli-scan.js';
import type { PeerRun } from './peers.js';
import type { PhaseRun } from './phase-names.js';

/** Everything measured for one size. */
export interface SizeResult {
  readonly name: string;
  readonly files: number;
  readonly bytes: number;
  readonly bParse: ParseTiming | undefined;
  readonly plain: ParseTiming | undefined;
  readonly retain: { readonly maxRssBytes: number; readonly wallMs: number };
  readonly e2e: PhaseRun;
  /** Wall time of the end-to-end child process, start-up included. */
  readonly processMs: number;
  /** The executable's run of the same scan, with its process wall time. */
  readonly cli: CliRun & { readonly processMs: number };
  readonly peers: readonly PeerRun[];
}

const BEGIN = '<!-- bench:scale:begin -->';
const END = '<!-- bench:scale:end -->';
const s = (ms: number) => (ms / 1000).toFixed(1);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const x = (a: number, b: number | undefined) =>
  b === undefined || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`;

function phase(r: SizeResult, names: readonly string[], key: 'wallMs' | 'cpuMs'): number {
  return r.e2e.phases.filter((p) => names.includes(p.phase)).reduce((sum, p) => sum + p[key], 0);
}

/** The markdown lines of the table and ratios. */
export function tableLines(results: readonly SizeResult[], cores: number): string[] {
  const byName = new Map(results.map((r) => [r.name, r]));
  const lines = [
    `Cores: ${cores}. Wall times are of a shared machine; CPU times are the steadier figure.`,
    '',
    '| Size | Files | MiB | Objects | Edges | B_parse s (CPU) | End to end s (CPU) | collect | model | techniques | graph | risk | plan | report | Peak RSS MiB | Naive-retain RSS MiB | CLI s (CPU) | CLI peak RSS MiB |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const phases = r.e2e.phases.map((p) => `${s(p.wallMs)} (${s(p.cpuMs)})`);
    const bp = r.bParse === undefined ? 'n/a' : `${s(r.bParse.wallMs)} (${s(r.bParse.cpuMs)})`;
    lines.push(
      `| ${r.name} | ${r.files} | ${mib(r.bytes)} | ${r.e2e.objects} | ${r.e2e.edges} | ${bp} | ${s(r.processMs)} (${s(r.e2e.cpuMs)}) | ${phases.join(' | ')} | ${mib(r.e2e.maxRssBytes)} | ${mib(r.retain.maxRssBytes)} | ${s(r.cli.processMs)} (${s(r.cli.cpuMs)}) | ${mib(r.cli.maxRssBytes)} |`,
    );
  }
  lines.push('', '| Ratio | Size | Wall | CPU | Target |', '|---|---|---|---|---|');
  for (const r of results) {
    if (r.bParse === undefined) continue;
    lines.push(
      `| end to end / B_parse | ${r.name} | ${x(r.processMs, r.bParse.wallMs)} | ${x(r.e2e.cpuMs, r.bParse.cpuMs)} | ≤ 2.0× |`,
      `| graph→plan / B_parse | ${r.name} | ${x(phase(r, ['graph', 'risk', 'plan'], 'wallMs'), r.bParse.wallMs)} | ${x(phase(r, ['graph', 'risk', 'plan'], 'cpuMs'), r.bParse.cpuMs)} | ≤ 0.5× |`,
      `| peak RSS / naive-retain | ${r.name} | ${x(r.e2e.maxRssBytes, r.retain.maxRssBytes)} | | ≤ 0.35× |`,
      `| CLI peak RSS / naive-retain | ${r.name} | ${x(r.cli.maxRssBytes, r.retain.maxRssBytes)} | | ≤ 0.35× |`,
      `| edges / objects | ${r.name} | ${x(r.e2e.edges, r.e2e.objects)} | | ≤ 20× |`,
    );
  }
  const [small, large] = [byName.get('R15k'), byName.get('R150k')];
  if (small !== undefined && large !== undefined)
    lines.push(
      `| time(R150k) / time(R15k) | | ${x(large.processMs, small.processMs)} | ${x(large.e2e.cpuMs, small.e2e.cpuMs)} | ≤ 12 |`,
    );
  const [json, yaml] = [byName.get('R30k'), byName.get('R30k-yaml')];
  if (json !== undefined && yaml !== undefined)
    lines.push(
      `| YAML / JSON end to end | R30k | ${x(yaml.processMs, json.processMs)} | ${x(yaml.e2e.cpuMs, json.e2e.cpuMs)} | ≤ 4× |`,
    );
  for (const r of results) {
    for (const peer of r.peers) {
      lines.push(
        'skipped' in peer
          ? `| ${peer.peer} / chokepoint | ${r.name} | skipped: ${peer.skipped} | | |`
          : `| ${peer.peer} / chokepoint | ${r.name} | ${x(peer.wallMs, r.processMs)} (${s(peer.wallMs)} s, exit ${peer.status}${peer.note === '' ? '' : `, ${peer.note}`}) | | |`,
      );
    }
  }
  return lines;
}

/** Writes the table between this bench's markers in `file`, keeping every other section. */
export function writeTable(
  results: readonly SizeResult[],
  options: { file: string; cores: number },
): string[] {
  const lines = tableLines(results, options.cores);
  const section = [BEGIN, '## Scale (npm run bench scale)', '', ...lines, END].join('\n');
  const old = existsSync(options.file) ? readFileSync(options.file, 'utf8') : '# Benchmarks\n';
  const start = old.indexOf(BEGIN);
  const end = old.indexOf(END);
  const text =
    start >= 0 && end > start
      ? `${old.slice(0, start)}${section}${old.slice(end + END.length)}`
      : `${old.trimEnd()}\n\n${section}\n`;
  writeFileSync(options.file, text);
  return lines;
}
