import type { KubeObject } from '../json-types.js';
import type { WorkloadSpec } from '../model/workload-spec.js';
import type { Random } from '../random.js';
import { controllerMeta } from './controller-meta.js';
import { renderTemplate } from './pod-spec.js';

/** A DaemonSet with one ready pod on each of `scheduled` nodes. */
export function renderDaemonSet(w: WorkloadSpec, uid: string, scheduled: number, rng: Random): KubeObject {
  const spec = {
    revisionHistoryLimit: 10,
    selector: { matchLabels: w.selector },
    template: renderTemplate(w),
    updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' },
  };
  const status = {
    currentNumberScheduled: scheduled,
    desiredNumberScheduled: scheduled,
    numberAvailable: scheduled,
    numberMisscheduled: 0,
    numberReady: scheduled,
    observedGeneration: 1,
    updatedNumberScheduled: scheduled,
  };
  const metadata = controllerMeta({
    workload: w,
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    name: w.name,
    uid,
    created: w.created,
    labels: w.labels,
    annotations: { 'deprecated.daemonset.template.generation': '1' },
    generation: 1,
    spec,
    status,
    rng,
  });
  return { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata, spec, status };
}
