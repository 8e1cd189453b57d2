/**
 * etcd holds every Secret and every RBAC object. Without `--client-cert-auth=true` (default false) any client
 * that reaches its client port reads and writes them: cluster-admin. Listening only on loopback
 * (`--listen-client-urls`) leaves the node itself and hostNetwork pods.
 */
import { componentsOf, ENDPOINTS, flag, flagFix, loopbackOnly } from './control-plane-helpers.js';
import type { Edge, Technique } from './types.js';
import { evidence, likelihoodField, sortEdges } from './workload-helpers.js';

/** etcd without client certificate auth → every Secret → cluster-admin. */
export const etcdNoClientAuth: Technique = {
  meta: {
    id: 'etcd-no-client-auth',
    title: 'etcd without client certificate authentication',
    summary: 'Anyone who reaches etcd reads every Secret and can rewrite RBAC: cluster-admin.',
    prerequisites: 'etcd started without --client-cert-auth=true, its client port reachable by the attacker.',
    exploitation:
      'The attacker lists keys under /registry/secrets with etcdctl, takes a cluster-admin token or certificate ' +
      'from them, or writes a ClusterRoleBinding straight into /registry.',
    threatModels: ['external'],
    mitre: ['T1552.007', 'T1133'],
    msThreatMatrix: ['MS-TA9005'],
    likelihood: 'likely',
    remediations: ['require-etcd-client-cert-auth'],
  },
  find(model) {
    const edges: Edge[] = [];
    for (const etcd of componentsOf(model, 'etcd')) {
      const value = flag(etcd, 'client-cert-auth') ?? 'false';
      if (value === 'true') continue;
      const urls = flag(etcd, 'listen-client-urls') ?? 'http://localhost:2379';
      edges.push({
        technique: 'etcd-no-client-auth',
        from: ENDPOINTS.etcd,
        to: 'jewel:cluster-admin',
        ...likelihoodField('likely', loopbackOnly(urls) ? 'unlikely' : 'likely'),
        evidence: [evidence(model, etcd.ref, `etcd serves ${urls} with client-cert-auth ${value}`)],
        fixes:
          etcd.source === 'static-pod'
            ? flagFix('require-etcd-client-cert-auth', etcd.ref, {
                flags: etcd.flags,
                name: 'client-cert-auth',
                value: 'true',
              })
            : [],
      });
    }
    return sortEdges(edges);
  },
};
