/**
 * Runs kube-hunter 0.6.8 in PASSIVE mode (never `--active`: its active hunters write to clusters) against one
 * address, with a hard limit: on timeout its whole process group is killed, so a hung hunter thread cannot
 * stall the comparison.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../test/harness/control-plane.js';
import type { KhFinding } from './verdicts.js';

/** Where the install at the top of main.ts puts kube-hunter. */
export const KUBE_HUNTER = join(repoRoot(), '.cache', 'kube-hunter', 'venv', 'bin', 'kube-hunter');

/** kube-hunter's JSON report, as far as the comparison reads it. */
export interface KhReport {
  readonly services: readonly { readonly service: string; readonly location: string }[];
  readonly vulnerabilities: readonly KhFinding[];
}

/** The JSON report line in kube-hunter's stdout, or an error that quotes what it printed instead. */
export function reportOf(stdout: string, stderr: string, status: number | string): KhReport {
  const line = stdout.split('\n').find((l) => l.startsWith('{"nodes"'));
  if (line === undefined)
    throw new Error(
      `kube-hunter gave no JSON report (exit ${status}): ${(stderr || stdout).slice(0, 800)} — run it by hand with --log debug`,
    );
  return JSON.parse(line) as KhReport;
}

/**
 * The environment without CA-bundle variables: python-requests lets REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE override
 * kube-hunter's `session.verify = False` (psf/requests#3829), and every TLS service then fails verification and
 * is silently skipped — kube-hunter found no API server at all until these were removed.
 */
export function kubeHunterEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { REQUESTS_CA_BUNDLE: _r, CURL_CA_BUNDLE: _c, ...rest } = env;
  return rest;
}

/** Runs `kube-hunter --remote address --report json` (passive); rejects after `timeoutMs`. */
export function runKubeHunter(address: string, timeoutMs: number): Promise<KhReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(KUBE_HUNTER, ['--remote', address, '--report', 'json', '--log', 'none'], {
      detached: true,
      env: kubeHunterEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    let settled = false;
    const settle = (status: number | string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      try {
        resolve(reportOf(stdout, stderr, status));
      } catch (error) {
        reject(error);
      }
    };
    const timer = setTimeout(() => {
      settled = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone between the timer and the kill.
      }
      reject(new Error(`kube-hunter --remote ${address}: still running after ${timeoutMs / 1000} s, killed`));
    }, timeoutMs);
    child.on('error', (error) => {
      settled = true;
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => settle(code ?? signal ?? '?'));
    // A grandchild holding the pipes open must not keep us waiting: after exit, 2 s to drain, then judge.
    child.on('exit', (code, signal) => setTimeout(() => settle(code ?? signal ?? '?'), 2000).unref());
  });
}
