/**
 * What one subject's grants let it bind. The API server checks a RoleBinding as `bind` on the role in the
 * binding's namespace (pkg/registry/rbac/escalation_check.go, `BindingAuthorized`), so a namespaced `bind` on
 * `clusterroles` counts there; a ClusterRoleBinding needs `bind` cluster-wide. The binding itself needs create,
 * update or patch (roleRef is immutable, but an update can add a subject to an existing binding of the role).
 */
import type { Model } from '../model/model.js';
import type { Grant, PolicyRule, Role } from '../model/types.js';
import { allowsAny, hasVerb, isFullWildcard, RBAC_GROUP, requestsFor } from './rbac-scan.js';
import type { NodeRef } from './types.js';

const WRITE = ['create', 'update', 'patch'];
const WRITE_CRB = requestsFor(WRITE, RBAC_GROUP, ['clusterrolebindings']);
const WRITE_RB = requestsFor(WRITE, RBAC_GROUP, ['rolebindings']);
const BIND_CLUSTER_ADMIN = requestsFor(['bind'], RBAC_GROUP, ['clusterroles'], 'cluster-admin');
const BIND_ADMIN = [...BIND_CLUSTER_ADMIN, ...requestsFor(['bind'], RBAC_GROUP, ['clusterroles'], 'admin')];

/** One request list per Role name, so `allowsAny` answers each (rule, name) once and no list is built per call. */
const bindByName = new Map<string, ReturnType<typeof requestsFor>>();
export function bindRequest(name: string): ReturnType<typeof requestsFor> {
  let requests = bindByName.get(name);
  if (requests === undefined) {
    requests = requestsFor(['bind'], RBAC_GROUP, ['roles'], name);
    bindByName.set(name, requests);
  }
  return requests;
}

/**
 * Names of the Roles whose holder is admin of their namespace, by namespace: binding one is namespace admin.
 * A full wildcard rule is; so is a Role whose own rules let its holder write a RoleBinding there and `bind` an
 * admin-level role to itself (KubeHound's ROLE_BIND chain: bind the binder role, then bind admin), found to a
 * fixpoint, since such a Role may be admin-level only through another one.
 */
export function adminRoles(model: Model): Map<string, string[]> {
  return adminRolesOf(model.roles);
}

/** {@link adminRoles} over a list of roles, so a caller can ask what the list minus one rule would give. */
export function adminRolesOf(roles: readonly Role[]): Map<string, string[]> {
  const byNamespace = new Map<string, string[]>();
  const add = (role: Role): void => {
    const namespace = role.namespace ?? 'default';
    const names = byNamespace.get(namespace);
    if (names === undefined) byNamespace.set(namespace, [role.name]);
    else names.push(role.name);
  };
  const binders: Role[] = [];
  for (const role of roles) {
    if (role.kind !== 'Role') continue;
    if (role.rules.some(isFullWildcard)) add(role);
    else if (role.rules.some(mayBind)) binders.push(role);
  }
  for (let found = true; found; ) {
    found = false;
    for (let i = binders.length - 1; i >= 0; i--) {
      const role = binders[i]!;
      const namespace = role.namespace ?? 'default';
      if (!bindTargetsOf(heldGrants(role, namespace), byNamespace).has(`hub:namespace-admin/${namespace}`))
        continue;
      add(role);
      binders.splice(i, 1);
      found = true;
    }
  }
  return byNamespace;
}

/** True when the rule may allow `bind` at all: only such a Role can be admin-level without a wildcard. */
function mayBind(rule: PolicyRule): boolean {
  return rule.verbs.includes('bind') || rule.verbs.includes('*');
}

/** The grants a subject would hold by binding the Role to itself: its rules, in its namespace. */
export function heldGrants(role: Role, namespace: string): Grant[] {
  return role.rules.map((rule, ruleIndex) => ({
    subject: '',
    scope: namespace,
    rule,
    ruleIndex,
    binding: '',
    role: role.ref,
    subjectIndex: 0,
  }));
}

