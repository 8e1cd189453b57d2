import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from './build-model.js';
import { isPrivateCidr } from './exposure.js';
import { snapshotOf } from './test-helpers.js';

const deployment = (
  name: string,
  labels: Record<string, string>,
  container: Record<string, unknown> = {},
) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'shop' },
  spec: { template: { metadata: { labels }, spec: { containers: [{ name: 'app', ...container }] } } },
});

const service = (
  name: string,
  spec: Record<string, unknown>,
  annotations: Record<string, string> = {},
  namespace = 'shop',
) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace, annotations },
  spec,
});

const exposures = (objects: unknown[], ref = 'Deployment/shop/web') =>
  buildModel(snapshotOf(objects))
    .exposureOf(ref)
    .map((e) => `${e.kind} ${e.via}${e.port !== undefined ? `:${e.port}` : ''}`);

const web = deployment('web', { app: 'web', tier: 'front' });

test('a public LoadBalancer selecting the pods exposes them (and is not also reported as a NodePort)', () => {
  assert.deepEqual(
    exposures([
      web,
      service('lb', {
        type: 'LoadBalancer',
        selector: { app: 'web' },
        ports: [{ port: 443, nodePort: 30443 }],
      }),
    ]),
    ['LoadBalancer Service/shop/lb:443'],
  );
});

test('a NodePort Service exposes on its node port', () => {
  assert.deepEqual(
    exposures([
      web,
      service('np', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] }),
    ]),
    ['NodePort Service/shop/np:30080'],
  );
});

test('an internal or private-range LoadBalancer is not internet-facing, but its node ports remain', () => {
  const spec = { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 443 }] };
  assert.deepEqual(
    exposures([
      web,
      service('int', spec, { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' }),
    ]),
    ['NodePort Service/shop/int'],
  );
  assert.deepEqual(
    exposures([web, service('gke', spec, { 'networking.gke.io/load-balancer-type': 'Internal' })]),
    ['NodePort Service/shop/gke'],
  );
  assert.deepEqual(
    exposures([
      web,
      service('ranges', { ...spec, loadBalancerSourceRanges: ['10.0.0.0/8', '192.168.1.0/24'] }),
    ]),
    ['NodePort Service/shop/ranges'],
  );
  assert.deepEqual(
    exposures([web, service('open', { ...spec, loadBalancerSourceRanges: ['10.0.0.0/8', '0.0.0.0/0'] })]),
    ['LoadBalancer Service/shop/open:443'],
  );
});

test('a Service whose selector does not match, is empty, or lives in another namespace exposes nothing', () => {
  assert.deepEqual(
    exposures([
      web,
      service('other', { type: 'LoadBalancer', selector: { app: 'api' } }),
      service('partial', { type: 'LoadBalancer', selector: { app: 'web', tier: 'back' } }),
      service('no-selector', { type: 'LoadBalancer' }),
      service('elsewhere', { type: 'LoadBalancer', selector: { app: 'web' } }, {}, 'other'),
      service('internal', { type: 'ClusterIP', selector: { app: 'web' } }),
    ]),
    [],
  );
});

test('an Ingress backend naming a selecting Service exposes the pods, in every backend form', () => {
  const clusterIp = service('svc', { selector: { app: 'web' }, ports: [{ port: 8080 }] });
  const ingress = (name: string, spec: Record<string, unknown>) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'shop' },
    spec,
  });
  assert.deepEqual(
    exposures([
      web,
      clusterIp,
      ingress('v1', {
        rules: [
          {
            host: 'a.example',
            http: { paths: [{ path: '/', backend: { service: { name: 'svc', port: { number: 8080 } } } }] },
          },
        ],
      }),
      ingress('default', { defaultBackend: { service: { name: 'svc', port: { name: 'http' } } } }),
      ingress('beta', {
        rules: [{ http: { paths: [{ backend: { serviceName: 'svc', servicePort: 8080 } }] } }],
      }),
      ingress('unrelated', { rules: [{ http: { paths: [{ backend: { service: { name: 'nope' } } }] } }] }),
    ]),
    ['Ingress Ingress/shop/beta:8080', 'Ingress Ingress/shop/default', 'Ingress Ingress/shop/v1:8080'],
  );
});

