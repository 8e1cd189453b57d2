/**
 * What a subject holds after binding Roles to itself: `bind` on a Role plus a RoleBinding write in its namespace
 * gives the subject that Role's rules there, which may hold the write or the bind the next step needs (KubeHound's
 * ROLE_BIND chain: bind the binder Role, then bind admin). Views of the model's Roles, whole or minus one rule,
 * let a caller ask whether removing that rule breaks a chain.
 */
import type { Model } from '../model/model.js';
import type { Grant, Role } from '../model/types.js';
import { adminRolesOf, bindRequest, heldGrants } from './rbac-bind.js';
import { allowsAny, RBAC_GROUP, requestsFor } from './rbac-scan.js';

const WRITE_RB = requestsFor(['create', 'update', 'patch'], RBAC_GROUP, ['rolebindings']);
/** `bind` on any Role and any ClusterRole: requests without a name, which only rules without resourceNames allow. */
const BIND_ANY_ROLE = requestsFor(['bind'], RBAC_GROUP, ['roles']);
const BIND_ANY_CLUSTER_ROLE = requestsFor(['bind'], RBAC_GROUP, ['clusterroles']);

/** The model's Roles as the bind techniques read them: admin-level names and every Role, by namespace. */
export interface RoleView {
  readonly admin: ReadonlyMap<string, string[]>;
  readonly byNamespace: ReadonlyMap<string, readonly Role[]>;
  /** The keys of `byNamespace`, in its order. */
  readonly namespaces: readonly string[];
}

/**
 * The view of the model's Roles, and a memo of views with one rule of one Role removed. Those cover only that
 * Role's namespace: a Role acts only there, so a chain of binds in that namespace depends on no other.
 */
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
  return { admin: adminRolesOf(roles), byNamespace, namespaces: [...byNamespace.keys()] };
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

