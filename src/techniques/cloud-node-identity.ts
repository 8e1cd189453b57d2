/**
 * The cloud identity of a pool's nodes (AWS instance profile, GCE node service account, Azure kubelet identity),
 * which the instance metadata service (IMDS, 169.254.169.254) hands to whatever reaches it from the node.
 * Cloud nodes are not jewels: what the identity may do in the cloud account is outside the cluster's objects.
 *
 * Microsoft Threat Matrix for Kubernetes (github.com/microsoft/Threat-Matrix-for-Kubernetes, docs/techniques/*.md):
 * MS-TA9033 Instance Metadata API, MS-TA9028 Access managed identity credentials, MS-TA9020 Access cloud resources.
 */
import type { Model } from '../model/model.js';
import type { NodeRef } from './types.js';

/** The cloud node identity of a pool. */
export function cloudNodeIdentity(pool: string): NodeRef {
  return `cloud:node-identity/${pool}`;
}

/** GKE Workload Identity runs a metadata server on these nodes that answers pods without the node's identity. */
const GKE_METADATA_SERVER = 'iam.gke.io/gke-metadata-server-enabled';

/** Pools whose every node hides the node identity from pods in their own network namespace. */
export function metadataServerPools(model: Model): ReadonlySet<string> {
  const hidden = new Map<string, boolean>();
  for (const node of model.nodes)
    hidden.set(node.pool, (hidden.get(node.pool) ?? true) && node.labels[GKE_METADATA_SERVER] === 'true');
  return new Set([...hidden].filter(([, all]) => all).map(([pool]) => pool));
}
