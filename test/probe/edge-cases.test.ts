// Ports that are not what the table says: a closed port, a TCP echo (another protocol), a TLS port with a bad
// certificate, and a listener that never answers (a host that drops packets). Each gets a correct state, bounded
// by the timeout; nothing hangs.
import assert from 'node:assert/strict';
import { createServer as createHttpsServer } from 'node:https';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { probe } from '../../src/probe/probe.js';
import type { ProbeResults } from '../../src/probe/types.js';
import { freePort } from './etcd-process.js';
import { makeCert, opensslAvailable } from './test-pki.js';

const TIMEOUT_MS = 400;

function probeOne(port: number): Promise<ProbeResults> {
  return probe({
    hosts: ['127.0.0.1'],
    ports: [port],
    named: { [port]: 'apiserver' },
    timeoutMs: TIMEOUT_MS,
    concurrency: 1,
    rate: 500,
    targets: ['127.0.0.1'],
    version: 'test',
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

describe('edge cases', () => {
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  after(async () => {
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  });

  test('a closed port: closed, no finding', async () => {
    const results = await probeOne(await freePort());
    assert.equal(results.results[0]?.state, 'closed');
    assert.deepEqual(results.findings, []);
  });

  test('a TCP echo: another protocol, no finding', async () => {
    const echo = createServer((socket) => {
      track(socket);
      socket.pipe(socket);
    });
    servers.push(echo);
    const results = await probeOne(await listen(echo));
    assert.equal(results.results[0]?.state, 'other-protocol');
    assert.deepEqual(results.findings, []);
  });

  test('a listener that never answers: no answer within the timeout', async () => {
    const silent = createServer(track);
    servers.push(silent);
    const results = await probeOne(await listen(silent));
    assert.equal(results.results[0]?.state, 'no-answer');
    assert.match(results.results[0]?.notes[0] ?? '', new RegExp(`${TIMEOUT_MS} ms`));
    assert.deepEqual(results.findings, []);
  });
});

describe('edge cases: TLS with a bad certificate', {
  skip: opensslAvailable() ? undefined : 'openssl is not on PATH',
}, () => {
  let port = 0;
  let stop: (() => Promise<unknown>) | undefined;
  before(async () => {
    const cert = makeCert('DNS:master-1.corp.internal,IP:10.0.0.5', { selfSigned: true });
    const server = createHttpsServer({ cert: cert.cert, key: cert.key }, (_req, res) =>
      res.writeHead(404).end('not here'),
    );
    port = await listen(server);
    stop = () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    };
  });
  after(async () => stop?.());

  test('a self-signed certificate for other names is not a finding, internal names in it are', async () => {
    const results = await probeOne(port);
    assert.equal(results.results[0]?.state, 'open');
    assert.equal(results.results[0]?.tls, true);
    assert.equal(results.results[0]?.service, undefined, 'a 404 to /version is not an API server');
    assert.deepEqual(
      results.findings.map((f) => [f.id, f.evidence[0]?.meaning]),
      [['tls-san-internal-names', 'names 10.0.0.5, master-1.corp.internal']],
    );
  });
});
