/**
 * Streaming subresources (`pods/exec`, `pods/attach`, `pods/portforward`), authorized by Kubernetes version.
 * SPDY upgrades are POSTs, authorized as `create`. WebSocket upgrades are GETs, long authorized as `get` alone;
 * the feature gate AuthorizePodWebsocketUpgradeCreatePermission (KEP-4006 follow-up) adds a `create` check to
 * WebSocket upgrades too, and is beta and on by default from Kubernetes 1.35 (kubernetes/website,
 * content/en/docs/reference/command-line-tools-reference/feature-gates/AuthorizePodWebsocketUpgradeCreatePermission.md).
 * So before 1.35 `get` or `create` suffices; from 1.35 `create` is required, and enough (over SPDY).
 */
import { minorVersion } from '../collect/bootstrap-rbac.js';
import { memoKey } from '../model/memo.js';
import type { Model } from '../model/model.js';
import type { AccessRequest, Container, Workload } from '../model/types.js';
import { capabilityGrants, type HubTarget, scopesOf, workloadsIn } from './rbac-capability.js';
import { containerNode, evidence } from './workload-helpers.js';

/** A streaming subresource of pods. */
export type StreamSubresource = 'exec' | 'attach' | 'portforward';

/** The first minor version in which a WebSocket upgrade also needs `create`. */
export const CREATE_REQUIRED_FROM = '1.35';

/** True when the version's API server requires `create` for every streaming upgrade. */
export function createRequired(kubeVersion: string): boolean {
  const [major = 0, minor = 0] = (minorVersion(kubeVersion) ?? '').split('.').map(Number);
  const [fromMajor = 0, fromMinor = 0] = CREATE_REQUIRED_FROM.split('.').map(Number);
  // An unparseable version is treated as current (create required), the safer reading for a modern cluster.
  if (major === 0) return true;
  return major > fromMajor || (major === fromMajor && minor >= fromMinor);
}

const stream = (verbs: readonly string[], subresource: StreamSubresource): AccessRequest[] =>
  verbs.map((verb) => ({ verb, apiGroup: '', resource: 'pods', subresource }));

// Constant arrays per (verbs, subresource), so allowsAny answers each rule once.
const REQUESTS: Readonly<
  Record<StreamSubresource, { readonly legacy: AccessRequest[]; readonly gated: AccessRequest[] }>
> = {
  exec: { legacy: stream(['get', 'create'], 'exec'), gated: stream(['create'], 'exec') },
  attach: { legacy: stream(['get', 'create'], 'attach'), gated: stream(['create'], 'attach') },
  portforward: { legacy: stream(['get', 'create'], 'portforward'), gated: stream(['create'], 'portforward') },
};

/** The requests that open the stream on the model's Kubernetes version. */
export function streamRequests(model: Model, subresource: StreamSubresource): readonly AccessRequest[] {
  const requests = REQUESTS[subresource];
  return createRequired(model.assumptions.kubeVersion) ? requests.gated : requests.legacy;
}

/** The running containers of the namespace: init containers have exited, ephemeral ones are transient. */
export function runningContainers(
  model: Model,
  namespace: string,
): { workload: Workload; container: Container }[] {
  return workloadsIn(model, namespace).flatMap((workload) =>
    workload.containers
      .filter((container) => container.role === 'container')
      .map((container) => ({ workload, container })),
  );
}

/** Every running container of the namespace as a structural hub target. */
export function containerTargets(model: Model, namespace: string, says: string): HubTarget[] {
  return runningContainers(model, namespace).map(({ workload, container }) => ({
    to: containerNode(workload, container),
    proof: evidence(model, workload.ref, `${says} container ${container.name} of ${workload.ref}`),
  }));
}

/** `patch` or `update` on `pods/ephemeralcontainers`: what adds a debug container to a running pod. */
export const EPHEMERAL_REQUESTS: readonly AccessRequest[] = ['patch', 'update'].map((verb) => ({
  verb,
  apiGroup: '',
  resource: 'pods',
  subresource: 'ephemeralcontainers',
}));

/** `get` (WebSocket) or `create` (POST) on `nodes/proxy`: the kubelet API, exec included, on every node. */
export const NODE_PROXY_REQUESTS: readonly AccessRequest[] = ['get', 'create'].map((verb) => ({
  verb,
  apiGroup: '',
  resource: 'nodes',
  subresource: 'proxy',
}));

const EXEC_SCOPES = memoKey<ReadonlySet<string>>('exec scopes');

/** Scopes whose exec hub some subject reaches: through exec, ephemeral containers, or nodes/proxy (`*`). */
export function execScopes(model: Model): ReadonlySet<string> {
  return model.memo.of(EXEC_SCOPES, () => {
    const scopes = scopesOf([
      ...capabilityGrants(model, streamRequests(model, 'exec')),
      ...capabilityGrants(model, EPHEMERAL_REQUESTS),
    ]);
    if (capabilityGrants(model, NODE_PROXY_REQUESTS, true).length > 0) scopes.add('*');
    return scopes;
  });
}
