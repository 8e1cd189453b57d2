/**
 * Grant predicates for relabelling a namespace: the API server takes a Namespace's own name as the request
 * namespace, so a RoleBinding in namespace X that allows patching namespaces patches X, and only X.
 */
import { ruleAllows } from '../model/rbac-match.js';
import type { Grant, PolicyRule } from '../model/types.js';
import { adminLevel, allowsAny, POD_CREATE_REQUESTS } from './rbac-scan.js';

/** True when the grant lets its subject patch or update the Namespace object named `name`. */
export function patchesNamespace(grant: Grant, name: string): boolean {
  if (grant.scope !== '*' && grant.scope !== name) return false;
  return ['patch', 'update'].some((verb) =>
    ruleAllows(grant.rule, { verb, apiGroup: '', resource: 'namespaces', namespace: name, name }),
  );
}

/** A grant that creates pods (or is admin) in the namespace. */
export function createsPodsIn(grant: Grant, name: string): boolean {
  return (
    (grant.scope === '*' || grant.scope === name) &&
    (adminLevel(grant) !== undefined || allowsAny(grant, POD_CREATE_REQUESTS))
  );
}

/** Cheap pre-check: the rule may name patch or update on namespaces at all (names are checked later). */
export function mayPatchNamespaces(rule: PolicyRule): boolean {
  const { verbs, resources, apiGroups } = rule;
  return (
    (verbs.includes('*') || verbs.includes('patch') || verbs.includes('update')) &&
    (resources.includes('*') || resources.includes('namespaces')) &&
    (apiGroups.includes('*') || apiGroups.includes(''))
  );
}
