import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { hygieneFacts, keptCapabilities } from './hygiene-facts.js';

const pod = (container: Record<string, unknown>, labels: Record<string, string> = { app: 'a' }) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'shop', labels },
  spec: { containers: [{ name: 'c', image: 'app:1', ...container }] },
});
const service = (spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 's', namespace: 'shop' },
  spec: { selector: { app: 'a' }, ports: [{ port: 80 }], ...spec },
});
const HARDENED = { securityContext: { runAsNonRoot: true, capabilities: { drop: ['ALL'] } } };

/** The facts with the given id, as `object[#container]`. */
function facts(objects: unknown[], id: string): string[] {
  return hygieneFacts(buildModel(snapshotOf(objects)))
    .filter((f) => f.fact === id)
    .map((f) => `${f.object}${f.container === undefined ? '' : `#${f.container}`}`)
    .sort();
}

test('run-as-root-possible: no runAsNonRoot and no UID; a stated non-root UID or runAsNonRoot is none', () => {
  assert.deepEqual(facts([pod({})], 'run-as-root-possible'), ['Pod/shop/p#c']);
  assert.deepEqual(facts([pod({ securityContext: { runAsNonRoot: false } })], 'run-as-root-possible'), [
    'Pod/shop/p#c',
  ]);
  assert.deepEqual(facts([pod({ securityContext: { runAsNonRoot: true } })], 'run-as-root-possible'), []);
  assert.deepEqual(facts([pod({ securityContext: { runAsUser: 1000 } })], 'run-as-root-possible'), []);
});

test('capabilities-not-dropped: a runtime default kept or a capability added; drop ALL is none', () => {
  assert.deepEqual(facts([pod(HARDENED)], 'capabilities-not-dropped'), []);
  assert.deepEqual(facts([pod({})], 'capabilities-not-dropped'), ['Pod/shop/p#c']);
  assert.deepEqual(
    facts(
      [pod({ securityContext: { capabilities: { drop: ['ALL'], add: ['NET_ADMIN'] } } })],
      'capabilities-not-dropped',
    ),
    ['Pod/shop/p#c'],
  );
  assert.deepEqual(keptCapabilities(['CHOWN'], []).includes('CHOWN'), false);
  assert.deepEqual(keptCapabilities(['ALL'], ['SYS_ADMIN']), ['SYS_ADMIN']);
});

test('apparmor-unconfined: the Unconfined profile, not RuntimeDefault', () => {
  const profile = (type: string) => pod({ securityContext: { appArmorProfile: { type } } });
  assert.deepEqual(facts([profile('Unconfined')], 'apparmor-unconfined'), ['Pod/shop/p#c']);
  assert.deepEqual(facts([profile('RuntimeDefault')], 'apparmor-unconfined'), []);
});

test('service-backend: a Service that selects the workload; one that selects other labels is none', () => {
  assert.deepEqual(facts([pod({}), service({})], 'service-backend'), ['Service/shop/s']);
  assert.deepEqual(facts([pod({}), service({ selector: { app: 'b' } })], 'service-backend'), []);
});

test('ssh-port-exposed: port 22 (or named ssh) to a backend, on the Service and the workload', () => {
  const ssh = service({ ports: [{ port: 22 }] });
  assert.deepEqual(facts([pod({}), ssh], 'ssh-port-exposed'), ['Pod/shop/p', 'Service/shop/s']);
  assert.deepEqual(
    facts([pod({}), service({ ports: [{ port: 2200, targetPort: 'ssh' }] })], 'ssh-port-exposed'),
    ['Pod/shop/p', 'Service/shop/s'],
  );
  assert.deepEqual(facts([pod({}), service({ ports: [{ port: 23 }] })], 'ssh-port-exposed'), []);
});

test('sensitive-interface-exposed: a known admin UI image behind a NodePort, not behind a ClusterIP', () => {
  const ui = pod({ image: 'quay.io/argoproj/argocli:v3' });
  assert.deepEqual(facts([ui, service({ type: 'NodePort' })], 'sensitive-interface-exposed'), [
    'Pod/shop/p#c',
  ]);
  assert.deepEqual(facts([ui, service({})], 'sensitive-interface-exposed'), []);
  assert.deepEqual(
    facts([pod({ image: 'nginx:1' }), service({ type: 'NodePort' })], 'sensitive-interface-exposed'),
    [],
  );
});

test('secret-in-env-reference: a Secret taken into env or envFrom; a ConfigMap is none', () => {
  const fromSecret = pod({
    env: [{ name: 'DB', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }],
  });
  assert.deepEqual(facts([fromSecret], 'secret-in-env-reference'), ['Pod/shop/p#c']);
  assert.deepEqual(facts([pod({ envFrom: [{ secretRef: { name: 'db' } }] })], 'secret-in-env-reference'), [
    'Pod/shop/p#c',
  ]);
  assert.deepEqual(
    facts([pod({ envFrom: [{ configMapRef: { name: 'db' } }] })], 'secret-in-env-reference'),
    [],
  );
});
