/**
 * Bench: scale. For each size (BENCH_SIZES, default R15k,R30k,R150k, plus R30k as multi-document YAML), in one
 * run: B_parse (read and parse in a fresh child, one thread, the files in the page cache), naive-retain (child,
 * large heap, maxRSS), chokepoint end to end (child, default heap) by phase with wall, CPU and peak RSS, and the
 * same scan through the executable (`scan --format json -o`); then the ratios, peers on R15k, and the table in docs/benchmarks.md. Inputs are generated into BENCH_DATA (default
 * .cache/bench) when missing. Prints figures; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { ParseTiming } from './scale/b-parse.js';
import type { CliRun } from './scale/cli-scan.js';
import { bytesOf, ensureGenerated, filesUnder } from './scale/files.js';
import { type PeerRun, runCheckov, runTrivy } from './scale/peers.js';
import type { PhaseRun } from './scale/phase-names.js';
import { type SizeResult, writeTable } from './scale/table.js';

const data = process.env.BENCH_DATA ?? join('.cache', 'bench');
const sizes = (process.env.BENCH_SIZES ?? 'R15k,R30k,R30k-yaml,R150k').split(',');
const here = new URL('.', import.meta.url).pathname;

function child(script: string, args: readonly string[], nodeArgs: readonly string[] = []): string {
  const run = spawnSync(process.execPath, [...nodeArgs, join(here, 'scale', script), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`${script} ${args.join(' ')}: exit ${run.status}`);
  return run.stdout.trim().split('\n').at(-1)!;
}

function ensure(size: string, format: string): string {
  return ensureGenerated(data, size, format);
}

const results: SizeResult[] = [];
console.log(`cores: ${cpus().length}; node ${process.version}`);
for (const name of sizes) {
  const [size, format = 'json'] = name.split('-') as [string, string?];
  const dir = ensure(size, format);
  const files = filesUnder(dir);
  const bytes = bytesOf(files);
  console.log(`\n${name}: ${files.length} files, ${(bytes / 2 ** 20).toFixed(0)} MiB`);
  // A fresh process with the files in the page cache, as end to end gets them (see parse-baseline.ts).
  const baselines =
    format === 'json'
      ? (JSON.parse(child('parse-baseline.js', [dir])) as { streaming: ParseTiming; plain: ParseTiming })
      : undefined;
  const bParse = baselines?.streaming;
  const plain = baselines?.plain;
  if (bParse !== undefined)
    console.log(`  B_parse (stream + split + JSON.parse): ${bParse.wallMs.toFixed(0)} ms`);
  if (plain !== undefined) console.log(`  whole-file JSON.parse (reference): ${plain.wallMs.toFixed(0)} ms`);
  const retain = JSON.parse(child('retain.js', [dir], ['--max-old-space-size=16384'])) as {
    maxRssBytes: number;
    wallMs: number;
  };
  console.log(`  naive-retain peak RSS: ${(retain.maxRssBytes / 2 ** 20).toFixed(0)} MiB`);
  const started = performance.now();
  const e2e = JSON.parse(child('run-phases.js', [dir, join(data, `${name}.report.json`)])) as PhaseRun;
  const processMs = performance.now() - started;
  console.log(
    `  chokepoint end to end: ${processMs.toFixed(0)} ms wall (process), ${e2e.cpuMs.toFixed(0)} ms CPU`,
  );
  for (const p of e2e.phases)
    console.log(`    ${p.phase.padEnd(10)} ${p.wallMs.toFixed(0)} ms wall, ${p.cpuMs.toFixed(0)} ms CPU`);
  console.log(
    `  peak RSS ${(e2e.maxRssBytes / 2 ** 20).toFixed(0)} MiB; ${e2e.objects} objects, ${e2e.edges} edges`,
  );
  // The same scan through the executable: its start-up and the modules it loads count too.
  const cliStarted = performance.now();
  const cliRun = JSON.parse(child('cli-scan.js', [dir, join(data, `${name}.cli-report.json`)])) as CliRun;
  const cli = { ...cliRun, processMs: performance.now() - cliStarted };
  console.log(
    `  chokepoint scan --format json: ${cli.processMs.toFixed(0)} ms wall (process), ${cli.cpuMs.toFixed(0)} ms CPU, peak RSS ${(cli.maxRssBytes / 2 ** 20).toFixed(0)} MiB, exit ${cli.exitCode}`,
  );
  // Trivy reads no `kind: List` dump as Kubernetes objects, so it also scans the same cluster as YAML.
  const peers: PeerRun[] =
    name === 'R15k'
      ? [runCheckov(dir), runTrivy(dir), runTrivy(ensure('R15k', 'yaml'), 'trivy on the YAML form')]
      : [];
  for (const peer of peers)
    console.log(
      `  ${peer.peer}: ${'skipped' in peer ? `skipped — ${peer.skipped}` : `${peer.wallMs.toFixed(0)} ms (exit ${peer.status}) ${peer.note}`}`,
    );
  results.push({ name, files: files.length, bytes, bParse, plain, retain, e2e, processMs, cli, peers });
  // Written after each size, so a long run leaves the sizes it finished.
  writeTable(results, { file: join('docs', 'benchmarks.md'), cores: cpus().length });
}
const lines = writeTable(results, { file: join('docs', 'benchmarks.md'), cores: cpus().length });
console.log(`\n${lines.join('\n')}`);
