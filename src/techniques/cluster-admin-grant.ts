/**
 * cluster-admin-grant: a full wildcard rule bound cluster-wide is cluster-admin; bound in one namespace (a
 * RoleBinding to cluster-admin) or through the `admin` role it is admin of that namespace only. The group
 * `system:masters` is allowed everything before RBAC is consulted, so no RBAC change removes it.
 */
import type { Model } from '../model/model.js';
import { grantsAtPositions, grantTableOf } from '../model/rbac-grants.js';
import type { Grant } from '../model/types.js';
import { bindingEvidence, grantEdge, structuralEdge } from './rbac-edges.js';
import { namespacesOf, reachedHubs } from './rbac-hubs.js';
import { ADMIN_ROLE, adminLevel, byBindingSubject, isAdminRule, isFullWildcard } from './rbac-scan.js';
import { type Edge, NO_FIXES, type Technique } from './types.js';
import { evidence, sortEdges } from './workload-helpers.js';

/** Namespace admin fans out to what it can do: create pods and read secrets there. */
function fanOut(model: Model): Edge[] {
  const scopes = reachedHubs(model).namespaceAdmin;
  const edges: Edge[] = [];
  for (const ns of namespacesOf(model, scopes)) {
    const proof = (says: string) => evidence(model, `Namespace/${ns}`, says);
    const hub = `hub:namespace-admin/${ns}`;
    if (scopes.has('*'))
      edges.push(
        structuralEdge(
          'cluster-admin-grant',
          'hub:namespace-admin/*',
          hub,
          proof(`admin of every namespace is admin of ${ns}`),
        ),
      );
    const says = proof(`namespace admin can create pods and read secrets in ${ns}`);
    edges.push(structuralEdge('cluster-admin-grant', hub, `hub:create-pods/${ns}`, says));
    edges.push(structuralEdge('cluster-admin-grant', hub, `hub:read-secrets/${ns}`, says));
  }
  return edges;
}

/** `system:masters` named as a binding subject: that group is cluster-admin whatever the bindings say. */
function masters(model: Model): Edge[] {
  const naming = model.bindings.filter((binding) =>
    binding.subjects.some((subject) => subject.kind === 'Group' && subject.name === 'system:masters'),
  );
  if (naming.length === 0) return [];
  const says = 'group system:masters is allowed every request before RBAC is consulted';
  const items = naming.map((binding) =>
    evidence(model, binding.ref, `${binding.ref} names system:masters; ${says}`),
  );
  return [
    {
      technique: 'cluster-admin-grant',
      from: MASTERS,
      to: 'jewel:cluster-admin',
      evidence: items,
      fixes: NO_FIXES,
    },
  ];
}

/** system:masters is cluster-admin before RBAC: its grants add nothing, and cutting them cuts nothing. */
const MASTERS = 'Group/system:masters';

/**
 * The grants that decide the edges: every full wildcard rule, and the `admin` role's first two rules when it has
 * none. The admin role's edge cites no rule, and its fixes read only which binding subjects hold it and whether a
 * single rule decides (never, with two rules), so its other rules change nothing: at 150,000 pods they were
 * 879,440 grants. With a wildcard rule, `admin` decides like any wildcard role, citing every rule.
 */
function decidingGrants(model: Model): Grant[] {
  return grantsAtPositions(grantTableOf(model.memo), model.bound, ({ role, rules }) => {
    const positions = rules.flatMap(({ rule }, position) => (isAdminRule(rule, role) ? [position] : []));
    const adminRoleOnly = role === ADMIN_ROLE && !rules.some(({ rule }) => isFullWildcard(rule));
    return adminRoleOnly ? positions.slice(0, 2) : positions;
  });
}

function find(model: Model): Edge[] {
  const admin = decidingGrants(model).filter((grant) => grant.subject !== MASTERS);
  const edges = byBindingSubject(admin).map((group) => {
    const cluster = group.filter((grant) => adminLevel(grant) === 'cluster');
    const wildcard = group.filter((grant) => isFullWildcard(grant.rule));
    const deciding = cluster.length > 0 ? cluster : group;
    const first = deciding[0]!;
    const to = cluster.length > 0 ? 'jewel:cluster-admin' : `hub:namespace-admin/${first.scope}`;
    if (wildcard.length > 0)
      return grantEdge(model, 'cluster-admin-grant', { from: first.subject, to, deciding });
    // The admin role decides by what it is, not by one rule: cite the binding and the role once.
    const role = evidence(
      model,
      first.role,
      `${first.role} is the namespace admin role: every namespaced right`,
    );
    return grantEdge(model, 'cluster-admin-grant', {
      from: first.subject,
      to,
      deciding,
      citeDeciding: [],
      evidence: [role, ...bindingEvidence(model, first)],
    });
  });
  return sortEdges([...edges, ...masters(model), ...fanOut(model)]);
}

/** An identity bound to a full wildcard role is cluster-admin (cluster-wide) or namespace admin (in one). */
export const clusterAdminGrant: Technique = {
  meta: {
    id: 'cluster-admin-grant',
    title: 'Bound to cluster-admin or an admin role',
    summary:
      'Holds every right in the cluster, or in one namespace, through a binding to an admin-level role.',
    prerequisites:
      'A ClusterRoleBinding or RoleBinding gives the identity a rule allowing every verb on every resource, or the admin role; or the identity is in system:masters.',
    exploitation:
      'Nothing to exploit: whoever holds the credential already has the rights. Cluster-wide, that means reading every Secret, running privileged pods on any node and rewriting RBAC; in a namespace, creating pods as any of its service accounts and reading its Secrets.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1078'],
    msThreatMatrix: ['MS-TA9019'],
    likelihood: 'certain',
    remediations: ['remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
