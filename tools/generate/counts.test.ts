import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { generateToTemp, readJsonDump, removeDump } from './dump-fixture.js';
import { planCluster } from './plan/plan-cluster.js';
import { type ClusterSize, clusterSize, REFERENCE_COUNTS, SIZE_DIVISORS } from './sizes.js';

const KINDS: Readonly<Record<Exclude<keyof ClusterSize, 'name'>, string>> = {
  nodes: 'Node',
  pods: 'Pod',
  namespaces: 'Namespace',
  services: 'Service',
  ingresses: 'Ingress',
  roleBindings: 'RoleBinding',
  clusterRoleBindings: 'ClusterRoleBinding',
  roles: 'Role',
  clusterRoles: 'ClusterRole',
  serviceAccounts: 'ServiceAccount',
  networkPolicies: 'NetworkPolicy',
};

// Cluster-scoped RBAC has a floor of built-in objects, so at R1k it sits above 1/150 on purpose.
const FLOORED = new Set(['clusterRoles', 'clusterRoleBindings']);

const dump = generateToTemp({ size: 'R1k', format: 'json', seed: 3 });
after(() => removeDump(dump));

test('R1k contains exactly the preset counts of every table kind', () => {
  const size = clusterSize('R1k');
  const objects = readJsonDump(dump.dir);
  for (const [field, kind] of Object.entries(KINDS)) {
    const expected = size[field as keyof typeof KINDS];
    assert.equal(dump.counts.get(kind), expected, `${kind} in summary`);
    assert.equal(objects.filter((o) => o.kind === kind).length, expected, `${kind} in files`);
  }
});

test('R1k counts are about 1/150 of the reference table', () => {
  for (const [field, kind] of Object.entries(KINDS)) {
    const reference = REFERENCE_COUNTS[field as keyof typeof KINDS] / SIZE_DIVISORS.R1k;
    const actual = dump.counts.get(kind) ?? 0;
    if (FLOORED.has(field)) assert.ok(actual >= reference, `${kind}: ${actual} >= ${reference}`);
    else assert.ok(Math.abs(actual / reference - 1) < 0.25, `${kind}: ${actual} vs ${reference.toFixed(1)}`);
  }
});

test('the ratios between kinds follow the reference at R1k', () => {
  const ratio = (a: string, b: string) => (dump.counts.get(a) ?? 0) / (dump.counts.get(b) ?? 1);
  assert.ok(Math.abs(ratio('Pod', 'Node') / 30 - 1) < 0.1, 'pods per node');
  assert.ok(Math.abs(ratio('Pod', 'Namespace') / 15 - 1) < 0.1, 'pods per namespace');
  assert.ok(Math.abs(ratio('RoleBinding', 'Role') / (20000 / 6000) - 1) < 0.1, 'bindings per role');
  assert.ok(Math.abs(ratio('ServiceAccount', 'Namespace') / 1.5 - 1) < 0.1, 'accounts per namespace');
});

test('larger presets plan exact budgets without generating', () => {
  for (const name of ['R15k', 'R30k'] as const) {
    const plan = planCluster(name, 1);
    const size = clusterSize(name);
    assert.equal(plan.nodes.length, size.nodes);
    assert.equal(plan.namespaces.length, size.namespaces);
    assert.equal(size.pods, REFERENCE_COUNTS.pods / SIZE_DIVISORS[name]);
  }
});
