import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { runTable } from './table-test.js';
import { varLogEscape } from './var-log-escape.js';
import { deployment, hostPathSpec } from './workload-test-fixtures.js';

const EDGE = 'Deployment/shop/web#app -> jewel:node-file-read/workers';
const role = (resources: string[]) => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'Role',
  metadata: { name: 'logs', namespace: 'shop' },
  rules: [{ apiGroups: [''], resources, verbs: ['get'] }],
});
const binding = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: { name: 'logs', namespace: 'shop' },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'logs' },
  subjects: [{ kind: 'ServiceAccount', name: 'default', namespace: 'shop' }],
};

runTable(varLogEscape, [
  {
    name: 'writable /var/log and get pods/log',
    objects: [deployment(hostPathSpec('/var/log')), role(['pods/log']), binding],
    edges: [EDGE],
    fixes: ['remove-host-path@Deployment/shop/web'],
  },
  {
    name: 'writable /var/log/pods',
    objects: [deployment(hostPathSpec('/var/log/pods')), role(['pods/log']), binding],
    edges: [EDGE],
  },
  {
    name: 'near miss: read-only /var/log',
    objects: [deployment(hostPathSpec('/var/log', true)), role(['pods/log']), binding],
    edges: [],
  },
  {
    name: 'near miss: no log rights (pods is not pods/log)',
    objects: [deployment(hostPathSpec('/var/log')), role(['pods']), binding],
    edges: [],
  },
  {
    name: 'near miss: no token mounted',
    objects: [
      deployment(hostPathSpec('/var/log', false, { automountServiceAccountToken: false })),
      role(['pods/log']),
      binding,
    ],
    edges: [],
  },
  {
    name: 'near miss: an application log directory',
    objects: [deployment(hostPathSpec('/var/log/nginx')), role(['pods/log']), binding],
    edges: [],
  },
]);

test('var-log-escape: evidence names the binding, and the fix removes the edge', () => {
  const snapshot = snapshotOf([deployment(hostPathSpec('/var/log')), role(['pods/log']), binding]);
  const [edge] = varLogEscape.find(buildModel(snapshot));
  assert.ok(edge);
  assert.equal(edge.evidence[2]?.ref, 'RoleBinding/shop/logs');
  assert.deepEqual(varLogEscape.find(buildModel(applyPatches(snapshot, edge.fixes))), []);
});

test('var-log-escape: node-file-read is a jewel the risk counts, and removing the hostPath zeroes it', async () => {
  const { runPipeline } = await import('../prioritize/pipeline.js');
  const { DEFAULT_CONFIG } = await import('../prioritize/config.js');
  const snapshot = snapshotOf([
    deployment(hostPathSpec('/var/log', false, { automountServiceAccountToken: false })),
    role(['pods/log']),
    binding,
  ]);
  // Automount off: no token, so no step; with it on, the container reaches the jewel.
  const context = { config: DEFAULT_CONFIG, builtIn: [] };
  assert.equal(runPipeline(snapshot, context).risk.total, 0);
  const withToken = snapshotOf([deployment(hostPathSpec('/var/log')), role(['pods/log']), binding]);
  const run = runPipeline(withToken, context);
  assert.ok(run.risk.total > 0);
  const [edge] = varLogEscape.find(run.model);
  assert.ok(edge);
  assert.equal(runPipeline(applyPatches(withToken, edge.fixes), context).risk.total, 0);
});
