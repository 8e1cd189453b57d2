#!/usr/bin/env node
// The whole test suite: type-check and build, lint, then every *.test.js under dist/ with node's runner.
// Suites that need the real control plane live under dist/test/ and decide for themselves whether Go is present.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function findTests(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findTests(path, out);
    else if (name.endsWith('.test.js')) out.push(path);
  }
  return out;
}

run(process.execPath, ['scripts/build.mjs']);
run('npx', ['biome', 'check', '.']);
const filter = process.argv[2];
const files = findTests('dist').filter((f) => !filter || f.includes(filter));
if (files.length === 0) {
  console.error('no test files found under dist/');
  process.exit(1);
}
run(process.execPath, ['--enable-source-maps', '--test', '--test-concurrency=2', ...files]);
