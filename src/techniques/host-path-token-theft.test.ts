import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { hostPathTokenTheft } from './host-path-token-theft.js';
import { runTable } from './table-test.js';
import { container, deployment, hostPathSpec } from './workload-test-fixtures.js';

const HUB = 'Deployment/shop/web#app -> hub:node-tokens/workers';
const agent = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: 'ops' },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    template: {
      metadata: { labels: { app: 'agent' } },
      spec: { serviceAccountName: 'agent', containers: [container()] },
    },
  },
};
const noToken = deployment(
  { serviceAccountName: 'quiet', automountServiceAccountToken: false, containers: [container()] },
  'quiet',
);

runTable(hostPathTokenTheft, [
  {
    name: 'read-only /var/lib/kubelet/pods reaches the tokens of the pool, then each mounted identity',
    objects: [deployment(hostPathSpec('/var/lib/kubelet/pods', true)), agent, noToken],
    edges: [
      HUB,
      'hub:node-tokens/workers -> ServiceAccount/ops/agent',
      'hub:node-tokens/workers -> ServiceAccount/shop/default',
    ],
    fixes: [
      'disable-token-automount@DaemonSet/ops/agent',
      'disable-token-automount@Deployment/shop/web',
      'isolate-sensitive-workload@Deployment/shop/web',
      'remove-host-path@Deployment/shop/web',
    ],
  },
  {
    name: 'a parent directory covers it',
    objects: [deployment(hostPathSpec('/var/lib'))],
    edges: [HUB, 'hub:node-tokens/workers -> ServiceAccount/shop/default'],
  },
  {
    name: 'near miss: a sibling directory',
    objects: [deployment(hostPathSpec('/var/lib/docker')), agent],
    edges: [],
  },
  {
    name: 'near miss: one pod directory below it',
    objects: [deployment(hostPathSpec('/var/lib/kubelet/pods/1234'))],
    edges: [],
  },
]);

test('host-path-token-theft: a DaemonSet identity is trivial, others possible; the fix removes the path', () => {
  const snapshot = snapshotOf([deployment(hostPathSpec('/var/lib/kubelet/pods', true)), agent]);
  const edges = hostPathTokenTheft.find(buildModel(snapshot));
  const byTo = new Map(edges.map((edge) => [edge.to, edge]));
  assert.equal(byTo.get('ServiceAccount/ops/agent')?.likelihood, undefined);
  assert.equal(byTo.get('ServiceAccount/shop/default')?.likelihood, 'possible');
  const hub = byTo.get('hub:node-tokens/workers');
  assert.ok(hub);
  assert.deepEqual(hostPathTokenTheft.find(buildModel(applyPatches(snapshot, hub.fixes))), []);
});
