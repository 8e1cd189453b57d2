import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { lateralNetworkReach } from './lateral-network-reach.js';
import { runTable } from './table-test.js';

const deployment = (ns: string, name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: ns },
  spec: {
    template: {
      metadata: { labels: { app: name } },
      spec: {
        containers: [{ name: 'app', image: `${name}:1` }],
        initContainers: [{ name: 'init', image: 'busybox:1.36' }],
        ...extra,
      },
    },
  },
});
const deny = (ns: string, types: string[] = ['Ingress']) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'deny', namespace: ns },
  spec: { podSelector: {}, policyTypes: types },
});
const allowFrom = (ns: string, app: string) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: `from-${app}`, namespace: ns },
  spec: { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { app } } }] }] },
});

runTable(lateralNetworkReach, [
  {
    name: 'without policies every regular container is reachable through the open network',
    objects: [deployment('shop', 'web'), deployment('shop', 'api')],
    edges: [
      'hub:reach/Deployment/shop/api -> Deployment/shop/api#app',
      'hub:reach/Deployment/shop/api -> Deployment/shop/web#app',
    ],
    fixes: [],
  },
  {
    name: 'near miss: a default deny on both directions leaves nothing reachable',
    objects: [deployment('shop', 'web'), deployment('shop', 'api'), deny('shop', ['Ingress', 'Egress'])],
    edges: [],
  },
  {
    name: 'an allow rule reopens exactly the class it names',
    objects: [
      deployment('shop', 'web'),
      deployment('shop', 'api'),
      deployment('data', 'db'),
      deny('data'),
      allowFrom('data', 'db'),
    ],
    edges: [
      'hub:reach/Deployment/data/db -> Deployment/data/db#app',
      'hub:reach/Deployment/shop/api -> Deployment/shop/api#app',
      'hub:reach/Deployment/shop/api -> Deployment/shop/web#app',
    ],
  },
  {
    name: 'not enforced: the default deny is ignored',
    objects: [deployment('shop', 'web'), deny('shop', ['Ingress', 'Egress'])],
    options: { networkPolicyEnforced: false },
    edges: ['hub:reach/Deployment/shop/web -> Deployment/shop/web#app'],
  },
]);

test('lateral-network-reach: a container reaches another class through structural hubs only', () => {
  const model = buildModel(
    snapshotOf([deployment('shop', 'web'), deployment('data', 'db'), deny('data'), allowFrom('data', 'db')]),
  );
  const edges = lateralNetworkReach.find(model);
  const structural = edges.filter((e) => e.structural).map((e) => `${e.from} -> ${e.to}`);
  assert.ok(structural.includes('Deployment/data/db#app -> hub:reach-from/Deployment/data/db'));
  assert.ok(structural.includes('hub:reach-from/Deployment/data/db -> hub:reach/Deployment/data/db'));
  assert.ok(structural.includes('hub:reach-from/Deployment/data/db -> hub:reach-open'));
  assert.ok(structural.includes('hub:reach-open -> hub:reach/Deployment/shop/web'));
  assert.ok(!structural.includes('hub:reach-from/Deployment/shop/web -> hub:reach/Deployment/data/db'));
  const finding = edges.find((e) => !e.structural && e.to === 'Deployment/data/db#app');
  assert.equal(finding?.evidence[0]?.ref, 'NetworkPolicy/data/deny');
});

test('lateral-network-reach: edges grow with classes and containers, not with pods squared', () => {
  const many = Array.from({ length: 60 }, (_, i) => deployment('shop', `app-${i}`));
  const edges = lateralNetworkReach.find(buildModel(snapshotOf(many)));
  // One class: per container one in-edge and one out-edge, plus the class's two open-network edges.
  assert.equal(edges.length, 60 * 2 + 2);
});
