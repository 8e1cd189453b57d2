// A real etcd on loopback for the probe tests, in the two configurations that matter: plain HTTP with no client
// authentication, and TLS with client certificate authentication (the hardened one). The binary is the one
// test/controlplane/build.sh built for the control-plane harness.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binDir } from '../harness/control-plane.js';
import { makeCert } from './test-pki.js';

/** A running etcd. */
export interface TestEtcd {
  readonly clientPort: number;
  readonly peerPort: number;
  stop(): Promise<void>;
}

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr !== null ? addr.port : 0));
    });
  });
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

async function waitUp(port: number, child: ChildProcess): Promise<void> {
  const { connect } = await import('node:net');
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`etcd exited with ${child.exitCode}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.on('connect', () => resolve(socket.destroy() !== undefined));
      socket.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('etcd did not start listening within 20 s');
}

/** Starts etcd: `tls` serves clients over TLS with `--client-cert-auth=true`; otherwise plain HTTP, no auth. */
export async function startEtcd(options: { tls: boolean }): Promise<TestEtcd> {
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'chokepoint-probe-etcd-'));
  const scheme = options.tls ? 'https' : 'http';
  const tlsArgs: string[] = [];
  if (options.tls) {
    const cert = makeCert('DNS:localhost,IP:127.0.0.1');
    tlsArgs.push(
      `--cert-file=${cert.certFile}`,
      `--key-file=${cert.keyFile}`,
      `--trusted-ca-file=${cert.caFile}`,
      '--client-cert-auth=true',
    );
  }
  const child = spawn(
    join(binDir(), 'etcd'),
    [
      '--name=probe-test',
      `--data-dir=${dataDir}`,
      `--listen-client-urls=${scheme}://127.0.0.1:${clientPort}`,
      `--advertise-client-urls=${scheme}://127.0.0.1:${clientPort}`,
      `--listen-peer-urls=http://127.0.0.1:${peerPort}`,
      `--initial-advertise-peer-urls=http://127.0.0.1:${peerPort}`,
      `--initial-cluster=probe-test=http://127.0.0.1:${peerPort}`,
      '--log-level=error',
      ...tlsArgs,
    ],
    { stdio: 'ignore' },
  );
  running.add(child);
  await waitUp(clientPort, child);
  return {
    clientPort,
    peerPort,
    async stop() {
      running.delete(child);
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode === null ? child.on('exit', r) : r(undefined)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
