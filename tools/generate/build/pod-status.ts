import { timestamp } from '../clock.js';
import type { JsonObject } from '../json-types.js';
import type { ContainerSpec } from '../model/workload-spec.js';
import { deriveSeed, Random } from '../random.js';

const digests = new Map<string, string>();

/** A stable fake digest per image, so every pod running an image reports the same imageID. */
export function imageDigest(image: string): string {
  let digest = digests.get(image);
  if (digest === undefined) {
    digest = new Random(deriveSeed(0x1d, image)).hex(64);
    digests.set(image, digest);
  }
  return digest;
}

/** The image reference the kubelet reports (Docker Hub short names expanded). */
function fullImage(image: string): string {
  const first = image.split('/')[0]!;
  if (first.includes('.') || first.includes(':') || first === 'localhost') return image;
  return image.includes('/') ? `docker.io/${image}` : `docker.io/library/${image}`;
}

/** Inputs that make one pod's status. */
export interface StatusInput {
  readonly containers: readonly ContainerSpec[];
  readonly hostIp: string;
  readonly podIp: string;
  readonly started: number;
  readonly succeeded: boolean;
  readonly rng: Random;
}

function condition(type: string, time: number, ok: boolean, reason?: string): JsonObject {
  return {
    lastProbeTime: null,
    lastTransitionTime: timestamp(time),
    reason,
    status: ok ? 'True' : 'False',
    type,
  };
}

function containerStatus(c: ContainerSpec, input: StatusInput, restarted: boolean): JsonObject {
  const { rng, started } = input;
  const image = fullImage(c.image);
  const containerID = `containerd://${rng.hex(64)}`;
  const restarts = restarted ? rng.int(1, 6) : 0;
  const since = started + rng.int(3, 20);
  const lastState: JsonObject =
    restarts === 0
      ? {}
      : {
          terminated: {
            containerID: `containerd://${rng.hex(64)}`,
            exitCode: rng.pick([1, 137, 143]),
            finishedAt: timestamp(since + 3600),
            reason: rng.pick(['Error', 'OOMKilled']),
            startedAt: timestamp(since),
          },
        };
  const state = input.succeeded
    ? {
        terminated: {
          containerID,
          exitCode: 0,
          finishedAt: timestamp(since + rng.int(20, 900)),
          reason: 'Completed',
          startedAt: timestamp(since),
        },
      }
    : { running: { startedAt: timestamp(restarts === 0 ? since : since + 3610) } };
  return {
    containerID,
    image,
    imageID: `${image.split(':')[0]}@sha256:${imageDigest(c.image)}`,
    lastState,
    name: c.name,
    ready: !input.succeeded,
    restartCount: restarts,
    started: !input.succeeded,
    state,
  };
}

function qosClass(containers: readonly ContainerSpec[]): string {
  if (containers.every((c) => c.requests === undefined && c.limits === undefined)) return 'BestEffort';
  const guaranteed = containers.every(
    (c) => c.limits?.cpu === c.requests?.cpu && c.limits?.memory === c.requests?.memory,
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** `status` of a running (or, for Job pods, completed) pod, as the kubelet reports it. */
export function renderPodStatus(input: StatusInput): JsonObject {
  const t = input.started;
  // At most one container per pod has crashed before; which one, if any, is chosen here.
  const restarted =
    input.succeeded || input.rng.chance(0.9) ? -1 : input.rng.int(0, input.containers.length - 1);
  const done = input.succeeded ? 'PodCompleted' : undefined;
  return {
    conditions: [
      condition('Initialized', t + 1, true, done),
      condition('Ready', t + 25, !input.succeeded, done),
      condition('ContainersReady', t + 25, !input.succeeded, done),
      condition('PodScheduled', t, true),
    ],
    containerStatuses: input.containers
      .map((c, i) => containerStatus(c, input, i === restarted))
      .sort((a, b) => (String(a.name) < String(b.name) ? -1 : 1)),
    hostIP: input.hostIp,
    hostIPs: [{ ip: input.hostIp }],
    phase: input.succeeded ? 'Succeeded' : 'Running',
    podIP: input.podIp,
    podIPs: [{ ip: input.podIp }],
    qosClass: qosClass(input.containers),
    startTime: timestamp(t),
  };
}
