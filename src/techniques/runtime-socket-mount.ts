/** A mounted container runtime socket lets the container start a privileged container on its node. */

import { isRuntimeSocketPath } from './host-paths.js';
import type { LikelihoodClass } from './likelihood.js';
import type { Edge, Technique } from './types.js';
import { removeHostPath } from './workload-fixes.js';
import {
  containerPointer,
  escapeEdges,
  evidence,
  hostRootDifficulty,
  mountedVolumes,
  nodeRootJewels,
  podSpecPointer,
  sortEdges,
} from './workload-helpers.js';

/** Container → node root through a hostPath mount of the Docker, containerd or CRI-O socket (or its directory). */
export const runtimeSocketMount: Technique = {
  meta: {
    id: 'runtime-socket-mount',
    title: 'Container runtime socket mount',
    summary: "Code in a container that mounts the node's container runtime socket becomes root on the node.",
    prerequisites:
      'Code execution in a container that mounts the Docker, containerd or CRI-O socket, or a directory holding it. ' +
      'Read-only does not help: a read-only bind mount does not stop connect().',
    exploitation:
      'The attacker talks to the runtime API through the socket and starts a new privileged container that mounts ' +
      "the host's root filesystem, outside Kubernetes and its admission control, then chroots into it.",
    threatModels: ['container', 'external', 'credentials'],
    mitre: ['T1611', 'T1610'],
    msThreatMatrix: ['MS-TA9013', 'MS-TA9008'],
    likelihood: 'trivial',
    remediations: ['remove-host-path'],
  },
  find(model) {
    const edges: Edge[] = [];
    for (const workload of model.workloads) {
      if (!workload.volumes.some((v) => v.hostPath !== undefined && isRuntimeSocketPath(v.hostPath)))
        continue;
      const jewels = nodeRootJewels(model, workload);
      if (jewels.length === 0) continue;
      for (const container of workload.containers) {
        for (const { volume, writable, mount } of mountedVolumes(workload, container)) {
          if (volume.type !== 'hostPath' || volume.hostPath === undefined) continue;
          if (!isRuntimeSocketPath(volume.hostPath)) continue;
          // The socket is root-owned: a container that cannot be host root is refused by connect().
          const likelihood: LikelihoodClass = hostRootDifficulty(workload, container) ?? 'trivial';
          const proof = [
            evidence(
              model,
              workload.ref,
              `volume ${volume.name} mounts the container runtime socket path ${volume.hostPath}`,
              podSpecPointer(workload, 'volumes', volume.index, 'hostPath', 'path'),
            ),
            evidence(
              model,
              workload.ref,
              `container ${container.name} mounts volume ${volume.name} ${writable ? 'writable' : 'read-only, which does not stop connect()'}`,
              containerPointer(workload, container, 'volumeMounts', mount),
            ),
          ];
          const fix = removeHostPath(workload, volume);
          edges.push(
            ...escapeEdges({
              technique: 'runtime-socket-mount',
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
