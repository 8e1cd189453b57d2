/**
 * The Roles a bind edge binds, as evidence (which Role the subject would bind, and the rules a bound Role gives on
 * the way) and as cuts: when the edge opens a namespace only by binding admin-level Roles there, removing the rule
 * that makes such a Role admin-level (its wildcard, or the bind rule of a binder Role) also cuts the edge. Each
 * candidate is checked by recomputing the subject's chain without that rule, so a fix is offered only where it
 * really cuts (not when another admin Role, or `bind` on admin ClusterRoles, remains).
 */
import { pointer } from '../collect/patch.js';
import type { Model } from '../model/model.js';
import type { Grant, Role } from '../model/types.js';
import { bindRequest, bindTargetsOf, heldGrants } from './rbac-bind.js';
import { restrictRoleRule } from './rbac-fixes.js';
import {
  type Closure,
  distinctGrantsIn,
  ownGrants,
  type RoleViews,
  withBindableRoles,
} from './rbac-role-closure.js';
import { allowsAny, isFullWildcard } from './rbac-scan.js';
import type { Evidence, Fix, NodeRef } from './types.js';
import { evidence } from './workload-helpers.js';

const NAMESPACE_ADMIN = 'hub:namespace-admin/';

/**
 * The restrict-role-rule fixes on the admin Roles of the target namespace that cut the edge decided by
 * `group` (grants of one binding subject), given all the subject's `own` grants: the subject's chain of bindable
 * Roles is recomputed without the rule, and the rule is a cut when the group no longer opens the target.
 */
export function boundRoleFixes(
  model: Model,
  parts: {
    readonly own: readonly Grant[];
    readonly group: readonly Grant[];
    readonly to: NodeRef;
    readonly views: RoleViews;
    /** The subject's chain with every rule in place. */
    readonly closure: Closure;
  },
): Fix[] {
  if (!parts.to.startsWith(NAMESPACE_ADMIN)) return [];
  const namespace = parts.to.slice(NAMESPACE_ADMIN.length);
  const fixes: Fix[] = [];
  // Only this namespace's targets matter, and a chain there reads only its Roles and the grants acting there.
  const keep = { grants: parts.group, added: parts.closure.via };
  const own = once(() => distinctGrantsIn(parts.own, namespace, keep));
  const whole = once(() => distinctGrantsIn(parts.closure.grants, namespace, keep));
  for (const name of parts.views.base.admin.get(namespace) ?? []) {
    const role = model.role(`Role/${namespace}/${name}`);
    // The subject's own role: the edge's own fixes already cut there.
    if (role === undefined || parts.group.some((grant) => grant.role === role.ref)) continue;
    role.rules.forEach((rule, ruleIndex) => {
      // Only a wildcard or a bind rule can make a Role admin-level; others are never the cut.
      if (!isFullWildcard(rule) && !rule.verbs.includes('bind') && !rule.verbs.includes('*')) return;
      const view = parts.views.without(role, ruleIndex);
      // A chain that never read the namespace is the same without the rule; only the admin names change.
      const closure = parts.closure.read.has(namespace) ? withBindableRoles(view, own()) : undefined;
      const local = closure?.grants ?? whole();
      const names = new Map([[namespace, view.admin.get(namespace) ?? []]]);
      const after = bindTargetsOf(local, names).get(parts.to);
      if (
        after !== undefined &&
        ownGrants(closure ?? parts.closure, after.binds).some((g) => parts.group.includes(g))
      )
        return;
      const fix = restrictRoleRule(model, [heldGrants(role, namespace)[ruleIndex]!]);
      if (fix !== undefined) fixes.push(fix);
    });
  }
  return fixes;
}

/** A value made on first use: most edges have no candidate rule, and then need neither grant list. */
function once<T>(make: () => T): () => T {
  let made: { readonly value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/** The rule that makes a Role admin-level: a full wildcard, else its first bind rule. */
function decidingRule(role: Role): number {
  const wildcard = role.rules.findIndex(isFullWildcard);
  return wildcard >= 0 ? wildcard : role.rules.findIndex((rule) => rule.verbs.includes('bind'));
}

/** Evidence naming the admin-level Roles of the target namespace that the deciding grants may bind by name. */
export function boundRoleEvidence(
  model: Model,
  parts: {
    readonly group: readonly Grant[];
    readonly to: NodeRef;
    readonly roles: ReadonlyMap<string, string[]>;
  },
): Evidence[] {
  if (!parts.to.startsWith(NAMESPACE_ADMIN)) return [];
  const namespace = parts.to.slice(NAMESPACE_ADMIN.length);
  const out: Evidence[] = [];
  for (const name of parts.roles.get(namespace) ?? []) {
    const role = model.role(`Role/${namespace}/${name}`);
    const requests = bindRequest(name);
    if (role === undefined || !parts.group.some((grant) => allowsAny(grant, requests))) continue;
    const index = decidingRule(role);
    const says = role.rules.some(isFullWildcard)
      ? `${role.ref} allows everything in namespace ${namespace}; binding it is namespace admin`
      : `${role.ref} lets its holder bind an admin role in namespace ${namespace}; binding it is namespace admin`;
    out.push(evidence(model, role.ref, says, index >= 0 ? pointer('rules', index) : undefined));
  }
  return out;
}

/** Evidence for the rules a subject gains by binding a Role to itself, where an edge needs them. */
export function chainEvidence(model: Model, closure: Closure, grants: readonly Grant[]): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<string>();
  for (const grant of grants) {
    const key = `${grant.role}#${grant.ruleIndex}`;
    if (!closure.via.has(grant) || seen.has(key)) continue;
    seen.add(key);
    const { verbs, resources } = grant.rule;
    const says = `binding ${grant.role} to itself gives ${verbs.join(', ')} on ${resources.join(', ')} in namespace ${grant.scope}`;
    out.push(evidence(model, grant.role, says, pointer('rules', grant.ruleIndex)));
  }
  return out;
}
