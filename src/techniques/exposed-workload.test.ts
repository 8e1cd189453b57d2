import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { exposedWorkload } from './exposed-workload.js';
import { runTable } from './table-test.js';

const deployment = (name: string, containers: unknown[] = [{ name: 'app', image: 'web:1.0' }]) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'shop' },
  spec: {
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers, initContainers: [{ name: 'init', image: 'busybox:1.36' }] },
    },
  },
});
const service = (name: string, type: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'shop' },
  spec: { type, selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }], ...spec },
});
const path = (svc: string, p: string) => ({
  path: p,
  pathType: 'Prefix',
  backend: { service: { name: svc, port: { number: 80 } } },
});
const ingress = (rules: unknown[]) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'public', namespace: 'shop' },
  spec: { rules },
});

runTable(exposedWorkload, [
  {
    name: 'a LoadBalancer Service reaches every regular container, not init containers',
    objects: [
      deployment('web', [
        { name: 'app', image: 'web:1.0' },
        { name: 'proxy', image: 'envoy:1.30' },
      ]),
      service('web', 'LoadBalancer'),
    ],
    edges: ['Service/shop/web -> Deployment/shop/web#app', 'Service/shop/web -> Deployment/shop/web#proxy'],
    fixes: ['make-service-internal@Service/shop/web'],
  },
  {
    name: 'a NodePort Service',
    objects: [deployment('web'), service('web', 'NodePort', { ports: [{ port: 80, nodePort: 30080 }] })],
    edges: ['Service/shop/web -> Deployment/shop/web#app'],
    fixes: ['make-service-internal@Service/shop/web'],
  },
  {
    name: 'near miss: a ClusterIP Service',
    objects: [deployment('web'), service('web', 'ClusterIP')],
    edges: [],
  },
  {
    name: 'near miss: the Service selects other pods',
    objects: [
      deployment('web'),
      { ...service('web', 'LoadBalancer'), spec: { type: 'LoadBalancer', selector: { app: 'api' } } },
    ],
    edges: [],
  },
  {
    name: 'an Ingress route to a ClusterIP Service, removed with the rule',
    objects: [
      deployment('web'),
      service('web', 'ClusterIP'),
      deployment('api'),
      service('api', 'ClusterIP'),
      ingress([
        { host: 'shop.example', http: { paths: [path('web', '/')] } },
        { host: 'api.example', http: { paths: [path('api', '/')] } },
      ]),
    ],
    edges: [
      'Ingress/shop/public -> Deployment/shop/api#app',
      'Ingress/shop/public -> Deployment/shop/web#app',
    ],
    fixes: ['remove-ingress-backend@Ingress/shop/public'],
  },
  {
    name: 'near miss: the Ingress names a Service that does not exist',
    objects: [deployment('web'), ingress([{ http: { paths: [path('nothing', '/')] } }])],
    edges: [],
  },
  {
    name: 'a hostPort reaches only the container that declares it, with no fix',
    objects: [
      deployment('web', [
        { name: 'app', image: 'web:1.0', ports: [{ containerPort: 8080, hostPort: 80 }] },
        { name: 'proxy', image: 'envoy:1.30', ports: [{ containerPort: 9901 }] },
      ]),
    ],
    edges: ['hostPort:Deployment/shop/web:80 -> Deployment/shop/web#app'],
    fixes: [],
  },
  {
    name: 'every distinct hostPort is its own endpoint',
    objects: [
      deployment('web', [
        {
          name: 'app',
          image: 'web:1.0',
          ports: [
            { containerPort: 8080, hostPort: 80 },
            { containerPort: 8443, hostPort: 443 },
          ],
        },
      ]),
    ],
    edges: [
      'hostPort:Deployment/shop/web:443 -> Deployment/shop/web#app',
      'hostPort:Deployment/shop/web:80 -> Deployment/shop/web#app',
    ],
    fixes: [],
  },
  {
    name: 'a ClusterIP Service with a public external IP, removed by dropping externalIPs',
    objects: [deployment('web'), service('web', 'ClusterIP', { externalIPs: ['198.51.100.10'] })],
    edges: ['Service/shop/web -> Deployment/shop/web#app'],
    fixes: ['remove-external-ips@Service/shop/web'],
  },
  {
    name: 'near miss: external IPs in a private range',
    objects: [deployment('web'), service('web', 'ClusterIP', { externalIPs: ['10.0.0.5'] })],
    edges: [],
  },
  {
    name: 'near miss: a containerPort without hostPort',
    objects: [deployment('web', [{ name: 'app', image: 'web:1.0', ports: [{ containerPort: 8080 }] }])],
    edges: [],
  },
]);

