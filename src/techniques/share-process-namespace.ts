/** With one PID namespace per pod, a container reaches its siblings' files and tokens through /proc/<pid>/root. */
import type { Container } from '../model/types.js';
import { disableShareProcessNamespace } from './pod-spec-fixes.js';
import type { Edge, Technique } from './types.js';
import { containerNode, evidence, podSpecPointer, sortEdges } from './workload-helpers.js';

/** What a container holds that a sibling could take: its mounted volumes (tokens, secrets), privilege and capabilities. */
function holdings(container: Container): Set<string> {
  const held = new Set(container.volumeMounts.map((mount) => `volume ${mount.volume}`));
  if (container.securityContext.privileged) held.add('privileged: true');
  for (const cap of container.securityContext.capabilitiesAdd) held.add(`capability ${cap}`);
  return held;
}

/**
 * Container → sibling container of a `shareProcessNamespace: true` pod, when the sibling holds something the
 * first does not. Init containers have finished before the others start, so only regular and ephemeral ones count.
 */
export const shareProcessNamespace: Technique = {
  meta: {
    id: 'share-process-namespace',
    title: 'Sibling containers through a shared process namespace',
    summary:
      "Code in one container of a pod that shares its process namespace takes over its siblings' files and tokens.",
    prerequisites:
      'Code execution in a container of a pod that sets shareProcessNamespace: true, running as the same UID as ' +
      'the sibling (or root), with a sibling that mounts a token, a Secret or holds more privilege.',
    exploitation:
      "The attacker finds the sibling's processes with ps and reads its filesystem through /proc/<pid>/root, " +
      'including /proc/<pid>/root/var/run/secrets/kubernetes.io/serviceaccount/token, or signals and traces them.',
    threatModels: ['container', 'external'],
    mitre: ['T1552.001', 'T1528'],
    msThreatMatrix: ['MS-TA9016'],
    likelihood: 'trivial',
    remediations: ['disable-share-process-namespace'],
  },
  find(model) {
    const edges: Edge[] = [];
    for (const workload of model.workloads) {
      if (!workload.shareProcessNamespace) continue;
      const running = workload.containers.filter((c) => c.role !== 'init');
      if (running.length < 2) continue;
      const shared = evidence(
        model,
        workload.ref,
        "the pod's containers share one process namespace (shareProcessNamespace: true)",
        podSpecPointer(workload, 'shareProcessNamespace'),
      );
      const fix = disableShareProcessNamespace(workload);
      for (const attacker of running) {
        const mine = holdings(attacker);
        const uid = attacker.securityContext.runAsUser;
        for (const sibling of running) {
          if (sibling === attacker) continue;
          const extra = [...holdings(sibling)].filter((item) => !mine.has(item)).sort();
          if (extra.length === 0) continue;
          // /proc/<pid>/root needs ptrace read access: a different, stated non-root UID is refused.
          const other = sibling.securityContext.runAsUser;
          const refused = typeof uid === 'number' && uid !== 0 && typeof other === 'number' && other !== uid;
          edges.push({
            technique: 'share-process-namespace',
            from: containerNode(workload, attacker),
            to: containerNode(workload, sibling),
            ...(refused ? { likelihood: 'unlikely' as const } : {}),
            evidence: [
              shared,
              evidence(model, workload.ref, `container ${sibling.name} holds ${extra.join(', ')}`),
            ],
            fixes: [fix],
          });
        }
      }
    }
    return sortEdges(edges);
  },
};