test('Ingresses are flattened to backends with rule and path indexes', () => {
  const model = buildModel(
    snapshotOf([
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'i', namespace: 'shop' },
        spec: {
          defaultBackend: { service: { name: 'fallback', port: { number: 80 } } },
          rules: [
            {
              host: 'a.example',
              http: {
                paths: [
                  { path: '/x', backend: { service: { name: 'x', port: { number: 1 } } } },
                  { path: '/y', backend: { service: { name: 'y', port: { name: 'web' } } } },
                ],
              },
            },
          ],
        },
      },
    ]),
  );
  assert.deepEqual(model.ingresses[0]?.backends, [
    { host: '*', path: '*', service: 'fallback', port: 80 },
    { host: 'a.example', path: '/x', service: 'x', port: 1, ruleIndex: 0, pathIndex: 0 },
    { host: 'a.example', path: '/y', service: 'y', port: 'web', ruleIndex: 0, pathIndex: 1 },
  ]);
});

test('a container hostPort exposes the workload itself, once per distinct port', () => {
  const withHostPort = deployment(
    'web',
    { app: 'web' },
    {
      ports: [
        { containerPort: 80, hostPort: 8080 },
        { containerPort: 81, hostPort: 81 },
      ],
    },
  );
  assert.deepEqual(exposures([withHostPort]), [
    'hostPort Deployment/shop/web:81',
    'hostPort Deployment/shop/web:8080',
  ]);
  assert.deepEqual(exposures([deployment('web', {}, { ports: [{ containerPort: 80 }] })]), []);
});

test('Services keep type, selector, ports, source ranges and the external-only fields present', () => {
  const model = buildModel(
    snapshotOf([
      service('lb', {
        type: 'LoadBalancer',
        selector: { app: 'web' },
        ports: [{ name: 'https', port: 443, targetPort: 'https', nodePort: 31000 }],
        externalTrafficPolicy: 'Local',
        loadBalancerSourceRanges: ['1.2.3.4/32'],
      }),
      service('weird', { type: 'Bogus' }),
    ]),
  );
  const [lb, weird] = model.services;
  assert.deepEqual(lb?.ports, [{ port: 443, targetPort: 'https', nodePort: 31000, name: 'https' }]);
  assert.deepEqual(lb?.externalOnlyFields, ['externalTrafficPolicy', 'loadBalancerSourceRanges']);
  assert.deepEqual(lb?.sourceRanges, ['1.2.3.4/32']);
  assert.equal(weird?.type, 'ClusterIP');
});

test('private CIDRs: RFC 1918, CGNAT, loopback, link-local and IPv6 ULA; not public or overly wide ranges', () => {
  for (const cidr of [
    '10.1.0.0/16',
    '172.16.0.0/12',
    '172.31.255.0/24',
    '192.168.0.1',
    '100.64.0.0/10',
    'fd00::/8',
    'fe80::/64',
  ])
    assert.ok(isPrivateCidr(cidr), cidr);
  for (const cidr of [
    '0.0.0.0/0',
    '172.0.0.0/8',
    '172.32.0.0/16',
    '8.8.8.8/32',
    '10.0.0.0/7',
    '2001:db8::/32',
    'garbage',
  ])
    assert.ok(!isPrivateCidr(cidr), cidr);
});

test('public externalIPs expose the selected pods whatever the Service type; private ones do not', () => {
  const withIps = (ips: string[]) =>
    service('ext', { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 443 }], externalIPs: ips });
  assert.deepEqual(exposures([web, withIps(['203.0.113.7'])]), ['ExternalIP Service/shop/ext:443']);
  assert.deepEqual(exposures([web, withIps(['10.1.2.3', '192.168.0.9'])]), []);
  assert.deepEqual(exposures([web, withIps([])]), []);
});

test('an Ingress default backend exposes the Service it names', () => {
  const ingress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'catch-all', namespace: 'shop' },
    spec: { defaultBackend: { service: { name: 'web', port: { number: 80 } } } },
  };
  const clusterIp = service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] });
  assert.deepEqual(exposures([web, clusterIp, ingress]), ['Ingress Ingress/shop/catch-all:80']);
  assert.deepEqual(exposures([web, ingress]), []);
});
