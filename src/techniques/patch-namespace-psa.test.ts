import { test } from 'node:test';
import { patchNamespacePsa } from './patch-namespace-psa.js';
import { CLUSTER_FIXES, clusterGrant, SHOP_FIXES, shopGrant } from './rbac-capability-fixtures.js';
import {
  assertFixesRemove,
  clusterRole,
  clusterRoleBinding,
  namespace,
  rule,
  sa,
  testMeta,
} from './rbac-test-helpers.js';
import { runTable } from './table-test.js';

const ENFORCE = 'pod-security.kubernetes.io/enforce';
const RESTRICTED = namespace('shop', { [ENFORCE]: 'restricted' });
const ROOT = 'ServiceAccount/shop/ci -> jewel:node-root/workers';
const ROOTS = [ROOT, 'ServiceAccount/shop/ci -> jewel:node-root/control-plane'];
const PODS = rule(['create'], ['pods']);
const PATCH_NS = rule(['patch'], ['namespaces']);

runTable(patchNamespacePsa, [
  {
    name: 'patch namespaces cluster-wide and create pods in a restricted namespace',
    objects: [RESTRICTED, ...clusterGrant(PATCH_NS), ...shopGrant(PODS)],
    edges: ROOTS,
    fixes: CLUSTER_FIXES,
  },
  {
    name: 'a RoleBinding in the namespace patches that namespace',
    objects: [RESTRICTED, ...shopGrant(PATCH_NS, PODS)],
    edges: ROOTS,
    fixes: SHOP_FIXES,
  },
  {
    name: 'resourceNames naming the namespace',
    objects: [
      RESTRICTED,
      ...clusterGrant(rule(['update'], ['namespaces'], [''], ['shop'])),
      ...shopGrant(PODS),
    ],
    edges: ROOTS,
  },
  {
    name: 'near miss: resourceNames naming another namespace',
    objects: [
      RESTRICTED,
      ...clusterGrant(rule(['patch'], ['namespaces'], [''], ['other'])),
      ...shopGrant(PODS),
    ],
    edges: [],
  },
  { name: 'near miss: no pod creation', objects: [RESTRICTED, ...clusterGrant(PATCH_NS)], edges: [] },
  {
    name: 'near miss: already privileged (create-privileged-pod covers it)',
    objects: [namespace('shop', { [ENFORCE]: 'privileged' }), ...clusterGrant(PATCH_NS), ...shopGrant(PODS)],
    edges: [],
  },
  {
    name: 'near miss: get namespaces',
    objects: [RESTRICTED, ...clusterGrant(rule(['get'], ['namespaces'])), ...shopGrant(PODS)],
    edges: [],
  },
  {
    name: 'near miss: pod creation is for another subject',
    objects: [
      RESTRICTED,
      ...clusterGrant(PATCH_NS),
      clusterRole('pods', [PODS]),
      clusterRoleBinding('pods', 'pods', [sa('other', 'shop')]),
    ],
    edges: [],
  },
]);

test('patch-namespace-psa: each fix removes the edge', () => {
  assertFixesRemove(patchNamespacePsa, [RESTRICTED, ...clusterGrant(PATCH_NS), ...shopGrant(PODS)], ROOT);
  assertFixesRemove(patchNamespacePsa, [RESTRICTED, ...shopGrant(PATCH_NS, PODS)], ROOT);
});

testMeta(patchNamespacePsa);
