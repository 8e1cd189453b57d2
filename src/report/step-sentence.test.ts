import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeNode, stepSentence } from './step-sentence.js';

test('node refs read as words', () => {
  assert.equal(describeNode('Deployment/shop/web#app'), 'container app of Deployment/shop/web');
  assert.equal(describeNode('jewel:node-root/workers'), 'root on the workers nodes');
  assert.equal(describeNode('jewel:secrets/shop'), 'every Secret in namespace shop');
  assert.equal(describeNode('hub:create-pods/*'), 'pod creation in every namespace');
  assert.equal(describeNode('hub:namespace-admin/*'), 'admin of every namespace');
  assert.equal(describeNode('hub:impersonate-sa/ci'), 'impersonation of ServiceAccounts in namespace ci');
  assert.equal(describeNode('ServiceAccount/ci/deployer'), 'ServiceAccount/ci/deployer');
});

test('a step is a sentence with its evidence and location', () => {
  const says = stepSentence({
    technique: 'mounted-service-account-token',
    from: 'Deployment/shop/web#app',
    to: 'ServiceAccount/shop/web',
    evidence: [{ ref: 'Deployment/shop/web', location: 'manifests/shop.yaml:41', says: 'automount is on' }],
    fixes: [],
  });
  assert.equal(
    says,
    'container app of Deployment/shop/web mounts the token of ServiceAccount/shop/web (automount is on) — manifests/shop.yaml:41',
  );
});
