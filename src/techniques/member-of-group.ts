/**
 * member-of-group: an identity holds every grant of its groups. Every service-account token carries
 * `system:serviceaccounts`, `system:serviceaccounts:<ns>` and `system:authenticated`, so a binding to
 * `system:authenticated` reaches every container with a token. Only groups that some binding names matter.
 */
import type { Model } from '../model/model.js';
import type { Ref } from '../model/types.js';
import { accountIndex, bindingSubjects } from './rbac-subjects.js';
import { type Edge, NO_FIXES, type Technique } from './types.js';
import { evidence, sortEdges } from './workload-helpers.js';

function find(model: Model): Edge[] {
  const { users, groups } = bindingSubjects(model);
  const namingBinding = new Map<string, Ref>(
    groups.map(([ref, binding]) => [ref.slice('Group/'.length), binding]),
  );
  if (namingBinding.size === 0) return [];
  const identities: [Ref, Ref][] = [
    ...[...accountIndex(model).byNamespace.values()].flat().map((sa): [Ref, Ref] => [sa.ref, sa.ref]),
    ...users,
  ];
  const edges: Edge[] = [];
  for (const [identity, source] of identities)
    for (const group of new Set(model.groupsOf(identity))) {
      const binding = namingBinding.get(group);
      if (binding === undefined) continue;
      edges.push({
        technique: 'member-of-group',
        from: identity,
        to: `Group/${group}`,
        structural: true,
        evidence: [
          evidence(model, source, `${identity} is in group ${group}`),
          evidence(model, binding, `${binding} grants rights to group ${group}`),
        ],
        fixes: NO_FIXES,
      });
    }
  return sortEdges(edges);
}

/** An identity acts with the rights of every group it belongs to. */
export const memberOfGroup: Technique = {
  meta: {
    id: 'member-of-group',
    title: 'Member of a group',
    summary: 'Holds every right bound to a group the identity belongs to.',
    prerequisites:
      'A binding names a group the identity is in; service accounts are always in system:serviceaccounts, system:serviceaccounts:<namespace> and system:authenticated.',
    exploitation:
      'Nothing to exploit: the API server adds the groups to every request made with the identity’s credential, so rights bound to the group apply to the identity as if bound to it directly.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1078'],
    msThreatMatrix: ['MS-TA9016'],
    likelihood: 'certain',
    remediations: [],
  },
  find,
};
