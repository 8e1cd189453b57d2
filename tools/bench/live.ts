/**
 * Bench: a live scan at scale. For each size (BENCH_LIVE_SIZES, default R15k,R150k) it serves the generated
 * cluster from a loopback stand-in for the API server (live/api-server.ts, its own process) and reads it the way
 * `chokepoint scan --context` does, in a child with Node's default heap, writing the snapshot file
 * `chokepoint snapshot` would; then it reads that file back, and the same folder as files, each in another child.
 * With the tests' control plane built (Go), it also reads a real kube-apiserver over TLS holding
 * BENCH_LIVE_NAMESPACES (default 1,000) namespaces, where each request's connection costs a handshake.
 * Prints wall and CPU time, peak RSS and object counts; asserts nothing.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { controlPlaneSkipReason } from '../../test/harness/control-plane.js';
import { ensureGenerated } from './scale/files.js';

interface CollectRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssBytes: number;
  readonly objects: number;
  readonly gaps: number;
  /** A live read that wrote its snapshot file: how long that took, and the file's size. */
  readonly writeMs?: number;
  readonly fileBytes?: number;
}

const data = process.env.BENCH_DATA ?? join('.cache', 'bench');
const sizes = (process.env.BENCH_LIVE_SIZES ?? 'R15k,R150k').split(',');
const here = new URL('.', import.meta.url).pathname;

function collect(mode: 'live' | 'kubeconfig' | 'files' | 'snapshot', ...args: string[]): CollectRun {
  const run = spawnSync(process.execPath, [join(here, 'live', 'collect-child.js'), mode, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`collect-child ${mode}: exit ${run.status}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as CollectRun;
}

/** The first line a child prints; an error when it exits first. */
async function firstLine(child: ChildProcess, what: string): Promise<string> {
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8').trim()));
    child.once('exit', (code) => reject(new Error(`${what} exited with code ${code} before it was ready`)));
  });
  return ready;
}

/** Starts the stand-in API server on `dir` and gives its port. */
async function serve(dir: string): Promise<{ port: string; stop: () => void }> {
  const server = spawn(process.execPath, [join(here, 'live', 'api-server.js'), dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return { port: await firstLine(server, 'the stand-in API server'), stop: () => server.kill('SIGKILL') };
}

const line = (label: string, run: CollectRun) =>
  `  ${label.padEnd(9)} ${(run.wallMs / 1000).toFixed(1).padStart(6)} s wall ${(run.cpuMs / 1000).toFixed(1).padStart(6)} s CPU ` +
  `${(run.maxRssBytes / 2 ** 20).toFixed(0).padStart(6)} MiB peak RSS  ${run.objects} objects, ${run.gaps} gap${run.gaps === 1 ? '' : 's'}`;

for (const size of sizes) {
  const dir = ensureGenerated(data, size, 'json');
  const file = join(data, `${size}.snapshot.json`);
  console.log(`\n${size}: collect only (the API server's own CPU is not counted)`);
  const server = await serve(dir);
  let live: CollectRun;
  try {
    live = collect('live', server.port, file);
  } finally {
    server.stop();
  }
  console.log(line('live', live));
  const mib = ((live.fileBytes ?? 0) / 2 ** 20).toFixed(0);
  console.log(`  then its snapshot file: ${mib} MiB written in ${((live.writeMs ?? 0) / 1000).toFixed(1)} s`);
  console.log(line('snapshot', collect('snapshot', file)));
  rmSync(file, { force: true });
  console.log(line('files', collect('files', dir)));
}

/** The same live read against the real API server over TLS, with one Secret and ServiceAccount per namespace. */
async function overTls(namespaces: string): Promise<void> {
  const skip = controlPlaneSkipReason();
  if (skip !== undefined) {
    console.log(`\nover TLS: skipped (${skip})`);
    return;
  }
  const cluster = spawn(process.execPath, [join(here, 'live', 'tls-cluster.js'), namespaces], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  try {
    const kubeconfig = await firstLine(cluster, 'the control plane');
    // The controller manager publishes a ConfigMap into each new namespace: read once it is done.
    for (let previous = -1, objects = 0; objects !== previous; ) {
      previous = objects;
      objects = collect('kubeconfig', kubeconfig).objects;
    }
    console.log(`\nkube-apiserver over TLS, ${namespaces} namespaces: collect only`);
    console.log(line('live', collect('kubeconfig', kubeconfig)));
  } finally {
    cluster.stdin.end();
    await once(cluster, 'exit');
  }
}

await overTls(process.env.BENCH_LIVE_NAMESPACES ?? '1000');
