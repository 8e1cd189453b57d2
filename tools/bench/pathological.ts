/**
 * Bench: a full `chokepoint scan` (fresh process, JSON report) of each pathological preset of the generator
 * (tools/generate/pathological.ts). Prints objects, wall time, findings and paths; asserts nothing.
 * PATHOLOGICAL=name,name runs only those.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PATHOLOGICAL_NAMES, writePathological } from '../generate/pathological.js';

const only = process.env.PATHOLOGICAL?.split(',');
const dir = mkdtempSync(join(tmpdir(), 'chokepoint-pathological-'));
const cli = new URL('../../src/cli/main.js', import.meta.url).pathname;
try {
  for (const name of PATHOLOGICAL_NAMES) {
    if (only !== undefined && !only.includes(name)) continue;
    const { file, objects } = writePathological(name, dir);
    const out = join(dir, `${name}.report.json`);
    const started = performance.now();
    const run = spawnSync(process.execPath, [cli, 'scan', file, '--format', 'json', '-o', out], {
      encoding: 'utf8',
    });
    const ms = (performance.now() - started).toFixed(0);
    if (run.status !== 0 && run.status !== 1) {
      console.log(`${name}: scan failed (exit ${run.status}): ${run.stderr.slice(0, 300)}`);
      continue;
    }
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      findings: unknown[];
      paths: unknown[];
      plan: unknown[];
    };
    console.log(
      `${name.padEnd(22)} ${String(objects).padStart(6)} objects  scan ${ms.padStart(6)} ms  ${report.findings.length} findings, ${report.paths.length} paths, ${report.plan.length} plan items`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
