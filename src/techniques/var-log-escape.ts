/** A writable hostPath of /var/log plus log-read rights: the kubelet follows a planted symlink to any node file. */

import type { Model } from '../model/model.js';
import type { AccessRequest, Workload } from '../model/types.js';
import { isWithin, normalizeHostPath } from './host-paths.js';
import type { LikelihoodClass } from './likelihood.js';
import type { Edge, Evidence, Technique } from './types.js';
import { removeHostPath } from './workload-fixes.js';
import {
  containerNode,
  containerPointer,
  evidence,
  harder,
  hostRootDifficulty,
  likelihoodField,
  mountedVolumes,
  podSpecPointer,
  sortEdges,
} from './workload-helpers.js';

/** The node-file-read jewel of a pool. */
export function nodeFileReadJewel(pool: string): string {
  return `jewel:node-file-read/${pool}`;
}

/** Host paths the kubelet serves logs from: /var/log itself (nodes/log) and the pod logs below it (pods/log). */
const covers = (path: string | undefined) => {
  if (path === undefined) return false;
  const normal = normalizeHostPath(path);
  return normal === '/var/log' || isWithin(normal, '/var/log/pods');
};

/** The grant that lets the pod's ServiceAccount have the kubelet read a log: `get pods/log` or `get nodes/log`. */
function logReadGrant(model: Model, workload: Workload): Evidence | undefined {
  const sa = `ServiceAccount/${workload.namespace}/${workload.serviceAccountName}`;
  const requests: readonly AccessRequest[] = [
    { verb: 'get', apiGroup: '', resource: 'pods', subresource: 'log', namespace: workload.namespace },
    { verb: 'get', apiGroup: '', resource: 'nodes', subresource: 'log' },
  ];
  for (const request of requests) {
    const grant = model.can(sa, request);
    if (grant !== undefined)
      return evidence(model, grant.binding, `${sa} may get ${request.resource}/log through ${grant.role}`);
  }
  return undefined;
}

/** Container → `jewel:node-file-read/<pool>`: writable /var/log (or /var/log/pods) and its own token can read logs. */
export const varLogEscape: Technique = {
  meta: {
    id: 'var-log-escape',
    title: 'Node file read through a /var/log symlink',
    summary:
      "Code in a container that can write the node's /var/log and read pod logs reads any file on the node.",
    prerequisites:
      'Code execution as root in a container that mounts /var/log or /var/log/pods writable, with a mounted token ' +
      'of a ServiceAccount allowed to get pods/log (or nodes/log).',
    exploitation:
      "The attacker replaces its own pod's log file under /var/log/pods with a symlink to a node file (say " +
      "/etc/shadow or the kubelet's key) and asks for its logs through the API; the kubelet follows the symlink.",
    threatModels: ['container', 'external', 'credentials'],
    mitre: ['T1611', 'T1005'],
    msThreatMatrix: ['MS-TA9013'],
    likelihood: 'likely',
    remediations: ['remove-host-path'],
  },
  find(model) {
    const edges: Edge[] = [];
    for (const workload of model.workloads) {
      if (
        !workload.token.mounted ||
        !workload.volumes.some((v) => v.type === 'hostPath' && covers(v.hostPath))
      )
        continue;
      const grant = logReadGrant(model, workload);
      const pools = [...new Set(model.poolsOf(workload.ref))].sort();
      if (grant === undefined || pools.length === 0) continue;
      for (const container of workload.containers) {
        if (container.role === 'ephemeral') continue;
        for (const { volume, writable, mount } of mountedVolumes(workload, container)) {
          if (volume.type !== 'hostPath' || !writable || !covers(volume.hostPath)) continue;
          // Log directories are root-owned: planting the symlink needs host root.
          const likelihood = harder('likely', hostRootDifficulty(workload, container) ?? 'likely');
          const proof = [
            evidence(
              model,
              workload.ref,
              `volume ${volume.name} mounts host path ${volume.hostPath}, where the kubelet reads pod logs`,
              podSpecPointer(workload, 'volumes', volume.index, 'hostPath', 'path'),
            ),
            evidence(
              model,
              workload.ref,
              `container ${container.name} mounts volume ${volume.name} writable`,
              containerPointer(workload, container, 'volumeMounts', mount),
            ),
            grant,
          ];
          const fix = removeHostPath(workload, volume);
          for (const pool of pools)
            edges.push({
              technique: 'var-log-escape',
              from: containerNode(workload, container),
              to: nodeFileReadJewel(pool),
              ...likelihoodField('likely', likelihood as LikelihoodClass),
              evidence: proof,
              fixes: [fix],
            });
        }
      }
    }
    return sortEdges(edges);
  },
};
