import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { ApiClient } from './api-client.js';

let server: Server;
let base = '';
let connections = 0;
before(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"major":"1","minor":"32"}');
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

/** How often the client asked the kubeconfig for credentials: once per attempt. */
let credentialAsks = 0;

function clientFor(cluster: { skipTLSVerify?: boolean; server?: string }, requests: string[]): ApiClient {
  const config = new KubeConfig();
  const apply = config.applyToHTTPSOptions.bind(config);
  config.applyToHTTPSOptions = (options) => {
    credentialAsks++;
    return apply(options);
  };
  config.loadFromOptions({
    clusters: [{ name: 'c', server: cluster.server ?? base, skipTLSVerify: cluster.skipTLSVerify ?? false }],
    users: [{ name: 'u', token: 'not-a-real-token' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return new ApiClient(config, {
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
    onRequest: (method, path) => requests.push(`${method} ${path}`),
  });
}

test('credentials the client refuses to use (plain http:// with TLS checks on) are a failure, asked once', async () => {
  const requests: string[] = [];
  credentialAsks = 0;
  const answer = await clientFor({}, requests).get('/version');
  assert.equal(answer.ok, false);
  assert.match(answer.ok ? '' : answer.reason, /^the kubeconfig credentials cannot be used: HTTP protocol/);
  assert.equal(answer.ok ? 0 : answer.status, undefined);
  assert.deepEqual(requests, [], 'no request is sent');
  assert.equal(credentialAsks, 1, 'no retry for a setting that cannot change');
});

test('the same plain http:// server with insecure-skip-tls-verify is read', async () => {
  const requests: string[] = [];
  const answer = await clientFor({ skipTLSVerify: true }, requests).get('/version');
  assert.deepEqual(answer, { ok: true, status: 200, json: { major: '1', minor: '32' } });
  assert.deepEqual(requests, ['GET /version']);
});

test('getBody gives the bytes unparsed', async () => {
  const answer = await clientFor({ skipTLSVerify: true }, []).getBody('/version');
  assert.equal(answer.ok, true);
  assert.equal(answer.ok ? answer.body.toString('utf8') : '', '{"major":"1","minor":"32"}');
});

test('requests one after another share one connection', async () => {
  const client = clientFor({ skipTLSVerify: true }, []);
  connections = 0;
  for (let i = 0; i < 3; i++) assert.equal((await client.get('/version')).ok, true);
  assert.equal(connections, 1);
});
