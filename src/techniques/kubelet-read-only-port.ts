/**
 * The kubelet read-only port (10255, the legacy flag default; off by default in a KubeletConfiguration file)
 * serves /pods and /spec without authentication: pod specs, images, env names and node details for
 * reconnaissance. It gives no code execution, so it leads to an information node, never a jewel.
 */
import { ENDPOINTS } from './control-plane-helpers.js';
import { kubeletFix } from './kubelet-fixes.js';
import type { Edge, Technique } from './types.js';
import { evidence } from './workload-helpers.js';

/** The node the read-only port leads to: what every pod on the node runs. */
export const POD_LISTING = 'info:kubelet-pod-listing';

/** Kubelet read-only port open → an unauthenticated listing of the node's pods. */
export const kubeletReadOnlyPort: Technique = {
  meta: {
    id: 'kubelet-read-only-port',
    title: 'Kubelet read-only port',
    summary:
      'Anyone who reaches port 10255 lists the pods of the node, with their specs, without credentials.',
    prerequisites:
      'A kubelet with readOnlyPort (or --read-only-port) other than 0, reachable by the attacker.',
    exploitation:
      'The attacker fetches http://node:10255/pods and /spec to map workloads, images, service accounts and ' +
      'mounted secrets before choosing a target.',
    threatModels: ['external', 'container'],
    mitre: ['T1613'],
    msThreatMatrix: ['MS-TA9030'],
    likelihood: 'likely',
    remediations: ['disable-kubelet-read-only-port'],
  },
  find(model) {
    const open = model.controlPlane.kubelets.filter((kubelet) => kubelet.readOnlyPort > 0);
    if (open.length === 0) return [];
    const edge: Edge = {
      technique: 'kubelet-read-only-port',
      from: ENDPOINTS.kubeletReadOnly,
      to: POD_LISTING,
      evidence: open.map((k) =>
        evidence(model, k.ref, `kubelet (${k.source}) serves the read-only port ${k.readOnlyPort}`),
      ),
      fixes: open.flatMap((k) =>
        kubeletFix(k, 'disable-kubelet-read-only-port', {
          path: '/readOnlyPort',
          value: 0,
          flag: 'read-only-port',
        }),
      ),
    };
    return [edge];
  },
};
