import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { hostPathEscape } from './host-path-escape.js';
import { sensitiveHostPath } from './host-paths.js';
import { runTable } from './table-test.js';

const EDGE = 'Deployment/shop/web#app -> jewel:node-root/workers';
const FIX = 'remove-host-path@Deployment/shop/web';

const deployment = (spec: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec },
  },
});

/** One container mounting one hostPath volume. */
const mounting = (path: string, readOnly = false, extra: Record<string, unknown> = {}) =>
  deployment({
    containers: [
      { name: 'app', image: 'nginx:1.27', volumeMounts: [{ name: 'host', mountPath: '/host', readOnly }] },
    ],
    volumes: [{ name: 'host', hostPath: { path } }],
    ...extra,
  });

runTable(hostPathEscape, [
  { name: 'writable / is node root', objects: [mounting('/')], edges: [EDGE], fixes: [FIX] },
  {
    name: 'read-only / is still node root (kubelet credentials)',
    objects: [mounting('/', true)],
    edges: [EDGE],
    fixes: [FIX],
  },
  { name: 'writable /etc', objects: [mounting('/etc')], edges: [EDGE], fixes: [FIX] },
  { name: 'trailing slash and .. normalise to /etc', objects: [mounting('/var/../etc/')], edges: [EDGE] },
  {
    name: 'read-only /var/lib/kubelet holds the kubelet client certificate',
    objects: [mounting('/var/lib/kubelet', true)],
    edges: [EDGE],
  },
  {
    name: 'read-only /etc/kubernetes/pki lies inside a credential subtree',
    objects: [mounting('/etc/kubernetes/pki', true)],
    edges: [EDGE],
  },
  { name: 'writable /var contains /var/lib/kubelet', objects: [mounting('/var')], edges: [EDGE] },
  {
    name: 'near miss: writable /proc is core-pattern-escape, not counted twice',
    objects: [mounting('/proc')],
    edges: [],
  },
  {
    name: "writable /var/lib/kubelet/pods reaches privileged pods' volumes",
    objects: [mounting('/var/lib/kubelet/pods')],
    edges: [EDGE],
  },
  {
    name: 'near miss: read-only /var/lib/kubelet/pods holds pod tokens, not the kubelet certificate',
    objects: [mounting('/var/lib/kubelet/pods', true)],
    edges: [],
  },
  {
    name: 'near miss: read-only /var/lib/docker is not node root',
    objects: [mounting('/var/lib/docker', true)],
    edges: [],
  },
  {
    name: 'near miss: writable /var/log is node-file-read, not root',
    objects: [mounting('/var/log')],
    edges: [],
  },
  {
    name: 'near miss: /etc/ssl/certs is not a sensitive path',
    objects: [mounting('/etc/ssl/certs')],
    edges: [],
  },
  {
    name: 'near miss: the runtime socket belongs to runtime-socket-mount',
    objects: [mounting('/var/run/docker.sock')],
    edges: [],
  },
  { name: 'near miss: /dev is left out (device cgroup)', objects: [mounting('/dev')], edges: [] },
  {
    name: 'near miss: a hostPath volume that no container mounts',
    objects: [
      deployment({
        containers: [{ name: 'app', image: 'nginx:1.27' }],
        volumes: [{ name: 'host', hostPath: { path: '/' } }],
      }),
    ],
    edges: [],
  },
  {
    name: 'near miss: an emptyDir mounted at the same place',
    objects: [
      deployment({
        containers: [
          { name: 'app', image: 'nginx:1.27', volumeMounts: [{ name: 'host', mountPath: '/host' }] },
        ],
        volumes: [{ name: 'host', emptyDir: {} }],
      }),
    ],
    edges: [],
  },
  {
    name: 'only the container that mounts it escapes',
    objects: [
      deployment({
        containers: [
          { name: 'app', image: 'nginx:1.27', volumeMounts: [{ name: 'host', mountPath: '/host' }] },
          { name: 'sidecar', image: 'envoy:1.30' },
        ],
        volumes: [{ name: 'host', hostPath: { path: '/root' } }],
      }),
    ],
    edges: [EDGE],
  },
]);

