// The kubelet checks against a loopback KUBELET RESPONDER (see kubelet-responder.ts): open only when anonymous
// is authenticated and authorized; 401 and 403 are not findings; exec/run/attach judged by status alone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { probe } from '../../src/probe/probe.js';
import type { ProbeResults, ServiceKind } from '../../src/probe/types.js';
import {
  type KubeletMode,
  type Responder,
  startKubeletResponder,
  startReadOnlyResponder,
} from './kubelet-responder.js';
import { makeCert, opensslAvailable, type TestCert } from './test-pki.js';

const skip = opensslAvailable() ? undefined : 'openssl is not on PATH';

function probePort(port: number, service: ServiceKind): Promise<ProbeResults> {
  return probe({
    hosts: ['127.0.0.1'],
    ports: [port],
    named: { [port]: service },
    timeoutMs: 3000,
    concurrency: 1,
    rate: 500,
    targets: ['127.0.0.1'],
    version: 'test',
  });
}

describe('kubelet checks against a kubelet responder', { skip }, () => {
  let cert: TestCert;
  before(() => {
    cert = makeCert('DNS:localhost,IP:127.0.0.1');
  });

  const cases: [KubeletMode, string[]][] = [
    ['anonymous-off', []],
    ['forbidden', []],
    ['open', ['kubelet-anonymous-access', 'kubelet-anonymous-exec']],
    ['no-debugging', ['kubelet-anonymous-access']],
  ];
  for (const [mode, expected] of cases) {
    test(`${mode}: ${expected.length === 0 ? 'no finding' : expected.join(', ')}`, async () => {
      const responder = await startKubeletResponder(mode, cert);
      try {
        const results = await probePort(responder.port, 'kubelet');
        assert.deepEqual(
          results.findings.map((f) => f.id),
          expected,
        );
        assert.equal(results.results[0]?.service, 'kubelet');
        // Nothing but the documented harmless requests: exec, run and attach only for a pod that does not exist.
        for (const request of responder.requests.filter((r) => /\/(exec|run|attach)\//.test(r)))
          assert.match(request, /chokepoint-probe\/chokepoint-probe-absent\//);
      } finally {
        await responder.close();
      }
    });
  }

  test('the open kubelet: evidence is the request and status, 200 on every read path', async () => {
    const responder = await startKubeletResponder('open', cert);
    try {
      const results = await probePort(responder.port, 'kubelet');
      const access = results.findings.find((f) => f.id === 'kubelet-anonymous-access');
      assert.deepEqual(
        access?.evidence.map((e) => [e.request.replace(/:\d+/, ':PORT'), e.status]),
        ['/pods', '/runningpods/', '/configz', '/metrics'].map((p) => [
          `GET https://127.0.0.1:PORT${p}`,
          200,
        ]),
      );
      const exec = results.findings.find((f) => f.id === 'kubelet-anonymous-exec');
      assert.deepEqual(
        exec?.evidence.map((e) => e.status),
        [400, 404, 400],
      );
    } finally {
      await responder.close();
    }
  });

  test('a TLS server that is not a kubelet (404 everywhere) is not judged a kubelet', async () => {
    const { createServer } = await import('node:https');
    const server = createServer({ cert: cert.cert, key: cert.key }, (_req, res) => res.writeHead(404).end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as { port: number }).port;
      const results = await probePort(port, 'kubelet');
      assert.deepEqual(results.findings, []);
      assert.equal(results.results[0]?.service, undefined);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('read-only kubelet port', () => {
  let responder: Responder;
  before(async () => {
    responder = await startReadOnlyResponder();
  });
  after(async () => responder.close());

  test('answers /pods with no authentication: kubelet-read-only-port', async () => {
    const results = await probePort(responder.port, 'kubelet-read-only');
    assert.deepEqual(
      results.findings.map((f) => [f.id, f.evidence.map((e) => e.status)]),
      [['kubelet-read-only-port', [200]]],
    );
  });
});
