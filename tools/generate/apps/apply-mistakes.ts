import type { MistakeKind } from '../model/mistake-kinds.js';
import type { NamespacePlan } from '../model/plan-types.js';
import { addHostPath, patchContainer, patchSecurity } from '../model/workload-patch.js';
import type { WorkloadSpec } from '../model/workload-spec.js';
import type { Random } from '../random.js';
import { leakedSecretEnv } from './env-vars.js';

/** Deployments and StatefulSets: the workloads mistakes and Services attach to, in order. */
export function longRunning(workloads: readonly WorkloadSpec[]): number[] {
  return workloads.flatMap((w, i) => (w.kind === 'Deployment' || w.kind === 'StatefulSet' ? [i] : []));
}

function apply(spec: WorkloadSpec, kind: MistakeKind, ns: NamespacePlan, rng: Random): WorkloadSpec {
  switch (kind) {
    case 'privileged':
      return {
        ...patchSecurity(spec, 0, {
          privileged: true,
          allowPrivilegeEscalation: true,
          readOnlyRootFilesystem: false,
          runAsNonRoot: undefined,
          dropAll: false,
        }),
        podSecurity: {},
      };
    case 'host-path-root':
      return addHostPath(spec, {
        name: 'host-root',
        path: '/',
        mountPath: '/host',
        readOnly: rng.chance(0.3),
      });
    case 'docker-socket':
      return addHostPath(spec, {
        name: 'docker-sock',
        path: '/var/run/docker.sock',
        mountPath: '/var/run/docker.sock',
        type: 'Socket',
      });
    case 'containerd-socket':
      return addHostPath(spec, {
        name: 'containerd-sock',
        path: '/run/containerd/containerd.sock',
        mountPath: '/run/containerd/containerd.sock',
        type: 'Socket',
      });
    case 'cap-sys-admin':
      return patchSecurity(spec, 0, { addCapabilities: ['SYS_ADMIN'], dropAll: false });
    case 'cap-sys-module':
      return patchSecurity(spec, 0, { addCapabilities: ['SYS_MODULE', 'NET_ADMIN'], dropAll: false });
    case 'host-pid':
      return { ...spec, hostPID: true };
    case 'host-network':
      return { ...spec, hostNetwork: true };
    case 'latest-tag': {
      const image = spec.containers[0]!.image;
      return patchContainer(spec, 0, { image: `${image.slice(0, image.lastIndexOf(':'))}:latest` });
    }
    case 'secret-env':
      return patchContainer(spec, 0, { env: [...spec.containers[0]!.env, leakedSecretEnv(rng)] });
    case 'cluster-admin-token':
    case 'pod-create-token':
    case 'secret-read-token':
      // The powerful SA is always the namespace's first extra SA; RBAC for it is made alongside.
      return {
        ...spec,
        serviceAccount: ns.serviceAccounts[0]!,
        automountToken: rng.chance(0.5) ? true : undefined,
      };
    default:
      return spec;
  }
}

/** Apply the namespace's planned mistakes to the workloads their slots point at. */
export function applyMistakes(
  workloads: readonly WorkloadSpec[],
  ns: NamespacePlan,
  rng: Random,
): WorkloadSpec[] {
  const out = workloads.slice();
  const targets = longRunning(out);
  for (const mistake of ns.mistakes) {
    const index = targets[mistake.slot % targets.length]!;
    out[index] = apply(out[index]!, mistake.kind, ns, rng);
  }
  return out;
}
