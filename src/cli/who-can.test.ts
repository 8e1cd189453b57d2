import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Grant } from '../model/types.js';
import { parseAccessRequest, requestWords, whoCanText } from './who-can.js';

test('resource forms: plain, subresource, resource.group, and --group', () => {
  assert.deepEqual(parseAccessRequest({ verb: 'get', resource: 'pods/exec', namespace: 'shop' }), {
    ok: true,
    value: { verb: 'get', apiGroup: '', resource: 'pods', subresource: 'exec', namespace: 'shop' },
  });
  const deployments = parseAccessRequest({ verb: 'patch', resource: 'deployments' });
  assert.ok(
    deployments.ok && deployments.value.apiGroup === 'apps' && deployments.value.namespace === undefined,
  );
  const widgets = parseAccessRequest({ verb: 'list', resource: 'widgets.example.com' });
  assert.ok(widgets.ok && widgets.value.apiGroup === 'example.com' && widgets.value.resource === 'widgets');
  const grouped = parseAccessRequest({ verb: 'list', resource: 'widgets', group: 'example.com' });
  assert.ok(grouped.ok && grouped.value.apiGroup === 'example.com');
});

test('cluster-scoped resources ignore -n; unknown groups and malformed resources are usage errors', () => {
  const nodes = parseAccessRequest({ verb: 'get', resource: 'nodes/proxy', namespace: 'shop' });
  assert.ok(nodes.ok && nodes.value.namespace === undefined && nodes.value.subresource === 'proxy');
  const unknown = parseAccessRequest({ verb: 'get', resource: 'widgets' });
  assert.ok(!unknown.ok && /--group/.test(unknown.message));
  for (const resource of ['', 'pods/', 'pods/exec/x']) {
    assert.equal(parseAccessRequest({ verb: 'get', resource }).ok, false, resource);
  }
});

function grant(subject: string, binding: string, role: string, scope: string): Grant {
  const rule = { verbs: ['*'], apiGroups: ['*'], resources: ['*'], resourceNames: [], nonResourceURLs: [] };
  return { subject, scope, rule, ruleIndex: 0, binding, role, subjectIndex: 0 };
}

test('the answer: one sorted line per subject and binding, duplicates merged; nobody said plainly', () => {
  const request = { verb: 'get', apiGroup: '', resource: 'secrets', namespace: 'shop' };
  assert.equal(requestWords(request), 'get secrets in namespace shop');
  const text = whoCanText(request, [
    grant('ServiceAccount/shop/web', 'RoleBinding/shop/read', 'Role/shop/reader', 'shop'),
    grant('Group/system:masters', 'ClusterRoleBinding/cluster-admin', 'ClusterRole/cluster-admin', '*'),
    grant('ServiceAccount/shop/web', 'RoleBinding/shop/read', 'Role/shop/reader', 'shop'),
  ]);
  assert.equal(
    text,
    [
      'Who can get secrets in namespace shop:',
      '  Group/system:masters     via ClusterRoleBinding/cluster-admin → ClusterRole/cluster-admin (all namespaces)',
      '  ServiceAccount/shop/web  via RoleBinding/shop/read → Role/shop/reader (namespace shop)',
      '',
    ].join('\n'),
  );
  assert.equal(
    whoCanText({ verb: 'create', apiGroup: 'apps', resource: 'deployments' }, []),
    'Nobody can create deployments.apps cluster-wide.\n',
  );
});