test('exposed-workload: make-service-internal removes every field a ClusterIP Service may not carry', () => {
  const lb = service('web', 'LoadBalancer', {
    ports: [
      { name: 'http', port: 80, nodePort: 30080 },
      { name: 'https', port: 443, nodePort: 30443 },
    ],
    externalTrafficPolicy: 'Local',
    healthCheckNodePort: 32000,
    loadBalancerSourceRanges: ['0.0.0.0/0'],
  });
  const snapshot = snapshotOf([deployment('web'), lb]);
  const [edge] = exposedWorkload.find(buildModel(snapshot));
  assert.deepEqual(edge?.fixes[0]?.ops, [
    { op: 'replace', path: '/spec/type', value: 'ClusterIP' },
    { op: 'remove', path: '/spec/ports/1/nodePort' },
    { op: 'remove', path: '/spec/ports/0/nodePort' },
    { op: 'remove', path: '/spec/externalTrafficPolicy' },
    { op: 'remove', path: '/spec/healthCheckNodePort' },
    { op: 'remove', path: '/spec/loadBalancerSourceRanges' },
  ]);
  const patched = applyPatches(snapshot, edge!.fixes);
  assert.deepEqual(exposedWorkload.find(buildModel(patched)), []);
  const spec = (patched.objects[1]!.object as { spec: Record<string, unknown> }).spec;
  assert.deepEqual(Object.keys(spec).sort(), ['ports', 'selector', 'type']);
});

test('exposed-workload: remove-ingress-backend removes one path, or the rule it empties, in descending order', () => {
  const snapshot = snapshotOf([
    deployment('web'),
    service('web', 'ClusterIP'),
    deployment('api'),
    service('api', 'ClusterIP'),
    ingress([
      { host: 'a.example', http: { paths: [path('api', '/api'), path('web', '/'), path('web', '/static')] } },
      { host: 'b.example', http: { paths: [path('web', '/')] } },
    ]),
  ]);
  const edges = exposedWorkload.find(buildModel(snapshot));
  const web = edges.find((edge) => edge.to === 'Deployment/shop/web#app');
  assert.deepEqual(web?.fixes[0]?.ops, [
    { op: 'remove', path: '/spec/rules/1' },
    { op: 'remove', path: '/spec/rules/0/http/paths/2' },
    { op: 'remove', path: '/spec/rules/0/http/paths/1' },
  ]);
  const after = exposedWorkload.find(buildModel(applyPatches(snapshot, web!.fixes)));
  assert.deepEqual(
    after.map((edge) => `${edge.from} -> ${edge.to}`),
    ['Ingress/shop/public -> Deployment/shop/api#app'],
  );
});

test('exposed-workload: an Ingress that only routes to the workload is deleted whole', () => {
  const snapshot = snapshotOf([
    deployment('web'),
    service('web', 'ClusterIP'),
    ingress([{ http: { paths: [path('web', '/')] } }]),
  ]);
  const [edge] = exposedWorkload.find(buildModel(snapshot));
  assert.equal(edge?.evidence[0]?.path, '/spec/rules/0/http/paths/0');
  assert.deepEqual(edge?.fixes[0]?.ops, [{ op: 'delete-object' }]);
  assert.deepEqual(exposedWorkload.find(buildModel(applyPatches(snapshot, edge!.fixes))), []);
});