/** The Role's namespace alone, with one rule of the Role removed. */
function withoutRule(base: RoleView, role: Role, ruleIndex: number): RoleView {
  const namespace = role.namespace ?? 'default';
  const cut = { ...role, rules: role.rules.filter((_, i) => i !== ruleIndex) };
  const roles = (base.byNamespace.get(namespace) ?? []).map((other) => (other === role ? cut : other));
  const names = adminRolesOf(roles).get(namespace);
  return {
    admin: new Map(names === undefined ? [] : [[namespace, names]]),
    byNamespace: new Map([[namespace, roles]]),
    namespaces: [namespace],
  };
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

/**
 * The subject's own grants plus those of every Role it can bind to itself, to a fixpoint. Each pass binds what the
 * grants at its start allow; what a pass adds is read once, and a grant from an earlier pass is only tried again
 * where a binding write has appeared since (elsewhere it already bound every Role it can). At 150,000 pods this
 * runs 7,145 times, over 463 grants on average, and used to re-read them all in every pass.
 */
export function withBindableRoles(view: RoleView, own: readonly Grant[]): Closure {
  const grants = [...own];
  const via = new Map<Grant, readonly Grant[]>();
  const bound = new Set<string>();
  const read = new Set<string>();
  // Scopes where the subject may write role bindings, bind any Role, bind any ClusterRole: they only grow.
  const writes = new Set<string>();
  const roles = new Set<string>();
  const clusterRoles = new Set<string>();
  const binders: Grant[] = [];
  const holds = (scopes: ReadonlySet<string>, ns: string) => scopes.has(ns) || scopes.has('*');
  const saturated = (ns: string) => holds(writes, ns) && holds(roles, ns) && holds(clusterRoles, ns);
  let absorbed = 0;
  let earlierBinders = 0;
  let earlierWrites: ReadonlySet<string> = new Set();
  // Namespaces with a Role not yet bound, in view order; made on first need, and they only ever close.
  let open: string[] | undefined;
  const stillOpen = (): readonly string[] => {
    open = (open ?? view.namespaces).filter((ns) =>
      view.byNamespace.get(ns)!.some((role) => !bound.has(role.ref)),
    );
    return open;
  };
  for (let grew = true; grew; ) {
    grew = false;
    for (; absorbed < grants.length; absorbed++) {
      const grant = grants[absorbed]!;
      if (allowsAny(grant, WRITE_RB)) writes.add(grant.scope);
      if (allowsAny(grant, BIND_ANY_ROLE)) roles.add(grant.scope);
      if (allowsAny(grant, BIND_ANY_CLUSTER_ROLE)) clusterRoles.add(grant.scope);
      if (bindsRoles(grant)) binders.push(grant);
    }
    // Where the subject may already bind any Role and write bindings, a bound Role adds no bind or write it needs.
    if (saturated('*')) break;
    // Grants this pass adds wait for the next one.
    const binding = binders.length;
    // Once one cluster-wide grant has swept every namespace this pass, `read` holds every namespace another would
    // add, so another need only look where a Role is still unbound (32 subjects each bind all 7,562 Roles of the
    // 150,000-pod cluster, through 4 to 33 such grants).
    let swept = false;
    for (let i = 0; i < binding; i++) {
      const grant = binders[i]!;
      // Tried in the last pass: only namespaces that were not writable then can bind anything new.
      const tried = i < earlierBinders;
      if (tried && writes.size === earlierWrites.size) continue;
      const names = grant.rule.resourceNames;
      const wide = grant.scope === '*';
      const namespaces = !wide ? [grant.scope] : swept ? stillOpen() : view.namespaces;
      if (wide && !tried) swept = true;
      // Indexed loops: the subjects with cluster-wide bind walk every namespace and Role here, and iterators
      // allocated 150 MB at 150,000 pods.
      for (let n = 0; n < namespaces.length; n++) {
        const namespace = namespaces[n]!;
        if (tried && holds(earlierWrites, namespace)) continue;
        if (!writes.has(namespace) && !writes.has('*')) continue;
        if (saturated(namespace)) continue;
        read.add(namespace);
        const roles = view.byNamespace.get(namespace) ?? [];
        for (let r = 0; r < roles.length; r++) {
          const role = roles[r]!;
          if (bound.has(role.ref) || (names.length > 0 && !names.includes(role.name))) continue;
          if (!allowsAny(grant, bindRequest(role.name))) continue;
          bound.add(role.ref);
          const origin = via.get(grant) ?? [grant];
          const added = heldGrants(role, namespace);
          for (let h = 0; h < added.length; h++) {
            grants.push(added[h]!);
            via.set(added[h]!, origin);
          }
          grew = true;
        }
      }
    }
    earlierBinders = binding;
    earlierWrites = new Set(writes);
  }
  return { grants, via, read };
}

/** A grant list by scope, as indexes into the list, built once per list. */
interface ScopeIndex {
  readonly byScope: ReadonlyMap<string, readonly number[]>;
  /** Cluster-wide grants that are the first with their rule: a repeat opens nothing the first did not. */
  readonly wideFirsts: readonly number[];
  /** Where each cluster-wide grant sits in the list. */
  readonly widePosition: ReadonlyMap<Grant, number>;
}

const scopeIndexes = new WeakMap<readonly Grant[], ScopeIndex>();

function scopeIndexOf(grants: readonly Grant[]): ScopeIndex {
  let index = scopeIndexes.get(grants);
  if (index === undefined) {
    const byScope = new Map<string, number[]>();
    const wideFirsts: number[] = [];
    const widePosition = new Map<Grant, number>();
    const wideRules = new Set<Grant['rule']>();
    grants.forEach((grant, i) => {
      const list = byScope.get(grant.scope);
      if (list === undefined) byScope.set(grant.scope, [i]);
      else list.push(i);
      if (grant.scope !== '*') return;
      widePosition.set(grant, i);
      if (wideRules.has(grant.rule)) return;
      wideRules.add(grant.rule);
      wideFirsts.push(i);
    });
    index = { byScope, wideFirsts, widePosition };
    scopeIndexes.set(grants, index);
  }
  return index;
}

/** The grants at two ascending index lists, merged so the order is the list's. */
function merged(grants: readonly Grant[], left: readonly number[], right: readonly number[]): Grant[] {
  const out: Grant[] = [];
  for (let i = 0, j = 0; i < left.length || j < right.length; ) {
    const next = j >= right.length || (i < left.length && left[i]! < right[j]!) ? left[i++]! : right[j++]!;
    out.push(grants[next]!);
  }
  return out;
}

/**
 * The grants that act in one namespace (scoped there or cluster-wide), in the list's order, without repeats of one
 * rule in one scope (a subject bound to one role many times holds each rule once per binding, and a repeat opens
 * nothing the first did not); the grants `keep` lists and the grants a chain added stay, as a caller asks about
 * them by identity. Indexed once per list: a subject with cluster-wide bind is asked this for every namespace it
 * opens, and filtering all its grants each time was quadratic in namespaces.
 */
export function distinctGrantsIn(
  grants: readonly Grant[],
  namespace: string,
  keep: { readonly grants: readonly Grant[]; readonly added: ReadonlyMap<Grant, unknown> },
): Grant[] {
  const index = scopeIndexOf(grants);
  const seen = new Set<Grant['rule']>();
  const local = (namespace === '*' ? [] : (index.byScope.get(namespace) ?? [])).filter((i) => {
    const grant = grants[i]!;
    if (keep.grants.includes(grant) || keep.added.has(grant)) return true;
    if (seen.has(grant.rule)) return false;
    seen.add(grant.rule);
    return true;
  });
  const extra = keep.grants.flatMap((grant) => {
    const at = index.widePosition.get(grant);
    return at === undefined ? [] : [at];
  });
  const wide =
    extra.length === 0
      ? index.wideFirsts
      : [...new Set([...index.wideFirsts, ...extra])].sort((a, b) => a - b);
  return merged(grants, local, wide);
}

/** The subject's own grants behind these (closure) grants, without repeats, in order. */
export function ownGrants(closure: Closure, grants: readonly Grant[]): Grant[] {
  return [...new Set(grants.flatMap((grant) => closure.via.get(grant) ?? [grant]))];
}
