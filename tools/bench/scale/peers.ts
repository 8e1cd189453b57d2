/**
 * Peers on the same manifests: Checkov (required; a virtualenv under .cache/checkov, made by
 * `npm run bench:peers-setup`) and Trivy (best effort, `trivy config`, offline). A peer that is not installed is
 * skipped with the reason.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** One peer's run, or why it was skipped. */
export type PeerRun =
  | { readonly peer: string; readonly wallMs: number; readonly status: number | null; readonly note: string }
  | { readonly peer: string; readonly skipped: string };

const TIMEOUT_MS = 30 * 60 * 1000;

function timed(peer: string, command: string, args: readonly string[]): PeerRun {
  const start = performance.now();
  const run = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: TIMEOUT_MS });
  const wallMs = performance.now() - start;
  const note =
    run.error !== undefined ? run.error.message : run.signal !== null ? `killed (${run.signal})` : '';
  return { peer, wallMs, status: run.status, note };
}

/** Checkov over every file of `dir` (Kubernetes framework, quiet, JSON to /dev/null). */
export function runCheckov(dir: string): PeerRun {
  const bin = join('.cache', 'checkov', 'bin', 'checkov');
  if (!existsSync(bin))
    return { peer: 'checkov', skipped: `${bin} not found — run npm run bench:peers-setup` };
  return timed('checkov', bin, [
    '-d',
    dir,
    '--framework',
    'kubernetes',
    '--quiet',
    '-o',
    'json',
    '--skip-download',
  ]);
}

/** Trivy misconfiguration scan of `dir`, offline. */
export function runTrivy(dir: string): PeerRun {
  const bin = [join('.cache', 'trivy', 'bin', 'trivy'), 'trivy'].find(
    (b) => spawnSync(b, ['--version'], { stdio: 'ignore' }).status === 0,
  );
  if (bin === undefined) return { peer: 'trivy', skipped: 'trivy not installed — see docs/benchmarks.md' };
  return timed('trivy', bin, ['config', '--skip-check-update', '--offline-scan', '--quiet', dir]);
}
