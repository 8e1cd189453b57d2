import { renderDeployment, renderReplicaSet } from '../build/apps-controllers.js';
import { renderDaemonSet } from '../build/daemon-set.js';
import { jobLabels, renderCronJob, renderJob } from '../build/jobs.js';
import type { OwnerRef } from '../build/meta.js';
import { type PodInput, renderPod } from '../build/pod.js';
import { renderStatefulSet, STATEFUL_CLAIM } from '../build/stateful-set.js';
import { SNAPSHOT_EPOCH } from '../clock.js';
import type { AddressBook, NodePlan } from '../model/plan-types.js';
import type { WorkloadSpec } from '../model/workload-spec.js';
import type { ObjectSink } from '../output/sink.js';
import { runsOn } from '../plan/system-counts.js';
import type { Random } from '../random.js';
import { daemonAffinity, podIp } from './scheduling.js';

/** What expanding a workload into objects needs besides the workload itself. */
export interface WorkloadContext {
  readonly sink: ObjectSink;
  readonly nodes: readonly NodePlan[];
  readonly appNodes: readonly NodePlan[];
  readonly addresses: AddressBook;
  readonly mountToken: boolean;
  readonly rng: Random;
}

type PodBase = Omit<PodInput, 'name' | 'node' | 'podIp' | 'created'>;

function emitPod(ctx: WorkloadContext, base: PodBase, name: string, node: NodePlan, created: number): void {
  const pod = renderPod({ ...base, name, node, podIp: podIp(base.workload, node, ctx.addresses), created });
  ctx.sink.write(pod);
}

function uniqueSuffix(used: Set<string>, rng: Random): string {
  let s = rng.suffix(5);
  while (used.has(s)) s = rng.suffix(5);
  used.add(s);
  return s;
}

const owner = (apiVersion: string, kind: string, name: string, uid: string): OwnerRef => ({
  apiVersion,
  kind,
  name,
  uid,
});

function deployment(w: WorkloadSpec, ctx: WorkloadContext): void {
  const { rng, sink } = ctx;
  const uid = rng.uid();
  const parent = owner('apps/v1', 'Deployment', w.name, uid);
  const old = w.revision > 1 && rng.chance(0.15) ? Math.min(w.revision - 1, rng.int(1, 2)) : 0;
  const span = SNAPSHOT_EPOCH - w.created;
  // Oldest first; the last one is current and owns the pods.
  const replicaSets = Array.from({ length: old + 1 }, (_, i) => {
    const k = old - i;
    const hash = rng.suffix(rng.int(9, 10));
    return {
      name: `${w.name}-${hash}`,
      uid: rng.uid(),
      hash,
      replicas: k === 0 ? w.replicas : 0,
      revision: w.revision - k,
      created: w.created + Math.floor((span * (i + 1)) / (old + 2)),
      owner: parent,
    };
  });
  const current = replicaSets[replicaSets.length - 1]!;
  sink.write(renderDeployment(w, { uid, replicaSet: current.name, rolledOut: current.created }, rng));
  for (const rs of replicaSets) {
    const { hash, created } = rs;
    sink.write(renderReplicaSet(w, rs, rng));
    if (rs !== current) continue;
    const base: PodBase = {
      workload: w,
      generateName: `${rs.name}-`,
      owner: owner('apps/v1', 'ReplicaSet', rs.name, rs.uid),
      labels: { 'pod-template-hash': hash },
      mountToken: ctx.mountToken,
      rng,
    };
    const used = new Set<string>();
    for (let i = 0; i < w.replicas; i++) {
      emitPod(
        ctx,
        base,
        `${rs.name}-${uniqueSuffix(used, rng)}`,
        rng.pick(ctx.appNodes),
        created + 5 + rng.int(0, 600),
      );
    }
  }
}

