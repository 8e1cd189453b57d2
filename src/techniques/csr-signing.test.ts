import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csrSigning } from './csr-signing.js';
import { CLUSTER_FIXES, clusterGrant, shopGrant } from './rbac-capability-fixtures.js';
import {
  arrows,
  assertFixesRemove,
  clusterRoleBinding,
  edgesOf,
  group,
  rule,
  testMeta,
  user,
} from './rbac-test-helpers.js';
import { runTable } from './table-test.js';

const G = ['certificates.k8s.io'];
const CREATE = rule(['create'], ['certificatesigningrequests'], G);
const APPROVAL = rule(['update'], ['certificatesigningrequests/approval'], G);
const signer = (...names: string[]) => rule(['approve'], ['signers'], G, names);
const ADMIN = 'ServiceAccount/shop/ci -> hub:client-certificates/*';

runTable(csrSigning, [
  {
    name: 'create, approve and the client signer: any bound user or group',
    objects: clusterGrant(CREATE, APPROVAL, signer('kubernetes.io/kube-apiserver-client')),
    edges: [ADMIN],
    fixes: CLUSTER_FIXES,
  },
  {
    name: 'kubernetes.io/* covers both signers',
    objects: clusterGrant(CREATE, APPROVAL, signer('kubernetes.io/*')),
    edges: [ADMIN, 'ServiceAccount/shop/ci -> Group/system:nodes'],
  },
  {
    name: 'the kubelet client signer issues a node identity',
    objects: clusterGrant(CREATE, APPROVAL, signer('kubernetes.io/kube-apiserver-client-kubelet')),
    edges: ['ServiceAccount/shop/ci -> Group/system:nodes'],
  },
  {
    name: 'approve on every signer',
    objects: clusterGrant(CREATE, APPROVAL, rule(['approve'], ['signers'], G)),
    edges: [ADMIN, 'ServiceAccount/shop/ci -> Group/system:nodes'],
  },
  { name: 'near miss: no create', objects: clusterGrant(APPROVAL, signer('kubernetes.io/*')), edges: [] },
  {
    name: 'near miss: no approval update',
    objects: clusterGrant(CREATE, signer('kubernetes.io/*')),
    edges: [],
  },
  {
    name: 'near miss: another signer',
    objects: clusterGrant(CREATE, APPROVAL, signer('example.com/signer')),
    edges: [],
  },
  {
    name: 'near miss: granted in a namespace only',
    objects: shopGrant(CREATE, APPROVAL, signer('kubernetes.io/*')),
    edges: [],
  },
]);

test('csr-signing: each fix removes the edge', () => {
  assertFixesRemove(
    csrSigning,
    clusterGrant(CREATE, APPROVAL, signer('kubernetes.io/kube-apiserver-client')),
    ADMIN,
  );
});

test('csr-signing: the client hub reaches every bound user and group but system:masters', () => {
  const bound = clusterRoleBinding('admins', 'cluster-admin', [
    user('alice'),
    group('kubeadm:cluster-admins'),
    group('system:masters'),
  ]);
  const edges = edgesOf(csrSigning, [
    bound,
    ...clusterGrant(CREATE, APPROVAL, signer('kubernetes.io/kube-apiserver-client')),
  ]);
  assert.deepEqual(arrows(edges.filter((edge) => edge.structural)), [
    'hub:client-certificates/* -> Group/kubeadm:cluster-admins',
    'hub:client-certificates/* -> User/alice',
  ]);
});

testMeta(csrSigning);
