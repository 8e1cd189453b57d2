/**
 * impersonate: the `impersonate` verb lets a client act as another user, service account or group. Users and
 * groups are cluster-scoped, so only cluster-wide grants count for them; a group can be impersonated only
 * together with a user, and `system:masters` is allowed everything before RBAC is consulted.
 * See staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go.
 */
import type { Model } from '../model/model.js';
import { impersonationTargets } from './impersonate-targets.js';
import { grantEdge, structuralEdge } from './rbac-edges.js';
import { namespacesOf } from './rbac-hubs.js';
import { byBindingSubject, bySubject, hasVerb, nonAdminGrants } from './rbac-scan.js';
import { accountIndex, bindingSubjects } from './rbac-subjects.js';
import type { Edge, Technique } from './types.js';
import { evidence, sortEdges } from './workload-helpers.js';

const SA_HUB = 'hub:impersonate-sa/';

/** Hub fan-out: every bound user (and system:authenticated, which any user carries); every SA behind a hub. */
function fanOut(model: Model, hubs: ReadonlySet<string>): Edge[] {
  const edges: Edge[] = [];
  if (hubs.has('hub:impersonate-users')) {
    const { users, groups } = bindingSubjects(model);
    const authenticated = groups.filter(([ref]) => ref === 'Group/system:authenticated');
    for (const [ref, binding] of [...users, ...authenticated]) {
      const proof = evidence(model, binding, `${binding} names ${ref}, which an impersonator can act as`);
      edges.push(structuralEdge('impersonate', 'hub:impersonate-users', ref, proof));
    }
  }
  const scopes = new Set(
    [...hubs].filter((hub) => hub.startsWith(SA_HUB)).map((hub) => hub.slice(SA_HUB.length)),
  );
  for (const ns of namespacesOf(model, scopes)) {
    if (scopes.has('*')) {
      const proof = evidence(
        model,
        `Namespace/${ns}`,
        `impersonating every service account includes those of ${ns}`,
      );
      edges.push(structuralEdge('impersonate', `${SA_HUB}*`, `${SA_HUB}${ns}`, proof));
    }
    for (const sa of accountIndex(model).byNamespace.get(ns) ?? [])
      edges.push(
        structuralEdge(
          'impersonate',
          `${SA_HUB}${ns}`,
          sa.ref,
          evidence(model, sa.ref, `${sa.ref} can be impersonated by name`),
        ),
      );
  }
  return edges;
}

function find(model: Model): Edge[] {
  const edges: Edge[] = [];
  const hubs = new Set<string>();
  // Every target is decided by impersonate grants alone, so a subject's other grants are never read (a group bound
  // across a large cluster holds thousands).
  for (const [subject, grants] of bySubject(nonAdminGrants(model, (rule) => hasVerb(rule, 'impersonate'))))
    for (const [to, { deciding, cited }] of impersonationTargets(model, grants)) {
      if (to === subject) continue;
      if (to.startsWith('hub:')) hubs.add(to);
      for (const group of byBindingSubject(deciding))
        edges.push(grantEdge(model, 'impersonate', { from: subject, to, deciding: group, cited }));
    }
  return sortEdges([...edges, ...fanOut(model, hubs)]);
}

/** An identity that may impersonate acts as whoever it impersonates; with groups, as system:masters. */
export const impersonate: Technique = {
  meta: {
    id: 'impersonate',
    title: 'Impersonate users, groups or service accounts',
    summary:
      'Acts as other identities, and as cluster-admin when it can also impersonate the system:masters group.',
    prerequisites:
      'The identity holds impersonate on users, groups or serviceaccounts; users and groups only count through a ClusterRoleBinding.',
    exploitation:
      'The attacker adds Impersonate-User (and Impersonate-Group) headers to API requests, or passes --as and --as-group to kubectl. The API server checks only the impersonate permission and then authorizes the request as the impersonated identity, so naming a user in system:masters, or adding that group, bypasses RBAC altogether.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1078'],
    // The Threat Matrix for Kubernetes has no impersonation technique.
    msThreatMatrix: [],
    likelihood: 'trivial',
    remediations: ['remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
