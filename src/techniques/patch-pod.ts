/**
 * patch-pod: a running pod's container images are mutable, so `patch` or `update` on pods swaps in the
 * attacker's image, which then runs with the pod's own token: `hub:patch-pods/<ns>` leads to the service
 * accounts whose tokens pods of the namespace mount. Writing a pod controller (Deployment, DaemonSet,
 * StatefulSet, ReplicaSet, CronJob, ReplicationController) rewrites its whole pod template, which is pod
 * creation: `hub:create-pods/<ns>`. Job templates are immutable. Pod Security Admission still checks updates.
 */
import type { Model } from '../model/model.js';
import type { Workload } from '../model/types.js';
import {
  capabilityGrants,
  fanOutHubs,
  type HubTarget,
  hubEdges,
  scopesOf,
  workloadsIn,
} from './rbac-capability.js';
import { CONTROLLER_WRITE_REQUESTS, requestsFor } from './rbac-scan.js';
import type { Edge, Fix, Technique } from './types.js';
import { disableTokenAutomount } from './workload-fixes.js';
import { evidence, podSpecPointer, sortEdges } from './workload-helpers.js';

const POD_WRITE_REQUESTS = requestsFor(['patch', 'update'], '', ['pods']);

/** Twin targets per account up to this many mounting workloads; past it, no fix the planner combines cuts it. */
const MAX_TWINS = 2;

/**
 * The service accounts whose tokens the namespace's pods mount. An account mounted by at most MAX_TWINS workloads
 * gets one target per workload, each cut by not mounting that workload's token; else one target, cut by none.
 */
function tokenTargets(model: Model, ns: string): HubTarget[] {
  const byAccount = new Map<string, Workload[]>();
  for (const workload of workloadsIn(model, ns)) {
    if (!workload.token.mounted) continue;
    const to = `ServiceAccount/${ns}/${workload.serviceAccountName}`;
    byAccount.set(to, [...(byAccount.get(to) ?? []), workload]);
  }
  return [...byAccount].flatMap(([to, workloads]) => {
    const target = (workload: Workload, fixes: readonly Fix[]): HubTarget => {
      const says = `${workload.ref} runs as ${to} with its token mounted; a new image there holds it`;
      return { to, proof: evidence(model, workload.ref, says, podSpecPointer(workload)), fixes };
    };
    return workloads.length > MAX_TWINS
      ? [target(workloads[0]!, [])]
      : workloads.map((workload) => target(workload, [disableTokenAutomount(workload)]));
  });
}

function find(model: Model): Edge[] {
  const pods = capabilityGrants(model, POD_WRITE_REQUESTS);
  const controllers = capabilityGrants(model, CONTROLLER_WRITE_REQUESTS);
  return sortEdges([
    ...hubEdges(model, 'patch-pod', 'patch-pods', pods),
    ...hubEdges(model, 'patch-pod', 'create-pods', controllers),
    ...fanOutHubs(model, 'patch-pod', 'patch-pods', scopesOf(pods), (ns) => tokenTargets(model, ns)),
  ]);
}

/** An identity that may patch pods runs its image as their service accounts; patching controllers is pod creation. */
export const patchPod: Technique = {
  meta: {
    id: 'patch-pod',
    title: 'Patch running pods or pod controllers',
    summary:
      'Runs an attacker image with the token of a pod it patches, or any pod spec through a controller’s template.',
    prerequisites:
      'The identity holds patch or update on pods, or on a pod controller (Deployment, DaemonSet, StatefulSet, ReplicaSet, CronJob, ReplicationController), in the namespace.',
    exploitation:
      'The attacker patches spec.containers[].image of a running pod; the kubelet restarts the container with the new image, which reads the mounted token. With a controller, they rewrite the pod template (service account, privileges, node placement) and the controller rolls it out.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1525', 'T1528'],
    msThreatMatrix: ['MS-TA9012', 'MS-TA9016'],
    likelihood: 'likely',
    remediations: ['disable-token-automount', 'remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
