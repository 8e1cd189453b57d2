/**
 * Faults between chokepoint and the API server, injected by a loopback proxy. Bursts shorter than the retry
 * budget (latency, resets mid-list, 429 with Retry-After, 500s) give output byte-identical to the fault-free
 * run through the same proxy. Longer faults end in a gap that names the kind, the report says the scan is
 * incomplete, `--strict` exits 3, and no fault makes the scan hang (every request has a deadline).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { collectLive } from '../../src/collect/live/collect-live.js';
import { CLI, REPO_ROOT } from '../e2e/run-cli.js';
import {
  type ControlPlane,
  controlPlaneSkipReason,
  repoRoot,
  startControlPlane,
} from '../harness/control-plane.js';
import { type FaultPlan, startFaultProxy } from './fault-proxy.js';
import { applyUnit, reportOf } from './live-helpers.js';

const skip = controlPlaneSkipReason();
let cp: ControlPlane;

before(async () => {
  if (skip !== undefined) return;
  cp = await startControlPlane();
  await applyUnit(cp, [join(repoRoot(), 'examples', 'shop')]);
});
after(async () => {
  await cp?.stop();
});

/** The JSON report of a live scan through a proxy with the given faults. */
async function scanThrough(plan: FaultPlan, options: { timeoutMs?: number; attempts?: number } = {}) {
  const proxy = await startFaultProxy(cp, plan);
  try {
    const result = await collectLive(
      { kubeconfig: proxy.kubeconfigFor('admin') },
      {
        timeoutMs: options.timeoutMs ?? 10_000,
        retry: { attempts: options.attempts ?? 6, baseDelayMs: 20, maxDelayMs: 200 },
      },
    );
    if (!result.ok) return { text: '', message: result.message, gaps: [], injected: proxy.injected };
    const report = await reportOf(result.snapshot);
    // The proxy's port differs per run: the server is the one field that may.
    const text = JSON.stringify({ ...report, source: { type: 'cluster' } }, null, 2);
    return { text, gaps: result.snapshot.gaps, injected: { ...proxy.injected } };
  } finally {
    await proxy.close();
  }
}

const isList = (path: string) => /\?.*limit=/.test(path);

test('short bursts of faults give byte-identical output to the fault-free run', { skip }, async () => {
  const lists: string[] = [];
  const clean = await scanThrough((_n, _method, path) => {
    if (isList(path)) lists.push(path);
    return { kind: 'pass' };
  });
  assert.deepEqual(clean.gaps, []);
  // Without faults, no list is asked twice: the kubelets are found from the Nodes the kind registry read.
  assert.ok(lists.some((path) => path.startsWith('/api/v1/nodes?')));
  assert.deepEqual(
    lists.filter((path, i) => lists.indexOf(path) !== i),
    [],
  );
  // Each list request meets a burst first: a 429 with Retry-After, a 500, a reset half-way through the body,
  // and latency; a burst is at most 3 failures, inside the budget of 6 attempts.
  const seen = new Map<string, number>();
  const faulty = await scanThrough((_n, _method, path) => {
    const tries = seen.get(path) ?? 0;
    seen.set(path, tries + 1);
    if (!isList(path)) return { kind: 'pass' };
    const burst = [
      { kind: 'status', status: 429, retryAfter: '0' },
      { kind: 'status', status: 500 },
      { kind: 'reset-mid-body' },
    ] as const;
    return burst[tries] ?? { kind: 'pass', delayMs: 5 };
  });
  assert.ok(
    (faulty.injected['reset-mid-body'] ?? 0) > 10 && (faulty.injected.status ?? 0) > 20,
    JSON.stringify(faulty.injected),
  );
  assert.deepEqual(faulty.gaps, []);
  assert.equal(faulty.text, clean.text);
});

test('a fault longer than the retry budget is a gap naming the kind, never a hang', { skip }, async () => {
  const down = await scanThrough((_n, _m, path) =>
    path.startsWith('/api/v1/pods') ? { kind: 'status', status: 503, retryAfter: '1' } : { kind: 'pass' },
  );
  assert.deepEqual(
    down.gaps.map((g) => [g.kind, g.where]),
    [['unreadable', 'pods']],
  );
  const silent = await scanThrough(
    (_n, _m, path) =>
      path.startsWith('/apis/apps/v1/deployments') ? { kind: 'black-hole' } : { kind: 'pass' },
    { timeoutMs: 300, attempts: 2 },
  );
  assert.deepEqual(
    silent.gaps.map((g) => [g.kind, g.where]),
    [['unreadable', 'deployments']],
  );
  assert.match(silent.gaps[0]?.message ?? '', /did not answer in time/);
});

test('the CLI says the scan is incomplete and --strict exits 3', { skip }, async () => {
  const proxy = await startFaultProxy(cp, (_n, _m, path) =>
    path.startsWith('/api/v1/secrets') || path.includes('/secrets?')
      ? { kind: 'status', status: 500 }
      : { kind: 'pass' },
  );
  try {
    // Asynchronously: the proxy runs in this process, so a synchronous spawn would starve it.
    const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [CLI, 'scan', '--kubeconfig', proxy.kubeconfigFor('admin'), '--strict', '--request-timeout', '5'],
        { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 },
        (error, stdout, stderr) =>
          resolve({ status: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
      );
    });
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stdout, /incomplete/);
    assert.match(r.stderr, /secrets/);
    assert.match(r.stderr, /--strict is set — exit 3/);
  } finally {
    await proxy.close();
  }
});
