#!/usr/bin/env node
// The build: compile, then mark the CLI entry executable. `npx chokepoint` in a clone runs the package's own bin
// file directly, and tsc writes new files without the execute bit.
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';

const compiled = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
const { bin } = JSON.parse(readFileSync('package.json', 'utf8'));
for (const file of Object.values(bin)) chmodSync(file, 0o755);
