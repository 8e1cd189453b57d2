/**
 * Shared pieces of the control-plane techniques: the endpoint nodes an external attacker starts at, flag
 * rewrites as patches, and the components with their defaults applied.
 *
 * Microsoft Threat Matrix for Kubernetes ids used (github.com/microsoft/Threat-Matrix-for-Kubernetes,
 * docs/techniques/*.md): MS-TA9005 Exposed sensitive interfaces, MS-TA9029 Access the K8S API server,
 * MS-TA9030 Access Kubelet API, MS-TA9032 Access Kubernetes dashboard.
 */
import type { PatchOp } from '../collect/patch.js';
import type { ComponentSettings, ControlPlaneComponent } from '../model/control-plane.js';
import type { FlagSet } from '../model/control-plane-flags.js';
import type { Model } from '../model/model.js';
import type { RemediationId } from './remediations.js';
import type { Fix, NodeRef } from './types.js';

/** Network endpoints of the control plane, as graph nodes. */
export const ENDPOINTS = {
  apiserver: 'endpoint:kube-apiserver',
  insecureApiserver: 'endpoint:kube-apiserver-insecure-port',
  etcd: 'endpoint:etcd',
  kubelet: 'endpoint:kubelet',
  kubeletReadOnly: 'endpoint:kubelet-read-only-port',
} as const satisfies Record<string, NodeRef>;

/** One endpoint an external attacker may start at, and why. */
export interface ControlPlaneEndpoint {
  readonly node: NodeRef;
  readonly why: string;
}

/** The control-plane endpoints of the model. The API server always exists, even when no manifest shows it. */
export function controlPlaneEndpoints(model: Model): ControlPlaneEndpoint[] {
  const out: ControlPlaneEndpoint[] = [
    { node: ENDPOINTS.apiserver, why: 'the API server is reachable from the network' },
  ];
  const { components, kubelets } = model.controlPlane;
  if (components.some((c) => c.component === 'kube-apiserver' && (flag(c, 'insecure-port') ?? '0') !== '0'))
    out.push({ node: ENDPOINTS.insecureApiserver, why: 'the API server serves its insecure port' });
  if (components.some((c) => c.component === 'etcd'))
    out.push({ node: ENDPOINTS.etcd, why: 'etcd serves clients on the network' });
  if (kubelets.length > 0)
    out.push({ node: ENDPOINTS.kubelet, why: 'the kubelet API listens on every node (10250)' });
  if (kubelets.some((k) => k.readOnlyPort > 0))
    out.push({ node: ENDPOINTS.kubeletReadOnly, why: 'the kubelet read-only port is open' });
  return out;
}

/** A flag's value, or undefined when unset. */
export function flag(settings: ComponentSettings, name: string): string | undefined {
  return settings.flags.flags.get(name)?.value;
}

/** Components of one kind. */
export function componentsOf(model: Model, component: ControlPlaneComponent): ComponentSettings[] {
  return model.controlPlane.components.filter((c) => c.component === component);
}

/** The op that sets `--name=value`: rewrites the item holding it, or appends one; undefined when not patchable. */
export function setFlagOp(flags: FlagSet, name: string, value: string): PatchOp | undefined {
  const text = `--${name}=${value}`;
  const existing = flags.flags.get(name);
  if (existing !== undefined) {
    if (existing.path === '') return undefined;
    return { op: 'replace', path: existing.path, value: existing.item.replace(existing.token, text) };
  }
  return flags.appendPath === '' ? undefined : { op: 'add', path: flags.appendPath, value: text };
}

/** A fix that sets one flag on the object holding the flags; none when the flags cannot be patched. */
export function flagFix(
  remediation: RemediationId,
  target: string,
  change: { flags: FlagSet; name: string; value: string },
): Fix[] {
  const op = setFlagOp(change.flags, change.name, change.value);
  return op === undefined ? [] : [{ remediation, target, ops: [op] }];
}

/** True when every URL in a comma-separated list listens on loopback only. */
export function loopbackOnly(urls: string): boolean {
  return urls
    .split(',')
    .map((url) => url.trim())
    .every((url) => /^(\w+:\/\/)?(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\/?$/.test(url));
}
