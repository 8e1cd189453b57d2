import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { shareProcessNamespace } from './share-process-namespace.js';
import { runTable } from './table-test.js';
import { deployment } from './workload-test-fixtures.js';

const app = { name: 'app', image: 'web:1.0' };
const vault = { name: 'vault', image: 'agent:1', volumeMounts: [{ name: 'secrets', mountPath: '/s' }] };
const volumes = [{ name: 'secrets', secret: { secretName: 'db' } }];
const pod = (extra: Record<string, unknown>) => deployment({ containers: [app, vault], volumes, ...extra });

runTable(shareProcessNamespace, [
  {
    name: 'the plain container reaches the sibling that mounts a Secret, not the reverse',
    objects: [pod({ shareProcessNamespace: true })],
    edges: ['Deployment/shop/web#app -> Deployment/shop/web#vault'],
    fixes: ['disable-share-process-namespace@Deployment/shop/web'],
  },
  { name: 'near miss: shareProcessNamespace unset', objects: [pod({})], edges: [] },
  {
    name: 'near miss: init containers have exited',
    objects: [
      deployment({ shareProcessNamespace: true, containers: [app], initContainers: [vault], volumes }),
    ],
    edges: [],
  },
  {
    name: 'near miss: siblings holding the same things',
    objects: [
      deployment({ shareProcessNamespace: true, containers: [app, { name: 'side', image: 'envoy:1' }] }),
    ],
    edges: [],
  },
]);

test('share-process-namespace: a different non-root UID is unlikely; the fix removes the edge', () => {
  const snapshot = snapshotOf([pod({ shareProcessNamespace: true })]);
  const [edge] = shareProcessNamespace.find(buildModel(snapshot));
  assert.ok(edge);
  assert.equal(edge.likelihood, undefined);
  assert.deepEqual(shareProcessNamespace.find(buildModel(applyPatches(snapshot, edge.fixes))), []);
  const uids = snapshotOf([
    deployment({
      shareProcessNamespace: true,
      containers: [
        { ...app, securityContext: { runAsUser: 1000 } },
        { ...vault, securityContext: { runAsUser: 2000 } },
      ],
      volumes,
    }),
  ]);
  assert.equal(shareProcessNamespace.find(buildModel(uids))[0]?.likelihood, 'unlikely');
});
