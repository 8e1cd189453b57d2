import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { apiserverAnonymousAccess } from './apiserver-anonymous-access.js';
import { clusterBinding, clusterRole, staticPod } from './control-plane-fixtures.js';
import { runTable } from './table-test.js';

const anonymous = { kind: 'User', name: 'system:anonymous', apiGroup: 'rbac.authorization.k8s.io' };
const unauthenticated = {
  kind: 'Group',
  name: 'system:unauthenticated',
  apiGroup: 'rbac.authorization.k8s.io',
};
const readPods = clusterRole('read-pods', { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] });
const health = clusterRole('health', { nonResourceURLs: ['/healthz', '/version'], verbs: ['get'] });

runTable(apiserverAnonymousAccess, [
  {
    name: 'a real grant to system:anonymous, with no API server manifest (defaults assumed)',
    objects: [readPods, clusterBinding('anon', 'read-pods', anonymous)],
    edges: ['endpoint:kube-apiserver -> User/system:anonymous'],
    fixes: ['remove-binding-subject@ClusterRoleBinding/anon'],
  },
  {
    name: 'a grant to system:unauthenticated, fixed on the binding or by turning anonymous auth off',
    objects: [
      staticPod('kube-apiserver', ['--authorization-mode=Node,RBAC']),
      readPods,
      clusterBinding('anon', 'read-pods', unauthenticated),
    ],
    edges: ['endpoint:kube-apiserver -> Group/system:unauthenticated'],
    fixes: [
      'disable-anonymous-auth@Pod/kube-system/kube-apiserver-cp1',
      'remove-binding-subject@ClusterRoleBinding/anon',
    ],
  },
  {
    name: 'near miss: anonymous auth off',
    objects: [
      staticPod('kube-apiserver', ['--anonymous-auth=false', '--authorization-mode=Node,RBAC']),
      readPods,
      clusterBinding('anon', 'read-pods', anonymous),
    ],
    edges: [],
  },
  {
    name: 'near miss: only public health and version endpoints',
    objects: [health, clusterBinding('anon', 'health', unauthenticated)],
    edges: [],
  },
  {
    name: 'AlwaysAllow (authorization-mode unset) gives anonymous users cluster-admin',
    objects: [staticPod('kube-apiserver', ['--secure-port=6443'])],
    edges: ['endpoint:kube-apiserver -> jewel:cluster-admin'],
    fixes: [
      'disable-anonymous-auth@Pod/kube-system/kube-apiserver-cp1',
      'set-authorization-mode-rbac@Pod/kube-system/kube-apiserver-cp1',
    ],
  },
  {
    name: 'near miss: Node,RBAC and no anonymous grants',
    objects: [staticPod('kube-apiserver', ['--authorization-mode=Node,RBAC'])],
    edges: [],
  },
]);

test('apiserver-anonymous-access: the fix rewrites the flag in the static pod command, and the edge goes', () => {
  const snapshot = snapshotOf([
    staticPod('kube-apiserver', ['--authorization-mode=AlwaysAllow', '--anonymous-auth=true']),
  ]);
  const [edge] = apiserverAnonymousAccess.find(buildModel(snapshot));
  const fix = edge?.fixes.find((f) => f.remediation === 'set-authorization-mode-rbac');
  assert.deepEqual(fix?.ops, [
    { op: 'replace', path: '/spec/containers/0/command/1', value: '--authorization-mode=Node,RBAC' },
  ]);
  assert.deepEqual(apiserverAnonymousAccess.find(buildModel(applyPatches(snapshot, [fix!]))), []);
  const off = edge?.fixes.find((f) => f.remediation === 'disable-anonymous-auth');
  assert.deepEqual(off?.ops, [
    { op: 'replace', path: '/spec/containers/0/command/2', value: '--anonymous-auth=false' },
  ]);
});
