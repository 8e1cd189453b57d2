/**
 * Probe findings as external entries: what the probe saw open is a door the attacker is already through.
 * Anonymous API access with grants puts the internet at the anonymous identities (whose RBAC edges the model
 * has); an open kubelet at every container co-located on that node (exec); open etcd or the insecure port at
 * cluster-admin itself (every Secret, no authorization). Other findings leak information and add no entry.
 */
import type { Entry } from '../graph/entries.js';
import type { Model } from '../model/model.js';
import type { NodeRef } from '../techniques/types.js';
import type { ProbeFinding, ProbeResults } from './types.js';

/** The identities every unauthenticated request carries. */
const ANONYMOUS: readonly NodeRef[] = ['Group/system:unauthenticated', 'User/system:anonymous'];

/** The model node a probed host is, by name (the host itself or a name in its certificate); undefined if none. */
function nodeOf(model: Model, names: readonly string[]) {
  return model.nodes.find((node) => names.some((name) => name.toLowerCase() === node.name.toLowerCase()));
}

/** Containers that may run on the probed kubelet's node: its pool when the node is known, else every one. */
function colocated(
  model: Model,
  finding: ProbeFinding,
  results: ProbeResults,
): { nodes: NodeRef[]; where: string } {
  const sans = results.results.find((r) => r.host === finding.host && r.port === finding.port)?.sans ?? [];
  const node = nodeOf(model, [finding.host, ...sans]);
  const nodes: NodeRef[] = [];
  for (const workload of model.workloads) {
    if (node !== undefined && !model.poolsOf(workload.ref).includes(node.pool)) continue;
    for (const container of workload.containers)
      if (container.role === 'container') nodes.push(`${workload.ref}#${container.name}`);
  }
  return { nodes, where: node === undefined ? 'an unknown node: any workload may be there' : node.ref };
}

/** The external entries the probe results add, each at `priorCost`. */
export function probedEntries(model: Model, results: ProbeResults, priorCost: number): Entry[] {
  const out: Entry[] = [];
  const add = (node: NodeRef, why: string) => out.push({ threatModel: 'external', node, priorCost, why });
  for (const finding of results.findings) {
    const at = `${finding.host}:${finding.port}`;
    switch (finding.id) {
      case 'apiserver-anonymous-access':
        for (const node of ANONYMOUS)
          add(
            node,
            `probe: the API server at ${at} lets anonymous requests read ${finding.evidence.length} list(s)`,
          );
        break;
      case 'apiserver-insecure-port':
        add('jewel:cluster-admin', `probe: ${at} serves the API with no authentication or authorization`);
        break;
      case 'etcd-no-client-auth':
        add('jewel:cluster-admin', `probe: etcd at ${at} answers key reads with no client certificate`);
        break;
      case 'kubelet-anonymous-exec': {
        const { nodes, where } = colocated(model, finding, results);
        for (const node of nodes)
          add(node, `probe: the kubelet at ${at} (${where}) lets anyone exec into ${node}`);
        break;
      }
      default:
        break;
    }
  }
  return out;
}
