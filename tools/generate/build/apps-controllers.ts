import { timestamp } from '../clock.js';
import type { JsonObject, KubeObject, StringMap } from '../json-types.js';
import type { WorkloadSpec } from '../model/workload-spec.js';
import type { Random } from '../random.js';
import { controllerMeta } from './controller-meta.js';
import type { OwnerRef } from './meta.js';
import { renderTemplate } from './pod-spec.js';

function condition(type: string, reason: string, message: string, time: number): JsonObject {
  return {
    lastTransitionTime: timestamp(time),
    lastUpdateTime: timestamp(time),
    message,
    reason,
    status: 'True',
    type,
  };
}

/** Identity of a Deployment and of the ReplicaSet its last rollout created. */
export interface DeploymentInput {
  readonly uid: string;
  readonly replicaSet: string;
  readonly rolledOut: number;
}

/** A Deployment whose pods are all up to date and available. */
export function renderDeployment(w: WorkloadSpec, d: DeploymentInput, rng: Random): KubeObject {
  const spec = {
    progressDeadlineSeconds: 600,
    replicas: w.replicas,
    revisionHistoryLimit: 10,
    selector: { matchLabels: w.selector },
    strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
    template: renderTemplate(w),
  };
  const status = {
    availableReplicas: w.replicas,
    conditions: [
      condition(
        'Available',
        'MinimumReplicasAvailable',
        'Deployment has minimum availability.',
        w.created + 30,
      ),
      condition(
        'Progressing',
        'NewReplicaSetAvailable',
        `ReplicaSet has successfully progressed.`,
        w.created + 40,
      ),
    ],
    observedGeneration: w.revision,
    readyReplicas: w.replicas,
    replicas: w.replicas,
    updatedReplicas: w.replicas,
  };
  const annotations = { 'deployment.kubernetes.io/revision': String(w.revision) };
  const metadata = controllerMeta({
    workload: w,
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: w.name,
    uid: d.uid,
    created: w.created,
    labels: w.labels,
    annotations,
    generation: w.revision,
    spec,
    status,
    rng,
  });
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata, spec, status };
}

/** What distinguishes one ReplicaSet of a Deployment from another. */
export interface ReplicaSetInput {
  readonly name: string;
  readonly uid: string;
  readonly hash: string;
  readonly replicas: number;
  readonly revision: number;
  readonly created: number;
  readonly owner: OwnerRef;
}

/** A ReplicaSet; old revisions are kept scaled to zero, as `revisionHistoryLimit` leaves them. */
export function renderReplicaSet(w: WorkloadSpec, rs: ReplicaSetInput, rng: Random): KubeObject {
  const hashLabel: StringMap = { 'pod-template-hash': rs.hash };
  const spec = {
    replicas: rs.replicas,
    selector: { matchLabels: { ...w.selector, ...hashLabel } },
    template: renderTemplate(w, hashLabel),
  };
  const status =
    rs.replicas === 0
      ? { observedGeneration: 2, replicas: 0 }
      : {
          availableReplicas: rs.replicas,
          fullyLabeledReplicas: rs.replicas,
          observedGeneration: 1,
          readyReplicas: rs.replicas,
          replicas: rs.replicas,
        };
  const annotations = {
    'deployment.kubernetes.io/desired-replicas': String(w.replicas),
    'deployment.kubernetes.io/max-replicas': String(w.replicas + Math.ceil(w.replicas / 4)),
    'deployment.kubernetes.io/revision': String(rs.revision),
  };
  const metadata = controllerMeta({
    workload: w,
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    name: rs.name,
    uid: rs.uid,
    created: rs.created,
    labels: { ...w.podLabels, ...hashLabel },
    annotations,
    owner: rs.owner,
    generation: rs.replicas === 0 ? 2 : 1,
    spec,
    status,
    rng,
  });
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata, spec, status };
}
