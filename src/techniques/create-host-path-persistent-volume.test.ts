import { test } from 'node:test';
import { createHostPathPersistentVolume } from './create-host-path-persistent-volume.js';
import { CLUSTER_FIXES, clusterGrant, shopGrant } from './rbac-capability-fixtures.js';
import { assertFixesRemove, namespace, rule, testMeta } from './rbac-test-helpers.js';
import { runTable } from './table-test.js';

const PV = rule(['create'], ['persistentvolumes']);
const PVC = rule(['create'], ['persistentvolumeclaims']);
const PODS = rule(['create'], ['pods']);
const ROOTS = [
  'ServiceAccount/shop/ci -> jewel:node-root/control-plane',
  'ServiceAccount/shop/ci -> jewel:node-root/workers',
];
const RESTRICTED = namespace('shop', { 'pod-security.kubernetes.io/enforce': 'restricted' });

runTable(createHostPathPersistentVolume, [
  {
    name: 'create PVs cluster-wide, claims and pods in a restricted namespace: PSA does not check the claim',
    objects: [RESTRICTED, ...clusterGrant(PV), ...shopGrant(PVC, PODS)],
    edges: ROOTS,
    fixes: CLUSTER_FIXES,
  },
  {
    name: 'a Deployment instead of a pod',
    objects: [...clusterGrant(PV), ...shopGrant(PVC, rule(['create'], ['deployments'], ['apps']))],
    edges: ROOTS,
  },
  { name: 'near miss: no claims', objects: [...clusterGrant(PV), ...shopGrant(PODS)], edges: [] },
  { name: 'near miss: no pods', objects: [...clusterGrant(PV), ...shopGrant(PVC)], edges: [] },
  { name: 'near miss: PVs through a RoleBinding', objects: shopGrant(PV, PVC, PODS), edges: [] },
  {
    name: 'near miss: get PVs',
    objects: [...clusterGrant(rule(['get'], ['persistentvolumes'])), ...shopGrant(PVC, PODS)],
    edges: [],
  },
]);

test('create-host-path-persistent-volume: each fix removes the edge', () => {
  assertFixesRemove(
    createHostPathPersistentVolume,
    [...clusterGrant(PV), ...shopGrant(PVC, PODS)],
    ROOTS[1]!,
  );
});

testMeta(createHostPathPersistentVolume);
