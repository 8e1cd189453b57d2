/**
 * What a subject holds after binding Roles to itself: `bind` on a Role plus a RoleBinding write in its namespace
 * gives the subject that Role's rules there, which may hold the write or the bind the next step needs (KubeHound's
 * ROLE_BIND chain: bind the binder Role, then bind admin). Views of the model's Roles, whole or minus one rule,
 * let a caller ask whether removing that rule breaks a chain.
 */
import type { Model } from '../model/model.js';
import type { Grant, Role } from '../model/types.js';
import { adminRolesOf, heldGrants } from './rbac-bind.js';
import { allowsAny, RBAC_GROUP, requestsFor } from './rbac-scan.js';

const WRITE_RB = requestsFor(['create', 'update', 'patch'], RBAC_GROUP, ['rolebindings']);
/** `bind` on any Role and any ClusterRole: requests without a name, which only rules without resourceNames allow. */
const BIND_ANY_ROLE = requestsFor(['bind'], RBAC_GROUP, ['roles']);
const BIND_ANY_CLUSTER_ROLE = requestsFor(['bind'], RBAC_GROUP, ['clusterroles']);

/** One request list per Role name, so `allowsAny` answers each (rule, name) once. */
const bindByName = new Map<string, ReturnType<typeof requestsFor>>();
function bindRequest(name: string): ReturnType<typeof requestsFor> {
  let requests = bindByName.get(name);
  if (requests === undefined) {
    requests = requestsFor(['bind'], RBAC_GROUP, ['roles'], name);
    bindByName.set(name, requests);
  }
  return requests;
}

/** The model's Roles as the bind techniques read them: admin-level names and every Role, by namespace. */
export interface RoleView {
  readonly admin: ReadonlyMap<string, string[]>;
  readonly byNamespace: ReadonlyMap<string, readonly Role[]>;
}

/** The view of the model's Roles, and a memo of the views with one rule of one Role removed. */
export interface RoleViews {
  readonly base: RoleView;
  readonly without: (role: Role, ruleIndex: number) => RoleView;
}

function viewOf(roles: readonly Role[]): RoleView {
  const byNamespace = new Map<string, Role[]>();
  for (const role of roles) {
    if (role.kind !== 'Role') continue;
    const namespace = role.namespace ?? 'default';
    const list = byNamespace.get(namespace);
    if (list === undefined) byNamespace.set(namespace, [role]);
    else list.push(role);
  }
  return { admin: adminRolesOf(roles), byNamespace };
}

/** The Role views of a model. */
export function roleViews(model: Model): RoleViews {
  const memo = new Map<string, RoleView>();
  const base = viewOf(model.roles);
  return {
    base,
    without: (role, ruleIndex) => {
      const key = `${role.ref}#${ruleIndex}`;
      let view = memo.get(key);
      if (view === undefined) {
        view = withoutRule(base, role, ruleIndex);
        memo.set(key, view);
      }
      return view;
    },
  };
}

/** The view with one rule of one Role removed: only that Role's namespace is read again (Roles act there only). */
function withoutRule(base: RoleView, role: Role, ruleIndex: number): RoleView {
  const namespace = role.namespace ?? 'default';
  const cut = { ...role, rules: role.rules.filter((_, i) => i !== ruleIndex) };
  const roles = (base.byNamespace.get(namespace) ?? []).map((other) => (other === role ? cut : other));
  const admin = new Map(base.admin);
  const names = adminRolesOf(roles).get(namespace);
  if (names === undefined) admin.delete(namespace);
  else admin.set(namespace, names);
  const byNamespace = new Map(base.byNamespace);
  byNamespace.set(namespace, roles);
  return { admin, byNamespace };
}

/** A subject's grants after binding to itself every Role it can, and the own grants each added one came through. */
export interface Closure {
  readonly grants: readonly Grant[];
  /** An added grant (a bound Role's rule) → the subject's own bind grants that lead to it. */
  readonly via: ReadonlyMap<Grant, readonly Grant[]>;
  /** Namespaces whose Roles the subject could bind (where it holds a binding write and some bind). */
  readonly read: ReadonlySet<string>;
}

/** True when the rule may allow `bind` on Roles at all. */
function bindsRoles(grant: Grant): boolean {
  const { verbs, resources } = grant.rule;
  return (
    (verbs.includes('bind') || verbs.includes('*')) &&
    (resources.includes('roles') || resources.includes('*'))
  );
}

/** The subject's own grants plus those of every Role it can bind to itself, to a fixpoint. */
export function withBindableRoles(view: RoleView, own: readonly Grant[]): Closure {
  const grants = [...own];
  const via = new Map<Grant, readonly Grant[]>();
  const bound = new Set<string>();
  const read = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    const writes = new Set(grants.filter((g) => allowsAny(g, WRITE_RB)).map((g) => g.scope));
    // Where the subject may already bind any Role and write bindings, a bound Role adds no bind or write it needs.
    const roles = new Set(grants.filter((g) => allowsAny(g, BIND_ANY_ROLE)).map((g) => g.scope));
    const clusterRoles = new Set(
      grants.filter((g) => allowsAny(g, BIND_ANY_CLUSTER_ROLE)).map((g) => g.scope),
    );
    const holds = (scopes: ReadonlySet<string>, ns: string) => scopes.has(ns) || scopes.has('*');
    const saturated = (ns: string) => holds(writes, ns) && holds(roles, ns) && holds(clusterRoles, ns);
    if (saturated('*')) break;
    for (const grant of grants.filter(bindsRoles)) {
      const names = grant.rule.resourceNames;
      const namespaces = grant.scope === '*' ? [...view.byNamespace.keys()] : [grant.scope];
      for (const namespace of namespaces) {
        if (!writes.has(namespace) && !writes.has('*')) continue;
        if (saturated(namespace)) continue;
        read.add(namespace);
        for (const role of view.byNamespace.get(namespace) ?? []) {
          if (bound.has(role.ref) || (names.length > 0 && !names.includes(role.name))) continue;
          if (!allowsAny(grant, bindRequest(role.name))) continue;
          bound.add(role.ref);
          const origin = via.get(grant) ?? [grant];
          for (const held of heldGrants(role, namespace)) {
            grants.push(held);
            via.set(held, origin);
          }
          grew = true;
        }
      }
    }
  }
  return { grants, via, read };
}

/** The subject's own grants behind these (closure) grants, without repeats, in order. */
export function ownGrants(closure: Closure, grants: readonly Grant[]): Grant[] {
  return [...new Set(grants.flatMap((grant) => closure.via.get(grant) ?? [grant]))];
}
