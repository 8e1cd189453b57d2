import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { dashboardExposed } from './dashboard-exposed.js';
import { runTable } from './table-test.js';

const dashboard = (args: string[], image = 'kubernetesui/dashboard:v2.7.0') => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'console', namespace: 'ui' },
  spec: {
    template: {
      metadata: { labels: { k8s: 'dashboard' } },
      spec: { serviceAccountName: 'dash', containers: [{ name: 'dashboard', image, args }] },
    },
  },
});
const service = (type: string) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'dash', namespace: 'ui' },
  spec: { type, selector: { k8s: 'dashboard' }, ports: [{ port: 443, nodePort: 30443 }] },
});

runTable(dashboardExposed, [
  {
    name: 'skip-login, exposed by a NodePort and reachable from the pod network',
    objects: [dashboard(['--enable-skip-login']), service('NodePort')],
    edges: [
      'Service/ui/dash -> ServiceAccount/ui/dash',
      'hub:reach/Deployment/ui/console -> ServiceAccount/ui/dash',
    ],
    fixes: ['disable-dashboard-skip-login@Deployment/ui/console', 'make-service-internal@Service/ui/dash'],
  },
  {
    name: 'skip-login, not exposed: from the pod network only',
    objects: [dashboard(['--auto-generate-certificates', '--enable-skip-login=true'])],
    edges: ['hub:reach/Deployment/ui/console -> ServiceAccount/ui/dash'],
    fixes: ['disable-dashboard-skip-login@Deployment/ui/console'],
  },
  {
    name: 'exposed with a login: unlikely, fixed by making the Service internal',
    objects: [
      dashboard(['--auto-generate-certificates'], 'docker.io/kubernetesui/dashboard-api:1.10.1'),
      service('LoadBalancer'),
    ],
    edges: ['Service/ui/dash -> ServiceAccount/ui/dash'],
    fixes: ['make-service-internal@Service/ui/dash'],
  },
  {
    name: 'near miss: a login-protected dashboard behind a ClusterIP Service',
    objects: [dashboard([]), service('ClusterIP')],
    edges: [],
  },
  {
    name: 'near miss: another image with the flag',
    objects: [dashboard(['--enable-skip-login'], 'example/webapp:1')],
    edges: [],
  },
]);

test('dashboard-exposed: removing the flag leaves only the login-protected exposure', () => {
  const snapshot = snapshotOf([
    dashboard(['--auto-generate-certificates', '--enable-skip-login']),
    service('NodePort'),
  ]);
  const edges = dashboardExposed.find(buildModel(snapshot));
  const fix = edges[0]!.fixes.find((f) => f.remediation === 'disable-dashboard-skip-login')!;
  assert.deepEqual(fix.ops, [{ op: 'remove', path: '/spec/template/spec/containers/0/args/1' }]);
  const after = dashboardExposed.find(buildModel(applyPatches(snapshot, [fix])));
  assert.deepEqual(
    after.map((e) => `${e.from} -> ${e.to} ${e.likelihood}`),
    ['Service/ui/dash -> ServiceAccount/ui/dash unlikely'],
  );
});
