import { timestamp } from '../clock.js';
import type { KubeObject, StringMap } from '../json-types.js';
import type { WorkloadSpec } from '../model/workload-spec.js';
import type { Random } from '../random.js';
import { controllerMeta } from './controller-meta.js';
import type { OwnerRef } from './meta.js';
import { renderTemplate } from './pod-spec.js';

/** Labels the Job controller puts on a Job's pods (and, via the template, on the Job). */
export function jobLabels(name: string, uid: string): StringMap {
  return {
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': name,
    'controller-uid': uid,
    'job-name': name,
  };
}

/** One completed Job run. */
export interface JobInput {
  readonly name: string;
  readonly uid: string;
  readonly created: number;
  readonly owner?: OwnerRef;
}

/** A completed Job; owned by a CronJob when `owner` is set. */
export function renderJob(w: WorkloadSpec, job: JobInput, rng: Random): KubeObject {
  const labels = jobLabels(job.name, job.uid);
  const spec = {
    backoffLimit: 6,
    completionMode: 'NonIndexed',
    completions: 1,
    manualSelector: false,
    parallelism: 1,
    selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': job.uid } },
    suspend: false,
    template: renderTemplate(w, labels),
  };
  const finished = job.created + rng.int(30, 900);
  const status = {
    completionTime: timestamp(finished),
    conditions: [
      {
        lastProbeTime: timestamp(finished),
        lastTransitionTime: timestamp(finished),
        status: 'True',
        type: 'Complete',
      },
    ],
    ready: 0,
    startTime: timestamp(job.created),
    succeeded: 1,
    terminating: 0,
    uncountedTerminatedPods: {},
  };
  const metadata = controllerMeta({
    workload: w,
    apiVersion: 'batch/v1',
    kind: 'Job',
    name: job.name,
    uid: job.uid,
    created: job.created,
    labels: { ...w.podLabels, ...labels },
    annotations: { 'batch.kubernetes.io/job-tracking': '' },
    owner: job.owner,
    generation: 1,
    spec,
    status,
    rng,
  });
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec, status };
}

/** A CronJob whose last run finished at `lastRun`. */
export function renderCronJob(w: WorkloadSpec, uid: string, lastRun: number, rng: Random): KubeObject {
  const spec = {
    concurrencyPolicy: 'Forbid',
    failedJobsHistoryLimit: 1,
    jobTemplate: {
      metadata: { creationTimestamp: null },
      spec: { backoffLimit: 2, template: renderTemplate(w) },
    },
    schedule: w.schedule ?? '0 3 * * *',
    successfulJobsHistoryLimit: 3,
    suspend: false,
  };
  const status = { lastScheduleTime: timestamp(lastRun), lastSuccessfulTime: timestamp(lastRun + 120) };
  const metadata = controllerMeta({
    workload: w,
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    name: w.name,
    uid,
    created: w.created,
    labels: w.labels,
    generation: 1,
    spec,
    status,
    rng,
  });
  return { apiVersion: 'batch/v1', kind: 'CronJob', metadata, spec, status };
}
