/**
 * Differential test: the shipped bootstrap RBAC was dumped from a real kube-controller-manager, so the stored
 * rules of its aggregated ClusterRoles are the controller's output. Recomputing them offline must agree exactly.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadBootstrapRbac, supportedKubeVersions } from '../collect/bootstrap-rbac.js';
import { buildModel } from './build-model.js';
import { normaliseRule } from './rbac-roles.js';
import { arr, obj } from './read.js';
import { snapshotOf } from './test-helpers.js';

const versions = await supportedKubeVersions();

for (const version of versions) {
  test(`bootstrap RBAC ${version}: offline aggregation reproduces the controller's rules`, async () => {
    const { objects, gap } = await loadBootstrapRbac(version);
    assert.equal(gap, undefined);
    const aggregated = objects.filter((so) => so.kind === 'ClusterRole' && obj(so.object).aggregationRule);
    assert.ok(aggregated.length >= 3, 'admin, edit and view aggregate');
    const model = buildModel(snapshotOf([]), { builtIn: objects });
    for (const so of aggregated) {
      const stored = arr(so.object.rules).map(normaliseRule);
      assert.deepEqual(model.role(so.ref)?.rules, stored, so.ref);
    }
    assert.deepEqual(model.gaps, [], 'every bootstrap binding resolves');
  });

  test(`bootstrap RBAC ${version}: edit bound in a namespace allows pods/exec there and not secrets cluster-wide`, async () => {
    const { objects } = await loadBootstrapRbac(version);
    const model = buildModel(
      snapshotOf([
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: { name: 'dev', namespace: 'team' },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
          subjects: [{ kind: 'User', name: 'dev' }],
        },
      ]),
      { builtIn: objects },
    );
    const exec = {
      verb: 'create',
      apiGroup: '',
      resource: 'pods',
      subresource: 'exec',
      namespace: 'team',
      name: 'p',
    };
    assert.equal(model.can('User/dev', exec)?.binding, 'RoleBinding/team/dev');
    assert.equal(model.can('User/dev', { ...exec, namespace: 'other' }), undefined);
    assert.equal(model.can('User/dev', { verb: 'list', apiGroup: '', resource: 'secrets' }), undefined);
    // system:authenticated gets discovery and self-reviews from the bootstrap bindings.
    assert.ok(
      model.can('User/dev', {
        verb: 'create',
        apiGroup: 'authorization.k8s.io',
        resource: 'selfsubjectaccessreviews',
      }),
    );
    assert.equal(
      model.can('User/system:anonymous', { verb: 'list', apiGroup: '', resource: 'pods', namespace: 'x' }),
      undefined,
    );
  });
}

test('bootstrap RBAC data is present', () => {
  assert.ok(versions.length > 0, 'data/bootstrap-rbac holds at least one version');
});
