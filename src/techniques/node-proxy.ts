/**
 * node-proxy: `nodes/proxy` reaches the kubelet API of every node through the API server, and the kubelet
 * authorizes exec, attach and run as `nodes/proxy` too (GET over WebSocket as `get`, POST as `create`), so it
 * means exec into every pod of every node. Nodes are cluster-scoped: only cluster-wide grants count.
 */
import type { Model } from '../model/model.js';
import { capabilityGrants } from './rbac-capability.js';
import { grantEdge } from './rbac-edges.js';
import { byBindingSubject } from './rbac-scan.js';
import { NODE_PROXY_REQUESTS } from './rbac-stream.js';
import type { Edge, Technique } from './types.js';
import { sortEdges } from './workload-helpers.js';

function find(model: Model): Edge[] {
  const grants = capabilityGrants(model, NODE_PROXY_REQUESTS, true);
  return sortEdges(
    byBindingSubject(grants).map((group) =>
      grantEdge(model, 'node-proxy', { from: group[0]!.subject, to: 'hub:exec/*', deciding: group }),
    ),
  );
}

/** An identity with nodes/proxy execs into every pod on every node through the kubelet API. */
export const nodeProxy: Technique = {
  meta: {
    id: 'node-proxy',
    title: 'Use the kubelet API through nodes/proxy',
    summary: 'Runs commands in every container of every node through the kubelet API.',
    prerequisites: 'The identity holds get (or create) on nodes/proxy through a ClusterRoleBinding.',
    exploitation:
      'The attacker calls the kubelet API through the API server proxy, or directly on port 10250 with their token, and opens /exec/<namespace>/<pod>/<container> over a WebSocket. The kubelet checks only nodes/proxy, never pods/exec, and these requests bypass the API server’s audit of exec.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1609'],
    msThreatMatrix: ['MS-TA9006', 'MS-TA9030'],
    likelihood: 'likely',
    remediations: ['remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
