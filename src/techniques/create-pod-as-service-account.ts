/**
 * create-pod-as-service-account: whoever creates a pod, or any controller that creates pods, names the pod's
 * `serviceAccountName` and so runs code holding any service-account token of the namespace. No `use` check
 * guards service accounts. `resourceNames` never match `create`, so a named rule gives nothing.
 */
import type { Model } from '../model/model.js';
import { grantEdge, structuralEdge } from './rbac-edges.js';
import { namespacesOf, reachedHubs } from './rbac-hubs.js';
import { byBindingSubject, hubOf, nonAdminGrants, POD_CREATE_REQUESTS, ruleAllowsAny } from './rbac-scan.js';
import { accountIndex } from './rbac-subjects.js';
import type { Edge, Technique } from './types.js';
import { evidence, sortEdges } from './workload-helpers.js';

/** `*` fans out to each namespace, and each reached namespace hub to each service account there. */
function fanOut(model: Model): Edge[] {
  const scopes = reachedHubs(model).createPods;
  const edges: Edge[] = [];
  for (const ns of namespacesOf(model, scopes)) {
    const hub = `hub:create-pods/${ns}`;
    if (scopes.has('*')) {
      const proof = evidence(model, `Namespace/${ns}`, `creating pods in every namespace includes ${ns}`);
      edges.push(structuralEdge('create-pod-as-service-account', 'hub:create-pods/*', hub, proof));
    }
    for (const sa of accountIndex(model).byNamespace.get(ns) ?? []) {
      const proof = evidence(model, sa.ref, `a pod created in ${ns} may run as ${sa.ref}`);
      edges.push(structuralEdge('create-pod-as-service-account', hub, sa.ref, proof));
    }
  }
  return edges;
}

function find(model: Model): Edge[] {
  const grants = nonAdminGrants(model, (rule) => ruleAllowsAny(rule, POD_CREATE_REQUESTS));
  const edges = byBindingSubject(grants).map((group) =>
    grantEdge(model, 'create-pod-as-service-account', {
      from: group[0]!.subject,
      to: hubOf('create-pods', group[0]!.scope),
      deciding: group,
    }),
  );
  return sortEdges([...edges, ...fanOut(model)]);
}

/** An identity that may create pods (or pod controllers) runs code as any service account of the namespace. */
export const createPodAsServiceAccount: Technique = {
  meta: {
    id: 'create-pod-as-service-account',
    title: 'Create a pod that runs as another service account',
    summary: 'Runs attacker code holding the token of any service account in the namespace.',
    prerequisites:
      'The identity may create pods, or a controller that creates them (Deployment, DaemonSet, StatefulSet, ReplicaSet, Job, CronJob, ReplicationController), in the namespace.',
    exploitation:
      'The attacker creates a pod, or a Deployment or Job whose template they write, that sets serviceAccountName to a more powerful service account of the same namespace. The token is mounted into the pod, where the attacker reads it and uses its rights.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1610', 'T1528'],
    msThreatMatrix: ['MS-TA9008', 'MS-TA9016'],
    likelihood: 'trivial',
    remediations: ['remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