test('host-path-escape: read-only is likely; a user namespace or a non-root UID makes it harder', () => {
  const likelihood = (
    readOnly: boolean,
    pod: Record<string, unknown> = {},
    container: Record<string, unknown> = {},
  ) => {
    const object = mounting('/', readOnly, pod) as unknown as {
      spec: { template: { spec: { containers: Record<string, unknown>[] } } };
    };
    Object.assign(object.spec.template.spec.containers[0]!, container);
    const [edge] = hostPathEscape.find(buildModel(snapshotOf([object])));
    return edge?.likelihood ?? 'trivial';
  };
  assert.equal(likelihood(false), 'trivial');
  assert.equal(likelihood(true), 'likely');
  assert.equal(likelihood(false, { hostUsers: false }), 'unlikely');
  assert.equal(likelihood(true, { securityContext: { runAsUser: 0 } }), 'likely');
  assert.equal(likelihood(true, { securityContext: { runAsUser: 65534 } }), 'possible');
  assert.equal(
    likelihood(
      true,
      { securityContext: { runAsUser: 65534 } },
      { securityContext: { allowPrivilegeEscalation: false } },
    ),
    'unlikely',
  );
});

test('host-path-escape: the fix removes the volume and every mount of it, descending, and the edge is gone', () => {
  const snapshot = snapshotOf([
    deployment({
      initContainers: [
        { name: 'init', image: 'busybox:1.36', volumeMounts: [{ name: 'host', mountPath: '/h' }] },
      ],
      containers: [
        {
          name: 'app',
          image: 'nginx:1.27',
          volumeMounts: [
            { name: 'host', mountPath: '/a' },
            { name: 'data', mountPath: '/data' },
            { name: 'host', mountPath: '/b', readOnly: true },
          ],
        },
      ],
      volumes: [
        { name: 'data', emptyDir: {} },
        { name: 'host', hostPath: { path: '/etc/kubernetes/' } },
      ],
    }),
  ]);
  const edges = hostPathEscape.find(buildModel(snapshot));
  assert.deepEqual(
    edges.map((edge) => edge.from),
    ['Deployment/shop/web#app', 'Deployment/shop/web#init'],
  );
  const fix = edges[0]!.fixes[0]!;
  assert.deepEqual(fix.ops, [
    { op: 'remove', path: '/spec/template/spec/containers/0/volumeMounts/2' },
    { op: 'remove', path: '/spec/template/spec/containers/0/volumeMounts/0' },
    { op: 'remove', path: '/spec/template/spec/initContainers/0/volumeMounts/0' },
    { op: 'remove', path: '/spec/template/spec/volumes/1' },
  ]);
  const patched = applyPatches(snapshot, [fix]);
  assert.deepEqual(hostPathEscape.find(buildModel(patched)), []);
  const object = patched.objects[0]!.object as { spec: { template: { spec: Record<string, unknown> } } };
  const spec = object.spec.template.spec;
  assert.deepEqual(spec.volumes, [{ name: 'data', emptyDir: {} }]);
});

test('host-path-escape: the sensitive path table decides by containment', () => {
  assert.equal(sensitiveHostPath('/')?.path, '/');
  assert.equal(sensitiveHostPath('//etc//')?.path, '/etc');
  assert.equal(sensitiveHostPath('/var/lib')?.readOnlyRoot, true);
  assert.equal(sensitiveHostPath('/var/lib/kubelet/pods/x')?.path, '/var/lib/kubelet/pods');
  assert.equal(sensitiveHostPath('/var/lib/kubelet/pki')?.path, '/var/lib/kubelet');
  assert.equal(sensitiveHostPath('/etc/hostname'), undefined);
  assert.equal(sensitiveHostPath('/opt/data'), undefined);
});
