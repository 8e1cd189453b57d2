/** A claim bound to a hostPath (or local) PersistentVolume is a hostPath that Pod Security Admission never sees. */
import { isRuntimeSocketPath, sensitiveHostPath } from './host-paths.js';
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

/** What the node path gives, judged as host-path-escape and runtime-socket-mount judge a hostPath volume. */
function outcomeOf(
  path: string,
  writable: boolean,
): { readonly base: LikelihoodClass; readonly why: string } | undefined {
  if (isRuntimeSocketPath(path)) return { base: 'trivial', why: 'the container runtime socket' };
  const entry = sensitiveHostPath(path);
  if (entry === undefined || (!writable && !entry.readOnlyRoot)) return undefined;
  return { base: writable ? 'trivial' : 'likely', why: entry.why };
}

/** Container → node root through a mounted claim whose PersistentVolume is a sensitive node directory. */
export const hostPathPersistentVolume: Technique = {
  meta: {
    id: 'host-path-persistent-volume',
    title: 'hostPath PersistentVolume mounted through a claim',
    summary:
      'Code in a container that mounts a claim bound to a hostPath PersistentVolume of a sensitive node directory ' +
      'becomes root on the node, even where Pod Security blocks hostPath volumes.',
    prerequisites:
      'Code execution as root in a container that mounts a PersistentVolumeClaim bound to a hostPath or local ' +
      'PersistentVolume of /, a sensitive host directory or the container runtime socket.',
    exploitation:
      'Pod Security Admission checks only the pod spec, where the volume is a plain persistentVolumeClaim. The ' +
      'attacker uses the mounted node directory exactly as a hostPath: plants a cron job or static pod, reads the ' +
      'kubelet credentials, or talks to the runtime socket.',
    threatModels: ['container', 'external', 'credentials'],
    mitre: ['T1611'],
    msThreatMatrix: ['MS-TA9013'],
    likelihood: 'trivial',
    remediations: ['remove-host-path'],
  },
  find(model) {
    const edges: Edge[] = [];
    for (const workload of model.workloads) {
      if (!workload.volumes.some((v) => v.claimName !== undefined)) continue;
      const jewels = nodeRootJewels(model, workload);
      if (jewels.length === 0) continue;
      for (const container of workload.containers) {
        for (const { volume, writable, mount } of mountedVolumes(workload, container)) {
          if (volume.claimName === undefined) continue;
          const bound = model.claimHostPath(workload.namespace, volume.claimName);
          const outcome = bound === undefined ? undefined : outcomeOf(bound.path, writable);
          if (bound === undefined || outcome === undefined) continue;
          const likelihood = harder(outcome.base, hostRootDifficulty(workload, container) ?? outcome.base);
          const proof = [
            evidence(
              model,
              workload.ref,
              `volume ${volume.name} mounts claim ${volume.claimName}`,
              podSpecPointer(workload, 'volumes', volume.index, 'persistentVolumeClaim', 'claimName'),
            ),
            evidence(
              model,
              bound.volume,
              `${bound.volume} is a ${bound.source} volume of node path ${bound.path} (${outcome.why}), bound to ${bound.claim}`,
              `/spec/${bound.source}/path`,
            ),
            evidence(
              model,
              workload.ref,
              `container ${container.name} mounts volume ${volume.name} ${writable ? 'writable' : 'read-only'}`,
              containerPointer(workload, container, 'volumeMounts', mount),
            ),
          ];
          const fix = removeHostPath(workload, volume);
          edges.push(
            ...escapeEdges({
              technique: 'host-path-persistent-volume',
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
