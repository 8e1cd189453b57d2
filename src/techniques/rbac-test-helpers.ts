/**
 * Test helpers for the RBAC technique tables: plain RBAC manifests, and the fix proof (apply the fix to the
 * snapshot, rebuild the model, re-run the technique, and check the edge is gone).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadBootstrapRbac } from '../collect/bootstrap-rbac.js';
import { applyPatches } from '../collect/patch.js';
import { buildModel, type ModelOptions } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { LIKELIHOOD_CLASSES } from './likelihood.js';
import { REMEDIATION_IDS } from './remediations.js';
import type { Edge, Technique } from './types.js';

const RBAC = 'rbac.authorization.k8s.io/v1';

/** A manifest subject. */
export interface SubjectSpec {
  readonly kind: 'User' | 'Group' | 'ServiceAccount';
  readonly name: string;
  readonly namespace?: string;
}

/** One RBAC rule as written in YAML; `apiGroups` defaults to the core group. */
export function rule(
  verbs: readonly string[],
  resources: readonly string[],
  apiGroups: readonly string[] = [''],
  resourceNames?: readonly string[],
): Record<string, unknown> {
  return { apiGroups, resources, verbs, ...(resourceNames === undefined ? {} : { resourceNames }) };
}

/** A ClusterRole manifest. */
export function clusterRole(name: string, rules: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: RBAC, kind: 'ClusterRole', metadata: { name }, rules };
}

/** A Role manifest. */
export function role(namespace: string, name: string, rules: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: RBAC, kind: 'Role', metadata: { name, namespace }, rules };
}

/** A ClusterRoleBinding to a ClusterRole. */
export function clusterRoleBinding(
  name: string,
  roleName: string,
  subjects: readonly SubjectSpec[],
): Record<string, unknown> {
  return {
    apiVersion: RBAC,
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
    subjects,
  };
}

/** A RoleBinding in a namespace to a Role or a ClusterRole. */
export function roleBinding(
  namespace: string,
  name: string,
  roleRef: { readonly kind: 'Role' | 'ClusterRole'; readonly name: string },
  subjects: readonly SubjectSpec[],
): Record<string, unknown> {
  return {
    apiVersion: RBAC,
    kind: 'RoleBinding',
    metadata: { name, namespace },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
    subjects,
  };
}

/** A ServiceAccount subject; omit the namespace to test RoleBinding defaulting. */
export function sa(name: string, namespace?: string): SubjectSpec {
  return namespace === undefined
    ? { kind: 'ServiceAccount', name }
    : { kind: 'ServiceAccount', name, namespace };
}

/** A User subject. */
export function user(name: string): SubjectSpec {
  return { kind: 'User', name };
}

/** A Group subject. */
export function group(name: string): SubjectSpec {
  return { kind: 'Group', name };
}

/** A ServiceAccount manifest. */
export function serviceAccount(namespace: string, name: string): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } };
}

/** A Namespace manifest, with labels when given. */
export function namespace(name: string, labels?: Readonly<Record<string, string>>): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, ...(labels === undefined ? {} : { labels }) },
  };
}

/** A Secret manifest; `serviceAccount` makes it a legacy token Secret of that SA. */
export function secret(ns: string, name: string, serviceAccountName?: string): Record<string, unknown> {
  if (serviceAccountName === undefined)
    return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: ns }, type: 'Opaque' };
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name,
      namespace: ns,
      annotations: { 'kubernetes.io/service-account.name': serviceAccountName },
    },
    type: 'kubernetes.io/service-account-token',
  };
}

/** The bootstrap cluster-admin ClusterRole: every verb on everything. */
export const CLUSTER_ADMIN = clusterRole('cluster-admin', [
  rule(['*'], ['*'], ['*']),
  { nonResourceURLs: ['*'], verbs: ['*'] },
]);

/** Built-in objects for `ModelOptions.builtIn`, as the bootstrap RBAC data would give them. */
export function builtIn(objects: readonly unknown[]): ModelOptions {
  return { builtIn: snapshotOf([...objects]).objects };
}

/** The shipped bootstrap RBAC of Kubernetes 1.36 as model options, or undefined when the data is absent. */
export async function realBootstrap(): Promise<ModelOptions | undefined> {
  const { objects, gap } = await loadBootstrapRbac('1.36');
  return gap === undefined ? { builtIn: objects } : undefined;
}

/** Runs a technique on manifests and returns all its edges, structural ones included. */
export function edgesOf(
  technique: Technique,
  objects: readonly unknown[],
  options?: ModelOptions,
): readonly Edge[] {
  return technique.find(buildModel(snapshotOf([...objects]), options));
}

/** The `from -> to` of each edge, sorted. */
export function arrows(edges: readonly Edge[]): string[] {
  return edges.map((edge) => `${edge.from} -> ${edge.to}`).sort();
}

/**
 * Applies every fix of the edge `from -> to` in turn to the input, rebuilds the model, and asserts that the edge
 * is gone each time: a fix must be exactly what removes the edge.
 */
export function assertFixesRemove(
  technique: Technique,
  objects: readonly unknown[],
  arrow: string,
  options?: ModelOptions,
): void {
  const snapshot = snapshotOf([...objects]);
  const edge = technique.find(buildModel(snapshot, options)).find((e) => `${e.from} -> ${e.to}` === arrow);
  assert.ok(edge !== undefined, `${arrow} exists before the fix`);
  assert.ok(edge.fixes.length > 0, `${arrow} has fixes`);
  for (const fix of edge.fixes) {
    const patched = applyPatches(snapshot, [{ target: fix.target, ops: fix.ops }]);
    const after = technique.find(buildModel(patched, options)).map((e) => `${e.from} -> ${e.to}`);
    assert.ok(!after.includes(arrow), `${fix.remediation}@${fix.target} removes ${arrow}`);
  }
}

/** Registers a test that the technique's metadata is well-formed: ATT&CK and Threat Matrix ids, known ids. */
export function testMeta(technique: Technique): void {
  test(`${technique.meta.id}: metadata`, () => {
    const { meta } = technique;
    for (const id of meta.mitre) assert.match(id, /^T\d{4}(\.\d{3})?$/);
    for (const id of meta.msThreatMatrix) assert.match(id, /^MS-TA9\d{3}$/);
    assert.ok(LIKELIHOOD_CLASSES.includes(meta.likelihood));
    for (const id of meta.remediations) assert.ok(REMEDIATION_IDS.includes(id), id);
    assert.ok(meta.threatModels.length > 0 && meta.title !== '' && meta.summary.endsWith('.'));
  });
}
