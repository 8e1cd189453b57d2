/**
 * bind-role: `create rolebindings` alone is no escalation (the API server checks that the author holds the
 * role's rights), but with the `bind` verb on an admin-level role the subject binds that role to itself. A Role
 * it may bind adds its rules first, so a stepping-stone Role that gives the missing bind or write counts too.
 */
import { memoKey } from '../model/memo.js';
import type { Model } from '../model/model.js';
import type { PolicyRule } from '../model/types.js';
import { bindTargetsOf } from './rbac-bind.js';
import { boundRoleEvidence, boundRoleFixes, chainEvidence } from './rbac-bound-roles.js';
import { grantEdge } from './rbac-edges.js';
import { ownGrants, roleViews, withBindableRoles } from './rbac-role-closure.js';
import { byBindingSubject, hasVerb, subjectsNeeding } from './rbac-scan.js';
import type { Edge, Technique } from './types.js';
import { sortEdges } from './workload-helpers.js';

// The namespace-admin hubs ask for these edges too (rbac-hubs.ts): found once per model.
const FOUND = memoKey<Edge[]>('bind-role edges');

// Every question a bind chain asks of a grant (a binding write; bind on Roles, on ClusterRoles, or on one by name;
// the closure's first screen, which reads no API group) needs one of these verbs on one of these resources. A
// subject's other grants are never read: at 150,000 pods they were 669,786 grants made for nothing.
const CHAIN_VERBS: ReadonlySet<string> = new Set(['*', 'bind', 'create', 'update', 'patch']);
const CHAIN_RESOURCES: ReadonlySet<string> = new Set([
  '*',
  'clusterrolebindings',
  'clusterroles',
  'rolebindings',
  'roles',
]);

function inBindChain(rule: PolicyRule): boolean {
  return (
    rule.verbs.some((verb) => CHAIN_VERBS.has(verb)) &&
    rule.resources.some((resource) => CHAIN_RESOURCES.has(resource))
  );
}

function find(model: Model): Edge[] {
  return model.memo.of(FOUND, () => findEdges(model));
}

function findEdges(model: Model): Edge[] {
  const views = roleViews(model);
  const edges: Edge[] = [];
  // Every target needs a bind grant: only subjects holding one are read in full.
  for (const [subject, own] of subjectsNeeding(model, (rule) => hasVerb(rule, 'bind'), inBindChain)) {
    // Roles it can bind to itself first add their rules (a chain of binds); each edge is still decided by its own.
    const closure = withBindableRoles(views.base, own);
    for (const [to, { binds, write }] of bindTargetsOf(closure.grants, views.base.admin))
      for (const group of byBindingSubject(ownGrants(closure, binds)))
        edges.push(
          grantEdge(model, 'bind-role', {
            from: subject,
            to,
            deciding: group,
            cited: write === undefined ? [] : ownGrants(closure, [write]),
            // The admin Role it binds is named, and is a cut too when it is the only one it can bind there.
            evidence: [
              ...boundRoleEvidence(model, { group, to, roles: views.base.admin }),
              ...chainEvidence(model, closure, write === undefined ? binds : [...binds, write]),
            ],
            fixes: boundRoleFixes(model, { own, group, to, views, closure }),
          }),
        );
  }
  return sortEdges(edges);
}

/** An identity that may both write role bindings and `bind` an admin-level role grants itself that role. */
export const bindRole: Technique = {
  meta: {
    id: 'bind-role',
    title: 'Bind an admin role to yourself',
    summary: 'Gains cluster-admin, or admin of a namespace, by creating a binding to an admin-level role.',
    prerequisites:
      'The identity may create, update or patch (cluster)rolebindings and holds the bind verb on cluster-admin, admin or an admin-level Role, in the same scope; or it may bind to itself a Role that supplies the missing bind or write.',
    exploitation:
      'The attacker writes a RoleBinding or ClusterRoleBinding whose subject is their own identity and whose roleRef is an admin-level role. The bind verb tells the API server to skip its usual check that the author already holds every right of the role, so the binding is accepted and takes effect at once. Where its bind covers only a lesser Role that itself allows binding admin (or writing bindings), the attacker binds that Role first, then the admin role.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1098'],
    msThreatMatrix: ['MS-TA9019'],
    likelihood: 'trivial',
    remediations: ['remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
