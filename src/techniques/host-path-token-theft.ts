/** A hostPath of the kubelet's pod directory hands over every token mounted on the node. */
import { colocatedIdentities, colocationEdges } from './colocation.js';
import { isWithin, normalizeHostPath } from './host-paths.js';
import type { LikelihoodClass } from './likelihood.js';
import type { Edge, Technique } from './types.js';
import { disableTokenAutomount, removeHostPath } from './workload-fixes.js';
import {
  containerNode,
  containerPointer,
  evidence,
  hostRootDifficulty,
  likelihoodField,
  mountedVolumes,
  podSpecPointer,
  sortEdges,
} from './workload-helpers.js';

/** Where the kubelet keeps every pod's volumes, projected service-account tokens included. */
const PODS_DIR = '/var/lib/kubelet/pods';

/** The hub of the tokens mounted on a pool's nodes. */
export function nodeTokensHub(pool: string): string {
  return `hub:node-tokens/${pool}`;
}

/**
 * Container → `hub:node-tokens/<pool>` when it mounts /var/lib/kubelet/pods or a parent, read-only included;
 * the hub → the ServiceAccount of every workload with a mounted token that may run in that pool.
 */
export const hostPathTokenTheft: Technique = {
  meta: {
    id: 'host-path-token-theft',
    title: "Other pods' tokens through a hostPath of /var/lib/kubelet/pods",
    summary:
      'Code in a container that mounts the kubelet pod directory reads the API tokens of every pod on the node.',
    prerequisites:
      'Code execution as root in a container that mounts /var/lib/kubelet/pods or a parent directory (read-only ' +
      'is enough), on a node where pods with mounted service-account tokens run.',
    exploitation:
      'The attacker lists /var/lib/kubelet/pods/*/volumes/kubernetes.io~projected/*/token (and secret volumes of ' +
      'legacy token Secrets) and uses each token against the API server as that ServiceAccount.',
    threatModels: ['container', 'external', 'credentials'],
    mitre: ['T1528', 'T1552.007'],
    msThreatMatrix: ['MS-TA9013', 'MS-TA9016'],
    likelihood: 'trivial',
    remediations: ['disable-token-automount', 'isolate-sensitive-workload', 'remove-host-path'],
  },
  find(model) {
    const covers = (path: string | undefined) =>
      path !== undefined && isWithin(PODS_DIR, normalizeHostPath(path));
    const edges: Edge[] = [];
    const pools = new Set<string>();
    for (const workload of model.workloads) {
      if (!workload.volumes.some((v) => v.type === 'hostPath' && covers(v.hostPath))) continue;
      const workloadPools = [...new Set(model.poolsOf(workload.ref))].sort();
      for (const container of workload.containers) {
        for (const { volume, writable, mount } of mountedVolumes(workload, container)) {
          if (volume.type !== 'hostPath' || !covers(volume.hostPath)) continue;
          // The pod directories are root-owned (0750): a container that cannot be host root cannot list them.
          const likelihood: LikelihoodClass = hostRootDifficulty(workload, container) ?? 'trivial';
          const proof = [
            evidence(
              model,
              workload.ref,
              `volume ${volume.name} mounts host path ${volume.hostPath}, which holds every pod's mounted tokens`,
              podSpecPointer(workload, 'volumes', volume.index, 'hostPath', 'path'),
            ),
            evidence(
              model,
              workload.ref,
              `container ${container.name} mounts volume ${volume.name} ${writable ? 'writable' : 'read-only'}`,
              containerPointer(workload, container, 'volumeMounts', mount),
            ),
          ];
          const fix = removeHostPath(workload, volume);
          for (const pool of workloadPools) {
            pools.add(pool);
            edges.push({
              technique: 'host-path-token-theft',
              from: containerNode(workload, container),
              to: nodeTokensHub(pool),
              ...likelihoodField('trivial', likelihood),
              evidence: proof,
              fixes: [fix],
            });
          }
        }
      }
    }
    if (pools.size === 0) return edges;
    const entries = colocatedIdentities(model, (workload) => workload.token.mounted).filter((entry) =>
      pools.has(entry.pool),
    );
    // A pod that does not mount its token leaves none in the pod directory.
    const fanOut = colocationEdges(model, entries, {
      technique: 'host-path-token-theft',
      from: nodeTokensHub,
      alsoCutBy: disableTokenAutomount,
    });
    return [...sortEdges(edges), ...fanOut];
  },
};
