/**
 * escalate-role: the `escalate` verb lifts the API server's check that a role author holds every right they
 * write, so with update or patch on a role the subject is already bound to, it rewrites that role to `*`.
 * See pkg/registry/rbac/role/policybased/storage.go and clusterrole/policybased/storage.go (`EscalationAllowed`).
 */
import type { Model } from '../model/model.js';
import type { BoundSubject, Grant, PolicyRule, Ref, Role } from '../model/types.js';
import { grantEdge } from './rbac-edges.js';
import {
  allowsAny,
  byBindingSubject,
  hasVerb,
  isAdminRule,
  RBAC_GROUP,
  requestsFor,
  subjectsNeeding,
} from './rbac-scan.js';
import type { Edge, Technique } from './types.js';
import { sortEdges } from './workload-helpers.js';

/** A role the subject is bound to, and the node that rewriting it to `*` reaches. */
interface Bound {
  readonly resource: 'clusterroles' | 'roles';
  readonly name: string;
  /** The scope in which the escalate and update rights must hold. */
  readonly namespace: string;
  readonly to: string;
}

/**
 * Roles the subject's grants below admin level come from: a ClusterRole bound cluster-wide rewrites to
 * cluster-admin, a Role rewrites to admin of its namespace. A ClusterRole bound only by RoleBindings is left out:
 * rewriting it needs cluster-scoped rights, and the cluster-wide binding that gives them is then a ClusterRole
 * bound here. Read from the subject's bindings, so its grants need not be made.
 */
function boundRoles(model: Model, items: readonly BoundSubject[]): Bound[] {
  const bound = new Map<string, Bound>();
  for (const item of items) {
    const role: Role | undefined = model.role(item.rules.role);
    if (role === undefined || bound.has(role.ref)) continue;
    if (item.rules.rules.every(({ rule }) => isAdminRule(rule, role.ref))) continue;
    if (role.kind === 'ClusterRole' && item.scope === '*')
      bound.set(role.ref, {
        resource: 'clusterroles',
        name: role.name,
        namespace: '*',
        to: 'jewel:cluster-admin',
      });
    if (role.kind === 'Role') {
      const namespace = role.namespace ?? item.scope;
      const to = `hub:namespace-admin/${namespace}`;
      bound.set(role.ref, { resource: 'roles', name: role.name, namespace, to });
    }
  }
  return [...bound.values()];
}

/** Grants (in the role's scope) that allow these verbs on the bound role by name. */
function allowing(grants: readonly Grant[], verbs: readonly string[], role: Bound): Grant[] {
  const requests = requestsFor(verbs, RBAC_GROUP, [role.resource], role.name);
  const inScope = (grant: Grant): boolean => grant.scope === '*' || grant.scope === role.namespace;
  return grants.filter((grant) => inScope(grant) && allowsAny(grant, requests));
}

/** The only grants an edge asks about: escalate, update or patch on roles or clusterroles. */
function mayRewriteRoles(rule: PolicyRule): boolean {
  return (
    (hasVerb(rule, 'escalate') || hasVerb(rule, 'update') || hasVerb(rule, 'patch')) &&
    (rule.apiGroups.includes(RBAC_GROUP) || rule.apiGroups.includes('*')) &&
    rule.resources.some((resource) => resource === 'roles' || resource === 'clusterroles' || resource === '*')
  );
}

function find(model: Model): Edge[] {
  const edges: Edge[] = [];
  // Every target needs an escalate grant: only subjects holding one are read, and of their grants only those an
  // edge can ask about (at 150,000 pods, all of them were 669,259 grants).
  const subjects = subjectsNeeding(model, (rule) => hasVerb(rule, 'escalate'), mayRewriteRoles);
  const bindings = new Map<Ref, BoundSubject[]>();
  for (const item of model.bound) {
    if (!subjects.has(item.subject)) continue;
    const list = bindings.get(item.subject);
    if (list === undefined) bindings.set(item.subject, [item]);
    else list.push(item);
  }
  for (const [subject, grants] of subjects) {
    const targets = new Map<string, { escalate: Set<Grant>; update: Grant | undefined }>();
    // Each bound role is checked against the few grants with these verbs, not all of the subject's grants.
    const escalating = grants.filter((grant) => hasVerb(grant.rule, 'escalate'));
    const updating = grants.filter((grant) => hasVerb(grant.rule, 'update') || hasVerb(grant.rule, 'patch'));
    for (const role of boundRoles(model, bindings.get(subject) ?? [])) {
      const escalate = allowing(escalating, ['escalate'], role);
      const update = allowing(updating, ['update', 'patch'], role);
      if (escalate.length === 0 || update.length === 0) continue;
      const target = targets.get(role.to) ?? { escalate: new Set<Grant>(), update: update[0] };
      for (const grant of escalate) target.escalate.add(grant);
      targets.set(role.to, target);
    }
    for (const [to, { escalate, update }] of targets)
      for (const group of byBindingSubject([...escalate]))
        edges.push(
          grantEdge(model, 'escalate-role', {
            from: subject,
            to,
            deciding: group,
            cited: update === undefined ? [] : [update],
          }),
        );
  }
  return sortEdges(edges);
}

/** An identity with `escalate` and update on a role it is bound to rewrites that role to hold everything. */
export const escalateRole: Technique = {
  meta: {
    id: 'escalate-role',
    title: 'Rewrite your own role with the escalate verb',
    summary:
      'Gains cluster-admin, or admin of a namespace, by adding a wildcard rule to a role the identity is bound to.',
    prerequisites:
      'The identity holds escalate and update (or patch) on a ClusterRole bound to it cluster-wide, or on a Role bound to it in that namespace.',
    exploitation:
      'The attacker edits a role that already applies to them and adds a rule allowing every verb on every resource. Normally the API server refuses a role that grants more than its author holds; the escalate verb switches that check off, so the new rule is stored and applies through the existing binding.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1098'],
    msThreatMatrix: ['MS-TA9019'],
    likelihood: 'likely',
    remediations: ['remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
