/** A writable hostPath of the host's /proc/sys lets the container set core_pattern: a crash runs its program as root. */
import { normalizeHostPath } from './host-paths.js';
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

/** Host paths that expose the kernel's usermode helpers (`core_pattern`, and `modprobe` beside it). */
const HELPER_PATHS: ReadonlySet<string> = new Set([
  '/proc',
  '/proc/sys',
  '/proc/sys/kernel',
  '/proc/sys/kernel/core_pattern',
]);

/**
 * Container → node root through a writable hostPath of /proc, /proc/sys or /proc/sys/kernel. A privileged
 * container can write its own /proc/sys too, but it is node root already (privileged-container), so only the
 * non-privileged case is counted; / itself is host-path-escape's.
 */
export const corePatternEscape: Technique = {
  meta: {
    id: 'core-pattern-escape',
    title: 'Usermode helper through a writable host /proc (core_pattern)',
    summary: "Code in a container that can write the host's /proc/sys becomes root on the node.",
    prerequisites:
      "Code execution as root in a non-privileged container that mounts the host's /proc, /proc/sys or " +
      '/proc/sys/kernel writable through a hostPath volume.',
    exploitation:
      "The attacker writes `|/path/to/payload` to the host's /proc/sys/kernel/core_pattern (the payload path as the " +
      "host sees the container's filesystem, from /proc/self/mountinfo), then crashes a process: the kernel runs " +
      'the payload as root in the host namespaces.',
    threatModels: ['container', 'external', 'credentials'],
    mitre: ['T1611'],
    msThreatMatrix: ['MS-TA9013'],
    likelihood: 'likely',
    remediations: ['remove-host-path'],
  },
  find(model) {
    const edges: Edge[] = [];
    for (const workload of model.workloads) {
      const helper = (path: string | undefined) =>
        path !== undefined && HELPER_PATHS.has(normalizeHostPath(path));
      if (!workload.volumes.some((v) => v.type === 'hostPath' && helper(v.hostPath))) continue;
      const jewels = nodeRootJewels(model, workload);
      if (jewels.length === 0) continue;
      for (const container of workload.containers) {
        if (container.securityContext.privileged) continue;
        for (const { volume, writable, mount } of mountedVolumes(workload, container)) {
          if (volume.type !== 'hostPath' || !writable || !helper(volume.hostPath)) continue;
          const likelihood: LikelihoodClass = harder(
            'likely',
            hostRootDifficulty(workload, container) ?? 'likely',
          );
          const proof = [
            evidence(
              model,
              workload.ref,
              `volume ${volume.name} mounts host path ${volume.hostPath}, which holds kernel.core_pattern`,
              podSpecPointer(workload, 'volumes', volume.index, 'hostPath', 'path'),
            ),
            evidence(
              model,
              workload.ref,
              `container ${container.name} mounts volume ${volume.name} writable`,
              containerPointer(workload, container, 'volumeMounts', mount),
            ),
          ];
          const fix = removeHostPath(workload, volume);
          edges.push(
            ...escapeEdges({
              technique: 'core-pattern-escape',
              workload,
              container,
              jewels,
              base: 'likely',
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
