/**
 * Child process of the live bench: reads one cluster with Node's default heap, live from the loopback API server
 * on `PORT` (or from any cluster a kubeconfig names), from the generated folder `DIR`, or from a snapshot file,
 * and prints one JSON line: wall and CPU time, peak RSS, objects and gaps. A live read given `FILE` then writes
 * its snapshot file there, as `chokepoint snapshot -o FILE` does, and adds the time and size.
 * Usage: `collect-child.js live PORT [FILE] | kubeconfig KUBECONFIG | files DIR | snapshot FILE`.
 */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInput } from '../../../src/cli/load.js';
import { collectLive } from '../../../src/collect/live/collect-live.js';
import type { Snapshot } from '../../../src/collect/snapshot.js';
import { snapshotFilePieces } from '../../../src/collect/snapshot-file.js';

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
  if (mode === 'files' || mode === 'snapshot') return (await loadInput([arg], undefined)).snapshot;
  if (mode === 'kubeconfig') {
    const result = await collectLive({ kubeconfig: arg }, { concurrency: 4 });
    if (!result.ok) throw new Error(result.message);
    return result.snapshot;
  }
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

/** Writes the snapshot file in pieces, as the `snapshot` command does; its wall time and size. */
function writeSnapshot(snapshot: Snapshot, file: string): { writeMs: number; fileBytes: number } {
  const start = performance.now();
  const fd = openSync(file, 'w');
  try {
    for (const piece of snapshotFilePieces(snapshot)) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
  return { writeMs: performance.now() - start, fileBytes: statSync(file).size };
}

const [mode, arg, file] = process.argv.slice(2);
if (mode === undefined || !['live', 'files', 'snapshot', 'kubeconfig'].includes(mode) || arg === undefined)
  throw new Error(
    'usage: collect-child.js live PORT [FILE] | kubeconfig KUBECONFIG | files DIR | snapshot FILE',
  );
const wall = performance.now();
const cpu = process.cpuUsage();
const snapshot = await read(mode, arg);
const used = process.cpuUsage(cpu);
const figures = {
  wallMs: performance.now() - wall,
  cpuMs: (used.user + used.system) / 1000,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
  objects: snapshot.objects.length,
  gaps: snapshot.gaps.length,
};
const written = mode === 'live' && file !== undefined ? writeSnapshot(snapshot, file) : {};
process.stdout.write(`${JSON.stringify({ ...figures, ...written })}\n`);
