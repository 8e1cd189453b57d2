/**
 * The API server's insecure port serves every request unauthenticated and unauthorized: cluster-admin from
 * whoever can reach it. Before 1.20 it could be set; from 1.20 it had to be 0, and the flag is gone since 1.24,
 * so on newer servers nothing is found (whatever answers on 8080 there is something else). Bound to loopback
 * (`--insecure-bind-address`, default 127.0.0.1) only the node itself and hostNetwork pods reach it.
 */
import { versionBefore } from '../model/control-plane.js';
import { componentsOf, ENDPOINTS, flag, flagFix, loopbackOnly } from './control-plane-helpers.js';
import type { Edge, Technique } from './types.js';
import { evidence, likelihoodField, sortEdges } from './workload-helpers.js';

/** `--insecure-port` other than 0 before 1.24 → cluster-admin from the network. */
export const apiserverInsecurePort: Technique = {
  meta: {
    id: 'apiserver-insecure-port',
    title: 'API server insecure port',
    summary: 'The API server serves an HTTP port without authentication or authorization: cluster-admin.',
    prerequisites:
      'kube-apiserver before 1.24 with --insecure-port set to a port other than 0, reachable by the attacker.',
    exploitation:
      'The attacker sends plain HTTP requests to the port (curl http://host:8080/api/v1/secrets); every request ' +
      'runs with full rights.',
    threatModels: ['external'],
    mitre: ['T1133', 'T1190'],
    msThreatMatrix: ['MS-TA9005', 'MS-TA9029'],
    likelihood: 'likely',
    remediations: ['disable-insecure-port'],
  },
  find(model) {
    const edges: Edge[] = [];
    for (const server of componentsOf(model, 'kube-apiserver')) {
      const port = flag(server, 'insecure-port');
      const version = server.version ?? model.assumptions.kubeVersion;
      if (port === undefined || port === '0' || !versionBefore(version, 24)) continue;
      const bind = flag(server, 'insecure-bind-address') ?? '127.0.0.1';
      const local = loopbackOnly(bind);
      const says = `kube-apiserver ${version} serves --insecure-port=${port} on ${bind}`;
      edges.push({
        technique: 'apiserver-insecure-port',
        from: ENDPOINTS.insecureApiserver,
        to: 'jewel:cluster-admin',
        ...likelihoodField('likely', local ? 'unlikely' : 'likely'),
        evidence: [
          evidence(model, server.ref, says, server.flags.flags.get('insecure-port')?.path || undefined),
        ],
        fixes:
          server.source === 'static-pod'
            ? flagFix('disable-insecure-port', server.ref, {
                flags: server.flags,
                name: 'insecure-port',
                value: '0',
              })
            : [],
      });
    }
    return sortEdges(edges);
  },
};
