/**
 * A kubelet is open when anonymous auth is on AND authorization is AlwaysAllow, or Webhook while RBAC grants
 * `nodes/proxy` to system:anonymous or system:unauthenticated. Anonymous auth alone is not exploitable. Exec,
 * run and attach also need `enableDebuggingHandlers` (default true). Then anyone who reaches port 10250 runs
 * commands in every pod of the node; a kubelet configuration in the input is taken to apply to every node.
 */

import type { KubeletSettings } from '../model/kubelet-settings.js';
import type { Model } from '../model/model.js';
import { ENDPOINTS } from './control-plane-helpers.js';
import { kubeletFix } from './kubelet-fixes.js';
import type { Edge, Technique } from './types.js';
import { containerNode, evidence, sortEdges } from './workload-helpers.js';

function openBecause(model: Model, kubelet: KubeletSettings): string | undefined {
  if (!kubelet.anonymous || !kubelet.debuggingHandlers) return undefined;
  if (kubelet.authorization === 'AlwaysAllow') return 'anonymous auth is on and authorization is AlwaysAllow';
  if (kubelet.authorization !== 'Webhook') return undefined;
  for (const identity of ['User/system:anonymous', 'Group/system:unauthenticated'])
    for (const verb of ['get', 'create']) {
      const grant = model.can(identity, {
        verb,
        apiGroup: '',
        resource: 'nodes',
        subresource: 'proxy',
        name: 'any',
      });
      if (grant !== undefined)
        return `anonymous auth is on and ${grant.binding} grants ${verb} nodes/proxy to ${identity}`;
    }
  return undefined;
}

/** The kubelet port → every container on the node, when anonymous requests are authorized. */
export const kubeletAnonymousExec: Technique = {
  meta: {
    id: 'kubelet-anonymous-exec',
    title: 'Anonymous exec through the kubelet API',
    summary: 'Anyone who reaches a kubelet runs commands in every pod on its node.',
    prerequisites:
      'Kubelet anonymous authentication on and AlwaysAllow authorization (or Webhook with nodes/proxy granted to ' +
      'system:anonymous or system:unauthenticated), debugging handlers on, and port 10250 reachable.',
    exploitation:
      'The attacker lists pods with GET https://node:10250/pods and runs commands with POST /run/<ns>/<pod>/<container>, ' +
      'reading service-account tokens and secrets from every container on the node.',
    threatModels: ['external', 'container'],
    mitre: ['T1609', 'T1133'],
    msThreatMatrix: ['MS-TA9030'],
    likelihood: 'likely',
    remediations: ['disable-kubelet-anonymous-auth'],
  },
  find(model) {
    const open = model.controlPlane.kubelets.flatMap((kubelet) => {
      const because = openBecause(model, kubelet);
      return because === undefined ? [] : [{ kubelet, because }];
    });
    if (open.length === 0) return [];
    const proof = open.map(({ kubelet, because }) =>
      evidence(model, kubelet.ref, `kubelet (${kubelet.source}): ${because}`),
    );
    const fixes = open.flatMap(({ kubelet }) =>
      kubeletFix(kubelet, 'disable-kubelet-anonymous-auth', {
        path: '/authentication/anonymous/enabled',
        value: false,
        flag: 'anonymous-auth',
      }),
    );
    const edges: Edge[] = [];
    for (const workload of model.workloads)
      for (const container of workload.containers)
        if (container.role === 'container')
          edges.push({
            technique: 'kubelet-anonymous-exec',
            from: ENDPOINTS.kubelet,
            to: containerNode(workload, container),
            evidence: proof,
            fixes,
          });
    return sortEdges(edges);
  },
};
