import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { app, clusterBinding, clusterRole, kubeletConfiguration } from './control-plane-fixtures.js';
import { kubeletAnonymousExec } from './kubelet-anonymous-exec.js';
import { runTable } from './table-test.js';

const anonymousOn = { authentication: { anonymous: { enabled: true } } };
const proxy = clusterRole('proxy', { apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] });
const anonymous = { kind: 'User', name: 'system:anonymous', apiGroup: 'rbac.authorization.k8s.io' };
const kubeletPod = (flags: string[]) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'kubelet', namespace: 'kube-system' },
  spec: { containers: [{ name: 'kubelet', image: 'kubelet:1', command: ['/usr/bin/kubelet', ...flags] }] },
});

runTable(kubeletAnonymousExec, [
  {
    name: 'anonymous auth on and AlwaysAllow in a KubeletConfiguration',
    objects: [app(), kubeletConfiguration({ ...anonymousOn, authorization: { mode: 'AlwaysAllow' } })],
    edges: ['endpoint:kubelet -> Deployment/shop/web#app'],
    fixes: ['disable-kubelet-anonymous-auth@KubeletConfiguration/'],
  },
  {
    name: 'near miss: a KubeletConfiguration file defaults to anonymous off and Webhook',
    objects: [app(), kubeletConfiguration({ authorization: { mode: 'AlwaysAllow' } })],
    edges: [],
  },
  {
    name: 'near miss: anonymous on with Webhook and no RBAC grant',
    objects: [app(), kubeletConfiguration(anonymousOn)],
    edges: [],
  },
  {
    name: 'Webhook, and RBAC grants nodes/proxy to system:anonymous',
    objects: [
      app(),
      kubeletConfiguration(anonymousOn),
      proxy,
      clusterBinding('anon-proxy', 'proxy', anonymous),
    ],
    edges: ['endpoint:kubelet -> Deployment/shop/web#app'],
  },
  {
    name: 'near miss: debugging handlers off',
    objects: [
      app(),
      kubeletConfiguration({
        ...anonymousOn,
        authorization: { mode: 'AlwaysAllow' },
        enableDebuggingHandlers: false,
      }),
    ],
    edges: [],
  },
  {
    name: 'legacy flags default to anonymous on and AlwaysAllow',
    objects: [app(), kubeletPod(['--node-ip=10.0.0.4'])],
    edges: [
      'endpoint:kubelet -> Deployment/shop/web#app',
      'endpoint:kubelet -> Pod/kube-system/kubelet#kubelet',
    ],
    fixes: ['disable-kubelet-anonymous-auth@Pod/kube-system/kubelet'],
  },
  {
    name: 'the kubelet named in args, with the image entrypoint as command, is read the same',
    objects: [
      app(),
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'kubelet', namespace: 'kube-system' },
        spec: {
          containers: [{ name: 'kubelet', image: 'kubelet:1', args: ['kubelet', '--node-ip=10.0.0.4'] }],
        },
      },
    ],
    edges: [
      'endpoint:kubelet -> Deployment/shop/web#app',
      'endpoint:kubelet -> Pod/kube-system/kubelet#kubelet',
    ],
  },
  {
    name: 'near miss: a process named like the kubelet is not one',
    objects: [
      app(),
      { ...kubeletPod([]), spec: { containers: [{ name: 'k', command: ['/bin/kubelet-helper'] }] } },
    ],
    edges: [],
  },
  {
    name: 'near miss: flags with --config take the file defaults',
    objects: [app(), kubeletPod(['--config=/var/lib/kubelet/config.yaml'])],
    edges: [],
  },
]);

test('kubelet-anonymous-exec: the fix turns anonymous auth off in the KubeletConfiguration', () => {
  const snapshot = snapshotOf([
    app(),
    kubeletConfiguration({ ...anonymousOn, authorization: { mode: 'AlwaysAllow' } }),
  ]);
  const [edge] = kubeletAnonymousExec.find(buildModel(snapshot));
  assert.deepEqual(edge?.fixes[0]?.ops, [
    { op: 'add', path: '/authentication/anonymous/enabled', value: false },
  ]);
  assert.deepEqual(kubeletAnonymousExec.find(buildModel(applyPatches(snapshot, edge!.fixes))), []);
});
