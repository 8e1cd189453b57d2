/** Root on a control-plane node is cluster-admin: the cluster CA key and admin kubeconfigs live there. */
import { type Edge, type Evidence, NO_FIXES, type Technique } from './types.js';
import { compareText, evidence } from './workload-helpers.js';

/** Node root in a pool with a control-plane node → cluster-admin. */
export const controlPlaneNodeTakeover: Technique = {
  meta: {
    id: 'control-plane-node-takeover',
    title: 'Control-plane node takeover',
    summary: 'Root on a control-plane node gives cluster-admin.',
    prerequisites: 'Root on a node that runs the control plane (kube-apiserver, etcd, controller-manager).',
    exploitation:
      'The attacker reads /etc/kubernetes/pki/ca.key and signs a client certificate for a cluster-admin group, ' +
      'or uses the admin kubeconfigs in /etc/kubernetes (super-admin.conf is in system:masters), or reads etcd ' +
      'directly with its client certificate.',
    threatModels: ['container', 'external', 'credentials'],
    mitre: ['T1078', 'T1552.004'],
    msThreatMatrix: ['MS-TA9003'],
    likelihood: 'certain',
    // The fix belongs on the escape edge that reached the node, not here.
    remediations: [],
  },
  find(model) {
    const byPool = new Map<string, Evidence[]>();
    for (const node of model.nodes) {
      if (!node.controlPlane) continue;
      const items = byPool.get(node.pool) ?? [];
      items.push(evidence(model, node.ref, `node ${node.name} is a control-plane node (pool ${node.pool})`));
      byPool.set(node.pool, items);
    }
    const edges: Edge[] = [...byPool].map(([pool, proof]) => ({
      technique: 'control-plane-node-takeover',
      from: `jewel:node-root/${pool}`,
      to: 'jewel:cluster-admin',
      evidence: proof,
      fixes: NO_FIXES,
    }));
    return edges.sort((a, b) => compareText(a.from, b.from));
  },
};