/** True when the rule may name `bind` on Roles at all; cheap, before matching each admin Role by name. */
function mayBindRoles(grant: Grant): boolean {
  const { verbs, apiGroups, resources } = grant.rule;
  return (
    (verbs.includes('bind') || verbs.includes('*')) &&
    (apiGroups.includes(RBAC_GROUP) || apiGroups.includes('*')) &&
    (resources.includes('roles') || resources.includes('*'))
  );
}

/** The binding writes one subject holds: RoleBinding scopes, and whether it writes ClusterRoleBindings. */
interface Writes {
  readonly rb: ReadonlySet<string>;
  readonly crb: boolean;
}

/** The namespace-admin scopes one bind grant opens, given the binding writes its subject holds. */
function bindTargets(grant: Grant, writes: Writes, roles: ReadonlyMap<string, string[]>): string[] {
  const targets = new Set<string>();
  const canWriteIn = (ns: string): boolean => writes.rb.has(ns) || writes.rb.has('*');
  if (allowsAny(grant, BIND_ADMIN)) {
    if (grant.scope !== '*') {
      if (canWriteIn(grant.scope)) targets.add(grant.scope);
    } else if (writes.rb.has('*') || writes.crb) targets.add('*');
    else for (const ns of writes.rb) targets.add(ns);
  }
  if (mayBindRoles(grant)) {
    const namespaces = grant.scope === '*' ? roles.keys() : [grant.scope];
    for (const ns of namespaces) {
      const names = roles.get(ns) ?? [];
      const bindable = names.some((name) => allowsAny(grant, bindRequest(name)));
      if (bindable && canWriteIn(ns)) targets.add(ns);
    }
  }
  return targets.has('*') ? ['*'] : [...targets];
}

/** What a subject can bind to itself: each target with the bind grants that open it and one binding write. */
export function bindTargetsOf(
  grants: readonly Grant[],
  roles: ReadonlyMap<string, string[]>,
): Map<NodeRef, { readonly binds: Grant[]; readonly write: Grant | undefined }> {
  const targets = new Map<NodeRef, { readonly binds: Grant[]; readonly write: Grant | undefined }>();
  const crb = grants.filter((grant) => grant.scope === '*' && allowsAny(grant, WRITE_CRB));
  const rb = grants.filter((grant) => allowsAny(grant, WRITE_RB));
  if (crb.length === 0 && rb.length === 0) return targets;
  const writes = { rb: new Set(rb.map((grant) => grant.scope)), crb: crb.length > 0 };
  // The binding write cited for a target: the first in its scope, else the first cluster-wide one; cluster-admin
  // and every namespace at once need a ClusterRoleBinding write or a cluster-wide RoleBinding write.
  const rbIn = firstByScope(rb);
  const anyIn = firstByScope([...crb, ...rb]);
  const add = (to: NodeRef, scope: string, grant: Grant): void => {
    let target = targets.get(to);
    if (target === undefined) {
      const write = to === 'jewel:cluster-admin' || scope === '*' ? anyIn : rbIn;
      target = { binds: [], write: write.get(scope) ?? write.get('*') };
      targets.set(to, target);
    }
    target.binds.push(grant);
  };
  // One ref per namespace, not one per grant that opens it (a subject may hold thousands of such grants).
  const hubs = new Map<string, NodeRef>();
  for (const grant of grants) {
    // Every target needs the bind verb: most of a subject's grants are passed over without matching requests.
    if (!hasVerb(grant.rule, 'bind')) continue;
    if (crb.length > 0 && grant.scope === '*' && allowsAny(grant, BIND_CLUSTER_ADMIN)) {
      add('jewel:cluster-admin', 'jewel:cluster-admin', grant);
      continue;
    }
    for (const ns of bindTargets(grant, writes, roles)) {
      let hub = hubs.get(ns);
      if (hub === undefined) {
        hub = `hub:namespace-admin/${ns}`;
        hubs.set(ns, hub);
      }
      add(hub, ns, grant);
    }
  }
  return targets;
}

/** The first grant of each scope, in list order. */
function firstByScope(grants: readonly Grant[]): Map<string, Grant> {
  const first = new Map<string, Grant>();
  for (const grant of grants) if (!first.has(grant.scope)) first.set(grant.scope, grant);
  return first;
}
