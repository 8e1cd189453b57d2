/**
 * patch-namespace-psa: Pod Security Admission reads the namespace's `enforce` label, so whoever may patch the
 * Namespace relabels it `privileged`, and with pod creation there then runs a privileged pod on any node.
 * Namespaces are cluster-scoped, but the API server takes a Namespace's own name as the request namespace, so a
 * RoleBinding in namespace X that allows patching namespaces patches X (and only X).
 * Namespaces already admitting privileged pods are create-privileged-pod's; this covers baseline and restricted.
 */
import type { Model } from '../model/model.js';
import { grantEdge } from './rbac-edges.js';
import { createsPodsIn, mayPatchNamespaces, patchesNamespace } from './rbac-namespace-patch.js';
import { adminLevel, byBindingSubject, bySubject, grantsOfSubjects } from './rbac-scan.js';
import type { Edge, Technique } from './types.js';
import { compareText, evidence, sortEdges } from './workload-helpers.js';

function find(model: Model): Edge[] {
  const guarded = model.namespaces.filter(
    (ns) => ns.declared && (ns.psaEnforce === 'baseline' || ns.psaEnforce === 'restricted'),
  );
  if (guarded.length === 0) return [];
  const patchers = model
    .grantsWhere((rule) => mayPatchNamespaces(rule))
    .filter((grant) => adminLevel(grant) !== 'cluster');
  const subjects = new Set(patchers.map((grant) => grant.subject));
  const creators = bySubject(grantsOfSubjects(model, subjects));
  const pools = [...new Set(model.nodes.map((node) => node.pool))].sort(compareText);
  const edges: Edge[] = [];
  for (const group of byBindingSubject(patchers)) {
    const subject = group[0]!.subject;
    const grants = (creators.get(subject) ?? []).filter((grant) => adminLevel(grant) !== 'cluster');
    // A namespaced grant patches only its own namespace; a cluster-wide one any, by name.
    const candidates = group.some((grant) => grant.scope === '*')
      ? guarded
      : guarded.filter((ns) => group.some((grant) => grant.scope === ns.name));
    const ns = candidates.find(
      (candidate) =>
        group.some((grant) => patchesNamespace(grant, candidate.name)) &&
        grants.some((grant) => createsPodsIn(grant, candidate.name)),
    );
    if (ns === undefined) continue;
    const creator = grants.find((grant) => createsPodsIn(grant, ns.name))!;
    const says = `${ns.ref} enforces ${ns.psaEnforce}, which a label patch turns to privileged`;
    for (const pool of pools)
      edges.push(
        grantEdge(model, 'patch-namespace-psa', {
          from: subject,
          to: `jewel:node-root/${pool}`,
          deciding: group.filter((grant) => patchesNamespace(grant, ns.name)),
          cited: [creator],
          evidence: [evidence(model, ns.ref, says, '/metadata/labels')],
        }),
      );
  }
  return sortEdges(edges);
}

/** An identity that may relabel a namespace and create pods in it lifts Pod Security and runs a privileged pod. */
export const patchNamespacePsa: Technique = {
  meta: {
    id: 'patch-namespace-psa',
    title: 'Relabel a namespace to switch off Pod Security',
    summary:
      'Turns a namespace’s Pod Security level to privileged, then runs a privileged pod there on any node.',
    prerequisites:
      'The identity may patch or update the Namespace (cluster-wide, or through a RoleBinding in that namespace) and may create pods or pod controllers in it.',
    exploitation:
      'The attacker runs kubectl label namespace <ns> pod-security.kubernetes.io/enforce=privileged --overwrite, then creates a privileged pod with hostPID and a hostPath of / pinned to the node they want.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1562.001', 'T1611'],
    msThreatMatrix: ['MS-TA9018'],
    likelihood: 'trivial',
    remediations: ['remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
