#!/usr/bin/env node
// npm run bench: builds, then runs every benchmark under dist/tools/bench/ (or the ones whose name contains the
// first argument). Benchmarks print figures; none asserts a time or a bound.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
if (build.status !== 0) console.error('tsc reported errors; running the benchmarks that were emitted');
const dir = 'dist/tools/bench';
const filter = process.argv[2];
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.js') && !f.endsWith('.test.js') && (!filter || f.includes(filter)))
  .sort();
for (const bench of benches) {
  console.log(`\n== ${bench.replace(/\.js$/, '')} ==`);
  const run = spawnSync(process.execPath, [join(dir, bench)], { stdio: 'inherit' });
  if (run.status !== 0) process.exitCode = run.status ?? 1;
}
