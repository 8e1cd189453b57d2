import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleAllows, ruleAllowsNonResource } from './rbac-match.js';
import type { AccessRequest, PolicyRule } from './types.js';

function rule(partial: Partial<PolicyRule>): PolicyRule {
  return { verbs: [], apiGroups: [''], resources: [], resourceNames: [], nonResourceURLs: [], ...partial };
}

function req(verb: string, resource: string, extra: Partial<AccessRequest> = {}): AccessRequest {
  const [base = '', subresource] = resource.split('/');
  return {
    verb,
    apiGroup: '',
    resource: base,
    ...(subresource ? { subresource } : {}),
    namespace: 'ns',
    ...extra,
  };
}

test('* verbs, groups and resources match everything, subresources included', () => {
  const all = rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] });
  assert.ok(ruleAllows(all, req('create', 'pods/exec')));
  assert.ok(ruleAllows(all, req('escalate', 'clusterroles', { apiGroup: 'rbac.authorization.k8s.io' })));
  assert.ok(ruleAllows(all, req('get', 'secrets', { name: 'x' })));
});

test('verbs and groups match exactly: get does not imply list, core group is not apps', () => {
  const getPods = rule({ verbs: ['get'], resources: ['pods'] });
  assert.ok(ruleAllows(getPods, req('get', 'pods')));
  assert.ok(!ruleAllows(getPods, req('list', 'pods')));
  assert.ok(!ruleAllows(getPods, req('get', 'pods', { apiGroup: 'apps' })));
  assert.ok(!ruleAllows(rule({ verbs: ['exec'], resources: ['pods'] }), req('create', 'pods/exec')));
});

test('pods does not cover pods/exec', () => {
  const pods = rule({ verbs: ['*'], resources: ['pods'] });
  assert.ok(ruleAllows(pods, req('create', 'pods')));
  assert.ok(!ruleAllows(pods, req('create', 'pods/exec')));
  assert.ok(ruleAllows(rule({ verbs: ['create'], resources: ['pods/exec'] }), req('create', 'pods/exec')));
});

test('pods/* is not a wildcard: it matches only a literal subresource named *', () => {
  const podsStar = rule({ verbs: ['*'], resources: ['pods/*'] });
  assert.ok(!ruleAllows(podsStar, req('create', 'pods/exec')));
  assert.ok(!ruleAllows(podsStar, req('get', 'pods')));
  assert.ok(ruleAllows(podsStar, req('get', 'pods', { subresource: '*' })));
});

test('*/scale matches the scale subresource of any resource, and nothing else', () => {
  const scale = rule({ verbs: ['update'], apiGroups: ['*'], resources: ['*/scale'] });
  assert.ok(ruleAllows(scale, req('update', 'deployments/scale', { apiGroup: 'apps' })));
  assert.ok(ruleAllows(scale, req('update', 'statefulsets/scale', { apiGroup: 'apps' })));
  assert.ok(!ruleAllows(scale, req('update', 'deployments', { apiGroup: 'apps' })));
  assert.ok(!ruleAllows(scale, req('update', 'deployments/status', { apiGroup: 'apps' })));
  assert.ok(!ruleAllows(rule({ verbs: ['*'], resources: ['*/exec'] }), req('create', 'pods/scale')));
});

test('resourceNames never match a top-level create nor deletecollection, even with a name', () => {
  const named = rule({ verbs: ['*'], resources: ['secrets'], resourceNames: ['db'] });
  assert.ok(!ruleAllows(named, req('create', 'secrets')));
  assert.ok(!ruleAllows(named, req('create', 'secrets', { name: 'db' })));
  assert.ok(!ruleAllows(named, req('deletecollection', 'secrets', { name: 'db' })));
});

test('resourceNames match create on a subresource: the request names the parent object', () => {
  const token = rule({ verbs: ['create'], resources: ['serviceaccounts/token'], resourceNames: ['builder'] });
  assert.ok(ruleAllows(token, req('create', 'serviceaccounts/token', { name: 'builder' })));
  assert.ok(!ruleAllows(token, req('create', 'serviceaccounts/token', { name: 'default' })));
  assert.ok(!ruleAllows(token, req('create', 'serviceaccounts/token')));
  const exec = rule({ verbs: ['create'], resources: ['pods/exec'], resourceNames: ['debug'] });
  assert.ok(ruleAllows(exec, req('create', 'pods/exec', { name: 'debug' })));
  assert.ok(!ruleAllows(exec, req('create', 'pods/exec', { name: 'web' })));
});

test('resourceNames match list/watch only for a single named object (metadata.name field selector)', () => {
  const named = rule({ verbs: ['list', 'watch'], resources: ['secrets'], resourceNames: ['db'] });
  assert.ok(!ruleAllows(named, req('list', 'secrets')));
  assert.ok(ruleAllows(named, req('list', 'secrets', { name: 'db' })));
  assert.ok(ruleAllows(named, req('watch', 'secrets', { name: 'db' })));
  assert.ok(!ruleAllows(named, req('list', 'secrets', { name: 'other' })));
});

test('resourceNames match get/update/delete only for the named objects; a request without a name never', () => {
  const named = rule({ verbs: ['get', 'update'], resources: ['configmaps'], resourceNames: ['a', 'b'] });
  assert.ok(ruleAllows(named, req('get', 'configmaps', { name: 'b' })));
  assert.ok(ruleAllows(named, req('update', 'configmaps', { name: 'a' })));
  assert.ok(!ruleAllows(named, req('get', 'configmaps', { name: 'c' })));
  assert.ok(!ruleAllows(named, req('get', 'configmaps')));
  assert.ok(ruleAllows(rule({ verbs: ['get'], resources: ['configmaps'] }), req('get', 'configmaps')));
});

test('a rule with only nonResourceURLs allows no resource request', () => {
  assert.ok(!ruleAllows(rule({ verbs: ['*'], apiGroups: [], nonResourceURLs: ['*'] }), req('get', 'pods')));
});

test('nonResourceURLs: exact, *, and prefix when ending in *', () => {
  const healthz = rule({ verbs: ['get'], apiGroups: [], nonResourceURLs: ['/healthz', '/metrics/*'] });
  assert.ok(ruleAllowsNonResource(healthz, 'get', '/healthz'));
  assert.ok(!ruleAllowsNonResource(healthz, 'get', '/healthz/etcd'));
  assert.ok(ruleAllowsNonResource(healthz, 'get', '/metrics/cadvisor'));
  assert.ok(ruleAllowsNonResource(healthz, 'get', '/metrics/'));
  assert.ok(!ruleAllowsNonResource(healthz, 'get', '/metrics'));
  assert.ok(!ruleAllowsNonResource(healthz, 'post', '/healthz'));
  assert.ok(ruleAllowsNonResource(rule({ verbs: ['*'], nonResourceURLs: ['*'] }), 'post', '/anything'));
  assert.ok(!ruleAllowsNonResource(rule({ verbs: ['get'], resources: ['*'] }), 'get', '/healthz'));
});
