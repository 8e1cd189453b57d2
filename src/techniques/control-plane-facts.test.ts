import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { controlPlaneFacts } from './control-plane-facts.js';
import { app, kubeletConfiguration, staticPod } from './control-plane-fixtures.js';

const facts = (objects: unknown[]) =>
  controlPlaneFacts(buildModel(snapshotOf(objects)))
    .map((f) => `${f.fact} ${f.object}`)
    .sort();

test('control-plane facts: profiling and anonymous auth follow the flag defaults', () => {
  assert.deepEqual(facts([staticPod('kube-scheduler', [])]), [
    'profiling-enabled Pod/kube-system/kube-scheduler-cp1',
  ]);
  assert.deepEqual(facts([staticPod('kube-scheduler', ['--profiling=false'])]), []);
  assert.deepEqual(facts([staticPod('kube-apiserver', ['--profiling=false', '--anonymous-auth=false'])]), []);
  assert.deepEqual(facts([staticPod('kube-apiserver', ['--profiling=false'])]), [
    'anonymous-auth-enabled Pod/kube-system/kube-apiserver-cp1',
  ]);
});

test('control-plane facts: the kubelet read-only port is a fact only when open', () => {
  assert.deepEqual(facts([kubeletConfiguration({ readOnlyPort: 10255 })]), [
    'kubelet-read-only-port KubeletConfiguration/',
  ]);
  assert.deepEqual(facts([kubeletConfiguration({})]), []);
});

test('network facts: pods and namespaces without isolating NetworkPolicies', () => {
  const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } };
  const denyAll = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'deny', namespace: 'shop' },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  };
  assert.deepEqual(facts([namespace, app()]), [
    'network-policy-missing Deployment/shop/web',
    'network-policy-missing Namespace/shop',
  ]);
  assert.deepEqual(facts([namespace, app(), denyAll]), []);
  const ingressOnly = { ...denyAll, spec: { podSelector: {}, policyTypes: ['Ingress'] } };
  const [fact] = controlPlaneFacts(buildModel(snapshotOf([namespace, app(), ingressOnly])));
  assert.equal(fact?.says, 'no NetworkPolicy isolates the pods of Deployment/shop/web for egress');
});
