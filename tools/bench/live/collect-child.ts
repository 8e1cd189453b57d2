/**
 * Child process of the live bench: reads one cluster, either live from the loopback API server on `PORT` or from
 * the generated folder `DIR`, with Node's default heap, and prints one JSON line: wall and CPU time, peak RSS,
 * objects and gaps. Usage: `collect-child.js live PORT` or `collect-child.js files DIR`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInput } from '../../../src/cli/load.js';
import { collectLive } from '../../../src/collect/live/collect-live.js';
import type { Snapshot } from '../../../src/collect/snapshot.js';

/** A kubeconfig for the loopback server (plain HTTP, which the client allows only with TLS checks off); the token is never checked. */
function kubeconfigFor(port: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters: [{name: bench, cluster: {server: "http://127.0.0.1:PORT", insecure-skip-tls-verify: true}}]',
    'users: [{name: bench, user: {token: bench}}]',
    'contexts: [{name: bench, context: {cluster: bench, user: bench}}]',
    'current-context: bench',
    '',
  ]
    .join('\n')
    .replace('PORT', port);
}

async function read(mode: string, arg: string): Promise<Snapshot> {
  if (mode === 'files') return (await loadInput([arg], undefined)).snapshot;
  const folder = mkdtempSync(join(tmpdir(), 'chokepoint-live-bench-'));
  try {
    const kubeconfig = join(folder, 'kubeconfig');
    writeFileSync(kubeconfig, kubeconfigFor(arg));
    const result = await collectLive({ kubeconfig }, { concurrency: 4 });
    if (!result.ok) throw new Error(result.message);
    return result.snapshot;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const [mode, arg] = process.argv.slice(2);
if ((mode !== 'live' && mode !== 'files') || arg === undefined)
  throw new Error('usage: collect-child.js live PORT | files DIR');
const wall = performance.now();
const cpu = process.cpuUsage();
const snapshot = await read(mode, arg);
const used = process.cpuUsage(cpu);
process.stdout.write(
  `${JSON.stringify({
    wallMs: performance.now() - wall,
    cpuMs: (used.user + used.system) / 1000,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    objects: snapshot.objects.length,
    gaps: snapshot.gaps.length,
  })}\n`,
);
