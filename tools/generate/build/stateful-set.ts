import type { KubeObject } from '../json-types.js';
import type { WorkloadSpec } from '../model/workload-spec.js';
import type { Random } from '../random.js';
import { controllerMeta } from './controller-meta.js';
import { renderTemplate } from './pod-spec.js';

/** Name of the volumeClaimTemplate every generated StatefulSet uses. */
export const STATEFUL_CLAIM = 'data';

/** A StatefulSet with a headless governing Service of the same name and one data volume per pod. */
export function renderStatefulSet(w: WorkloadSpec, uid: string, revision: string, rng: Random): KubeObject {
  const spec = {
    persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    podManagementPolicy: 'OrderedReady',
    replicas: w.replicas,
    revisionHistoryLimit: 10,
    selector: { matchLabels: w.selector },
    serviceName: w.name,
    template: renderTemplate(w),
    updateStrategy: { rollingUpdate: { partition: 0 }, type: 'RollingUpdate' },
    volumeClaimTemplates: [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { creationTimestamp: null, name: STATEFUL_CLAIM },
        spec: {
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: rng.pick(['10Gi', '20Gi', '50Gi', '100Gi']) } },
          storageClassName: 'gp3',
          volumeMode: 'Filesystem',
        },
        status: { phase: 'Pending' },
      },
    ],
  };
  const status = {
    availableReplicas: w.replicas,
    collisionCount: 0,
    currentReplicas: w.replicas,
    currentRevision: revision,
    observedGeneration: 1,
    readyReplicas: w.replicas,
    replicas: w.replicas,
    updateRevision: revision,
    updatedReplicas: w.replicas,
  };
  const metadata = controllerMeta({
    workload: w,
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    name: w.name,
    uid,
    created: w.created,
    labels: w.labels,
    generation: 1,
    spec,
    status,
    rng,
  });
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata, spec, status };
}