function statefulSet(w: WorkloadSpec, ctx: WorkloadContext): void {
  const { rng, sink } = ctx;
  const uid = rng.uid();
  const revision = `${w.name}-${rng.suffix(10)}`;
  sink.write(renderStatefulSet(w, uid, revision, rng));
  const parent = owner('apps/v1', 'StatefulSet', w.name, uid);
  for (let i = 0; i < w.replicas; i++) {
    const name = `${w.name}-${i}`;
    const labels = {
      'apps.kubernetes.io/pod-index': String(i),
      'controller-revision-hash': revision,
      'statefulset.kubernetes.io/pod-name': name,
    };
    const extras = {
      hostname: name,
      subdomain: w.name,
      claims: [{ volume: STATEFUL_CLAIM, claim: `${STATEFUL_CLAIM}-${name}`, mountPath: '/data' }],
    };
    emitPod(
      ctx,
      { workload: w, owner: parent, labels, extras, mountToken: ctx.mountToken, rng },
      name,
      rng.pick(ctx.appNodes),
      w.created + 60 * (i + 1),
    );
  }
}

function daemonSet(w: WorkloadSpec, ctx: WorkloadContext): void {
  const { rng, sink } = ctx;
  const targets = ctx.nodes.filter((n) => runsOn(w.nodes ?? 'workers', n));
  const uid = rng.uid();
  sink.write(renderDaemonSet(w, uid, targets.length, rng));
  const hash = rng.suffix(10).slice(0, rng.int(8, 10));
  const labels = { 'controller-revision-hash': hash, 'pod-template-generation': '1' };
  const base: PodBase = {
    workload: w,
    generateName: `${w.name}-`,
    owner: owner('apps/v1', 'DaemonSet', w.name, uid),
    labels,
    mountToken: ctx.mountToken,
    rng,
  };
  const used = new Set<string>();
  for (const node of targets) {
    const affinity = daemonAffinity(node.name);
    emitPod(
      ctx,
      { ...base, extras: { affinity } },
      `${w.name}-${uniqueSuffix(used, rng)}`,
      node,
      Math.max(w.created, node.created) + 30,
    );
  }
}

function job(w: WorkloadSpec, ctx: WorkloadContext, name: string, created: number, parent?: OwnerRef): void {
  const { rng } = ctx;
  const uid = rng.uid();
  ctx.sink.write(renderJob(w, { name, uid, created, owner: parent }, rng));
  const base: PodBase = {
    workload: w,
    generateName: `${name}-`,
    owner: owner('batch/v1', 'Job', name, uid),
    labels: jobLabels(name, uid),
    mountToken: ctx.mountToken,
    rng,
  };
  emitPod(ctx, base, `${name}-${rng.suffix(5)}`, rng.pick(ctx.appNodes), created + 1);
}

function cronJob(w: WorkloadSpec, ctx: WorkloadContext): void {
  const { rng } = ctx;
  const uid = rng.uid();
  const every = rng.pick([3600, 6 * 3600, 86400]);
  const last = Math.floor((SNAPSHOT_EPOCH - rng.int(60, every)) / 60) * 60;
  ctx.sink.write(renderCronJob(w, uid, last, rng));
  const parent = owner('batch/v1', 'CronJob', w.name, uid);
  for (let k = w.replicas - 1; k >= 0; k--) {
    const scheduled = last - k * every;
    job(w, ctx, `${w.name}-${Math.floor(scheduled / 60)}`, scheduled, parent);
  }
}

/** Write a workload's controller objects and all of its pods, one at a time. */
export function emitWorkload(w: WorkloadSpec, ctx: WorkloadContext): void {
  if (w.kind === 'Deployment') deployment(w, ctx);
  else if (w.kind === 'StatefulSet') statefulSet(w, ctx);
  else if (w.kind === 'DaemonSet') daemonSet(w, ctx);
  else if (w.kind === 'Job') job(w, ctx, w.name, Math.max(w.created, SNAPSHOT_EPOCH - 86400 * 30), undefined);
  else cronJob(w, ctx);
}
