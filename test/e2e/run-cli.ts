/** Runs the built CLI as a real child process, from the repo root, and captures what it printed. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repo root (this file is built to dist/test/e2e/). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The built bin. */
export const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

/** The e2e cluster fixture, relative to the repo root (the CLI runs there). */
export const CLUSTER = 'test/fixtures/e2e/cluster';

/** What one run printed and how it ended. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `chokepoint ...args`, optionally feeding stdin. */
export function runCli(
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing — run npx tsc -p tsconfig.json first`);
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CHOKEPOINT_DEBUG: '', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A stack frame line: what must never reach a user for an expected failure. */
export const STACK_LINE = /^ {4}at /m;
