/**
 * Peers on the same manifests: Checkov (required; a virtualenv under .cache/checkov, made by
 * `npm run bench:peers-setup`) and Trivy (best effort: `trivy config` with its built-in checks and no update, so
 * offline; built by `npm run bench:trivy-setup`). A peer that is not installed is skipped with the reason. Each
 * run's JSON output is counted, so the table shows what the peer found as well as how long it took.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One peer's run, or why it was skipped. */
export type PeerRun =
  | { readonly peer: string; readonly wallMs: number; readonly status: number | null; readonly note: string }
  | { readonly peer: string; readonly skipped: string };

// A peer that runs longer is stopped; BENCH_PEER_TIMEOUT_MIN shortens a run whose result is already known to be
// "did not finish".
const TIMEOUT_MS = Number(process.env.BENCH_PEER_TIMEOUT_MIN ?? 30) * 60 * 1000;

/** Runs a peer that writes JSON into the folder it is given (as `file`), and describes that JSON with `count`. */
function timed(
  peer: string,
  command: string,
  output: { readonly args: (dir: string) => readonly string[]; readonly file: string },
  count: (json: unknown) => string,
  killSignal: NodeJS.Signals = 'SIGTERM',
): PeerRun {
  const dir = mkdtempSync(join(tmpdir(), `chokepoint-${peer}-`));
  const out = join(dir, output.file);
  try {
    const start = performance.now();
    const run = spawnSync(command, output.args(dir), {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: TIMEOUT_MS,
      killSignal,
      maxBuffer: 256 * 1024 * 1024,
    });
    const wallMs = performance.now() - start;
    let note =
      run.error !== undefined ? run.error.message : run.signal !== null ? `killed (${run.signal})` : '';
    // A peer that fails says why on its last line of stderr (Trivy: "context deadline exceeded").
    if (note === '' && run.status !== 0) note = lastLine(run.stderr?.toString('utf8') ?? '');
    if (note === '' && existsSync(out)) {
      try {
        note = count(JSON.parse(readFileSync(out, 'utf8')));
      } catch {
        note = 'output was not JSON';
      }
    }
    return { peer, wallMs, status: run.status, note };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The last non-empty line of a peer's stderr, shortened to one table cell. */
function lastLine(stderr: string): string {
  const lines = stderr.split('\n').filter((line) => line.trim() !== '');
  const last = (lines.at(-1) ?? '').replaceAll('|', '/').trim();
  return last.length > 200 ? `…${last.slice(-200)}` : last;
}

/** Checkov over every file of `dir` (Kubernetes framework, quiet, JSON report). */
export function runCheckov(dir: string): PeerRun {
  const bin = join('.cache', 'checkov', 'bin', 'checkov');
  if (!existsSync(bin))
    return { peer: 'checkov', skipped: `${bin} not found — run npm run bench:peers-setup` };
  const args = (out: string) => [
    '-d',
    dir,
    '--framework',
    'kubernetes',
    '--quiet',
    '--skip-download',
    '-o',
    'json',
    '--output-file-path',
    out,
  ];
  return timed('checkov', bin, { args, file: 'results_json.json' }, (json) => {
    const reports = Array.isArray(json) ? json : [json];
    const summary = (reports[0] as { summary?: { failed?: number; resource_count?: number } }).summary;
    return `${summary?.resource_count ?? '?'} resources, ${summary?.failed ?? '?'} failed checks`;
  });
}

/** Trivy misconfiguration scan of `dir`: built-in checks, no check update, nothing fetched. */
export function runTrivy(dir: string, peer = 'trivy'): PeerRun {
  const bin = [join('.cache', 'trivy', 'bin', 'trivy'), 'trivy'].find(
    (b) => spawnSync(b, ['--version'], { stdio: 'ignore' }).status === 0,
  );
  if (bin === undefined) return { peer, skipped: 'trivy not installed — run npm run bench:trivy-setup' };
  const args = (out: string) => [
    'config',
    // Trivy stops its own scan after 5 minutes by default ("context deadline exceeded"): the bench's cap is the
    // one that applies, as it does to Checkov.
    '--timeout',
    `${Math.ceil(TIMEOUT_MS / 1000)}s`,
    '--skip-check-update',
    '--quiet',
    '-f',
    'json',
    '-o',
    join(out, 'trivy.json'),
    dir,
  ];
  const count = (json: unknown): string => {
    const results = (json as { Results?: { Misconfigurations?: unknown[] }[] }).Results ?? [];
    const found = results.reduce((sum, r) => sum + (r.Misconfigurations?.length ?? 0), 0);
    return `${results.length} files read as configuration, ${found} misconfigurations`;
  };
  // SIGKILL: parsing a 118 MB YAML file, Trivy ran on for more than 8 minutes after the bench's SIGTERM.
  return timed(peer, bin, { args, file: 'trivy.json' }, count, 'SIGKILL');
}
