import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { kubeletConfiguration } from './control-plane-fixtures.js';
import { kubeletReadOnlyPort } from './kubelet-read-only-port.js';
import { runTable } from './table-test.js';

const kubeletConfigMap = (text: string) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'kubelet-config', namespace: 'kube-system' },
  data: { kubelet: text },
});

runTable(kubeletReadOnlyPort, [
  {
    name: 'readOnlyPort 10255 in a KubeletConfiguration',
    objects: [kubeletConfiguration({ readOnlyPort: 10255 })],
    edges: ['endpoint:kubelet-read-only-port -> info:kubelet-pod-listing'],
    fixes: ['disable-kubelet-read-only-port@KubeletConfiguration/'],
  },
  {
    name: 'near miss: a KubeletConfiguration without readOnlyPort (off by default)',
    objects: [kubeletConfiguration({})],
    edges: [],
  },
  {
    name: 'the kubeadm kubelet-config ConfigMap (no patch: the settings are one YAML string)',
    objects: [
      kubeletConfigMap(
        'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n',
      ),
    ],
    edges: ['endpoint:kubelet-read-only-port -> info:kubelet-pod-listing'],
    fixes: [],
  },
  {
    name: 'near miss: the ConfigMap sets readOnlyPort 0',
    objects: [kubeletConfigMap('kind: KubeletConfiguration\nreadOnlyPort: 0\n')],
    edges: [],
  },
]);

test('kubelet-read-only-port: the fix sets readOnlyPort to 0', () => {
  const [edge] = kubeletReadOnlyPort.find(
    buildModel(snapshotOf([kubeletConfiguration({ readOnlyPort: 10255 })])),
  );
  assert.deepEqual(edge?.fixes[0]?.ops, [{ op: 'add', path: '/readOnlyPort', value: 0 }]);
});
