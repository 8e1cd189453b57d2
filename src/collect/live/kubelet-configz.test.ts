import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { kubeletSettingsOf } from '../../model/kubelet-settings.js';
import { ApiClient } from './api-client.js';
import { LIVE_KINDS } from './kinds.js';
import {
  CONFIGZ_CAP,
  configzGaps,
  configzObject,
  kubeletTarget,
  kubeletUrl,
  readKubeletConfigs,
} from './kubelet-configz.js';
import { liveObject } from './live-objects.js';
import { Limiter } from './pool.js';

const node = (name: string, pool: string, ip: string, version = 'v1.36.0') => ({
  metadata: { name, labels: { 'node.kubernetes.io/pool': pool } },
  status: {
    addresses: [
      { type: 'Hostname', address: name },
      { type: 'InternalIP', address: ip },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: { kubeletVersion: version },
  },
});

const OPEN_KUBELET = {
  kubeletconfig: {
    authentication: {
      anonymous: { enabled: true },
      webhook: { enabled: false },
      x509: { clientCAFile: '/pki/ca' },
    },
    authorization: { mode: 'AlwaysAllow' },
    readOnlyPort: 10255,
    staticPodURLHeader: { Authorization: ['Bearer not-kept'] },
  },
};

const NODES = [
  node('a-1', 'a', '10.0.0.1'),
  node('a-2', 'a', '10.0.0.2'),
  node('a-3', 'a', '10.0.0.3'),
  node('a-4', 'a', '10.0.0.4'),
  node('old-1', 'old', '10.0.1.1', 'v1.31.4'),
];

// A loopback responder standing in for the kubelets (/configz): the kubelet client factory below sends every
// kubelet URL here and records which one was asked.
let server: Server;
let base: string;
const asked: string[] = [];
const bearer: string[] = [];

before(async () => {
  server = createServer((req, res) => {
    bearer.push(req.headers.authorization ?? '');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/kubelet/10.0.0.1/configz') return json(200, OPEN_KUBELET);
    if (req.url === '/kubelet/10.0.0.2/configz')
      return json(403, { kind: 'Status', reason: 'Forbidden', message: 'nodes/configz' });
    res.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

/** A client of the responder: a kubelet URL maps to a path of the responder that names its address. */
function client(kubelet: string): ApiClient {
  const config = new KubeConfig();
  config.loadFromOptions({
    // Plain HTTP on loopback: the client library asks for skipTLSVerify to allow it.
    clusters: [{ name: 'c', server: base, skipTLSVerify: true }],
    users: [{ name: 'u', token: 'scanner-token' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  const retry = { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 };
  return new ApiClient(config, { retry, server: `${base}/kubelet/${new URL(kubelet).hostname}` });
}

test('kubelets are asked at their InternalIP and reported port, with the scanner credentials, capped per pool', async () => {
  const nodeKind = LIVE_KINDS.find((k) => k.kind === 'Node')!;
  // As the scan gives them: the slim Nodes (no status), and what each raw Node's status said of its kubelet.
  const slim = NODES.map((item) => liveObject(nodeKind, item)!);
  assert.ok(slim.every((o) => !('status' in o.object)));
  const targets = new Map(NODES.map((item) => [item.metadata.name, kubeletTarget(item)]));
  const result = await readKubeletConfigs(
    {
      limiter: new Limiter(2),
      kubeletClient: (url) => {
        asked.push(url);
        return client(url);
      },
    },
    slim,
    targets,
  );
  assert.deepEqual(asked.sort(), [
    'https://10.0.0.1:10250',
    'https://10.0.0.2:10250',
    'https://10.0.0.3:10250',
  ]);
  assert.equal(CONFIGZ_CAP.perPool, 3, 'a-4 is past the per-pool cap');
  assert.ok(bearer.every((h) => h === 'Bearer scanner-token'));
  assert.deepEqual(
    result.objects.map((o) => o.ref),
    ['KubeletConfiguration/a-1'],
  );
  const [settings] = kubeletSettingsOf(result.objects[0]!);
  assert.equal(settings?.anonymous, true);
  assert.equal(settings?.authorization, 'AlwaysAllow');
  assert.equal(settings?.readOnlyPort, 10255);
  assert.ok(
    !JSON.stringify(result.objects).includes('not-kept'),
    'only the settings analysis reads are kept',
  );
  assert.deepEqual(
    result.gaps.map((g) => [g.kind, g.where]),
    [
      ['forbidden', 'kubelet configuration of 1 node (a-2)'],
      ['not-found', 'kubelet configuration of 1 node (old-1)'],
      ['unreadable', 'kubelet configuration of 1 node (a-3)'],
    ],
  );
  assert.match(result.gaps[1]!.message, /kubelet 1\.31 has no nodes\/configz/);
  assert.match(
    result.gaps[0]!.message,
    /kubelet techniques assume the defaults of a KubeletConfiguration file/,
  );
});

test('configz: an answer without kubeletconfig is no object; the URL brackets IPv6 and defaults the port', () => {
  assert.equal(configzObject('n', { other: {} }), undefined);
  assert.equal(configzObject('n', 'text'), undefined);
  assert.equal(
    kubeletUrl({ status: { addresses: [{ type: 'InternalIP', address: 'fd00::1' }] } }),
    'https://[fd00::1]:10250',
  );
  assert.equal(kubeletUrl({ status: {} }), undefined);
});

test('configz gaps: one per kind, five nodes named and the rest counted', () => {
  const misses = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'].map((n) => ({
    node: n,
    kind: 'unreadable' as const,
    cause: 'no answer',
  }));
  const [gap] = configzGaps(misses);
  assert.equal(gap?.where, 'kubelet configuration of 7 nodes (n1, n2, n3, n4, n5, and 2 more)');
  assert.match(gap?.message ?? '', /port 10250/);
});

test('no Node read: no kubelet is asked and no gap is made for the stand-in pools', async () => {
  const before = asked.length;
  const result = await readKubeletConfigs(
    {
      limiter: new Limiter(1),
      kubeletClient: (url) => {
        asked.push(url);
        return client(url);
      },
    },
    [],
    new Map(),
  );
  assert.equal(asked.length, before);
  assert.deepEqual(result, { objects: [], gaps: [] });
});
