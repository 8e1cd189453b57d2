/** A hostPath mount of `/` or a sensitive host directory turns container root into node root. */

import { sensitiveHostPath } from './host-paths.js';
import type { LikelihoodClass } from './likelihood.js';
import type { Edge, Technique } from './types.js';
import { removeHostPath } from './workload-fixes.js';
import {
  containerPointer,
  escapeEdges,
  evidence,
  harder,
  hostRootDifficulty,
  mountedVolumes,
  nodeRootJewels,
  podSpecPointer,
  sortEdges,
} from './workload-helpers.js';

/** Container → node root through a sensitive hostPath volume it mounts. */
export const hostPathEscape: Technique = {
  meta: {
    id: 'host-path-escape',
    title: 'Sensitive hostPath mount',
    summary:
      "Code in a container that mounts the node's root or a sensitive host directory becomes root on the node.",
    prerequisites:
      'Code execution as root in a container that mounts / or a sensitive host directory; writable, or read-only ' +
      'where the directory holds node credentials.',
    exploitation:
      'With a writable mount the attacker plants a cron job, an SSH key, a static pod manifest or a binary that ' +
      'host root runs. With a read-only mount of /, /etc, /root or the kubelet directories the attacker reads the ' +
      "kubelet's client credentials and the tokens of every pod on the node.",
    threatModels: ['container', 'external', 'credentials'],
    mitre: ['T1611'],
    msThreatMatrix: ['MS-TA9013'],
    likelihood: 'trivial',
    remediations: ['remove-host-path'],
  },
  find(model) {
    const edges: Edge[] = [];
    for (const workload of model.workloads) {
      if (!workload.volumes.some((v) => v.hostPath !== undefined && sensitiveHostPath(v.hostPath))) continue;
      const jewels = nodeRootJewels(model, workload);
      if (jewels.length === 0) continue;
      for (const container of workload.containers) {
        for (const { volume, writable, mount } of mountedVolumes(workload, container)) {
          if (volume.type !== 'hostPath' || volume.hostPath === undefined) continue;
          const entry = sensitiveHostPath(volume.hostPath);
          if (entry === undefined || (!writable && !entry.readOnlyRoot)) continue;
          const base: LikelihoodClass = writable ? 'trivial' : 'likely';
          const likelihood = harder(base, hostRootDifficulty(workload, container) ?? base);
          const mode = writable ? 'writable' : 'read-only';
          const proof = [
            evidence(
              model,
              workload.ref,
              `volume ${volume.name} mounts host path ${volume.hostPath} (${entry.why})`,
              podSpecPointer(workload, 'volumes', volume.index, 'hostPath', 'path'),
            ),
            evidence(
              model,
              workload.ref,
              `container ${container.name} mounts volume ${volume.name} ${mode}`,
              containerPointer(workload, container, 'volumeMounts', mount),
            ),
          ];
          const fix = removeHostPath(workload, volume);
          edges.push(
            ...escapeEdges({
              technique: 'host-path-escape',
              workload,
              container,
              jewels,
              base: 'trivial',
              likelihood,
              evidence: proof,
              fixes: [fix],
            }),
          );
        }
      }
    }
    return sortEdges(edges);
  },
};
