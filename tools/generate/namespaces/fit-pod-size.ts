import { extraEnv, isLeakedSecret } from '../apps/env-vars.js';
import { jobLabels } from '../build/jobs.js';
import { renderPod } from '../build/pod.js';
import type { KubeObject, StringMap } from '../json-types.js';
import type { NodePlan } from '../model/plan-types.js';
import { patchContainer } from '../model/workload-patch.js';
import type { ContainerSpec, WorkloadSpec } from '../model/workload-spec.js';
import { formatJson } from '../output/json-format.js';
import { Random } from '../random.js';
import { daemonAffinity } from './scheduling.js';

/** Target for a pod's pretty-printed JSON; margins absorb per-pod variation (restarts, names, IPs). */
export const POD_BYTES = { min: 6 * 1024 + 300, max: 10 * 1024 - 700 } as const;

const UID = '00000000-0000-4000-8000-000000000000';

function probeLabels(w: WorkloadSpec): Record<string, string> {
  if (w.kind === 'Job' || w.kind === 'CronJob') return jobLabels(`${w.name}-29000000`, UID);
  if (w.kind === 'StatefulSet') {
    return {
      'apps.kubernetes.io/pod-index': '0',
      'controller-revision-hash': `${w.name}-xxxxxxxxxx`,
      'statefulset.kubernetes.io/pod-name': `${w.name}-0`,
    };
  }
  return w.kind === 'DaemonSet'
    ? { 'controller-revision-hash': 'xxxxxxxxxx', 'pod-template-generation': '1' }
    : { 'pod-template-hash': 'xxxxxxxxxx' };
}

/** A representative pod of the workload, rendered the way the real ones will be. */
export function probePod(w: WorkloadSpec, mountToken: boolean, node: NodePlan): KubeObject {
  const name = `${w.name}-xxxxxxxxxx-xxxxx`;
  return renderPod({
    workload: w,
    name,
    generateName: `${w.name}-xxxxxxxxxx-`,
    owner: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${w.name}-xxxxxxxxxx`, uid: UID },
    labels: probeLabels(w),
    node,
    podIp: '10.100.100.100',
    created: 0,
    mountToken,
    extras:
      w.kind === 'DaemonSet'
        ? { affinity: daemonAffinity(node.name) }
        : w.kind === 'StatefulSet'
          ? {
              hostname: name,
              subdomain: w.name,
              claims: [{ volume: 'data', claim: `data-${name}`, mountPath: '/data' }],
            }
          : undefined,
    rng: new Random(0),
  });
}

/** Size in bytes of the representative pod as pretty-printed JSON. */
export function measurePod(w: WorkloadSpec, mountToken: boolean, node: NodePlan): number {
  return Buffer.byteLength(formatJson(probePod(w, mountToken, node)));
}

const without = (map: StringMap, key: string): StringMap =>
  Object.fromEntries(Object.entries(map).filter(([k]) => k !== key));

// Cheapest-to-lose details first; planted mistakes and security settings are never touched.
function shrink(w: WorkloadSpec): WorkloadSpec | undefined {
  const [main, sidecar] = w.containers as [ContainerSpec, ContainerSpec];
  const removable = main.env.findIndex((e) => !('secret' in e) && !isLeakedSecret(e));
  if (removable >= 0) return patchContainer(w, 0, { env: main.env.filter((_, i) => i !== removable) });
  if (main.readiness !== undefined) return patchContainer(w, 0, { readiness: undefined });
  if (main.ports.length > 1) return patchContainer(w, 0, { ports: main.ports.slice(0, 1) });
  if (w.spread) return { ...w, spread: false };
  if (sidecar.args !== undefined) return patchContainer(w, 1, { args: undefined });
  if (sidecar.env.length > 0) return patchContainer(w, 1, { env: [] });
  for (const key of ['checksum/config', 'prometheus.io/port', 'prometheus.io/scrape']) {
    if (w.podAnnotations[key] !== undefined) return { ...w, podAnnotations: without(w.podAnnotations, key) };
  }
  const secretRef = main.env.findIndex((e) => 'secret' in e);
  if (secretRef >= 0) return patchContainer(w, 0, { env: main.env.filter((_, i) => i !== secretRef) });
  if (sidecar.ports.length > 0) return patchContainer(w, 1, { ports: [] });
  const config = sidecar.mounts.find((m) => m.name.endsWith('-config'));
  if (config !== undefined) {
    const trimmed = patchContainer(w, 1, { mounts: sidecar.mounts.filter((m) => m !== config) });
    return { ...trimmed, volumes: w.volumes.filter((v) => v.name !== config.name) };
  }
  if (sidecar.limits !== undefined) return patchContainer(w, 1, { limits: undefined });
  if (main.liveness !== undefined) return patchContainer(w, 0, { liveness: undefined });
  if (w.podAnnotations['kubectl.kubernetes.io/default-container'] !== undefined) {
    return { ...w, podAnnotations: without(w.podAnnotations, 'kubectl.kubernetes.io/default-container') };
  }
  if (sidecar.requests !== undefined) return patchContainer(w, 1, { requests: undefined });
  if (main.limits?.cpu !== undefined) return patchContainer(w, 0, { limits: { memory: main.limits.memory } });
  if (main.limits !== undefined || main.requests !== undefined) {
    return patchContainer(w, 0, { limits: undefined, requests: undefined });
  }
  return undefined;
}

function grow(w: WorkloadSpec, rng: Random): WorkloadSpec | undefined {
  const main = w.containers[0]!;
  const ctx = {
    app: w.name,
    namespace: w.namespace,
    env: w.podLabels.env ?? 'prod',
    port: main.ports[0]?.containerPort ?? 8080,
  };
  const added = extraEnv(ctx, main.env, rng);
  return added === undefined ? undefined : patchContainer(w, 0, { env: [added, ...main.env] });
}

/**
 * Nudge a workload so its pods land inside POD_BYTES: drop or add env vars (and a few optional
 * details). Real pods vary far more; the bounds keep parse-load benchmarks comparable.
 */
export function fitPodSize(w: WorkloadSpec, mountToken: boolean, node: NodePlan, rng: Random): WorkloadSpec {
  let spec = w;
  for (let step = 0; step < 60; step++) {
    const size = measurePod(spec, mountToken, node);
    const next = size > POD_BYTES.max ? shrink(spec) : size < POD_BYTES.min ? grow(spec, rng) : undefined;
    if (next === undefined) return spec;
    spec = next;
  }
  return spec;
}
