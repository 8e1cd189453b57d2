/**
 * Claims bound to node-local PersistentVolumes (`hostPath` or `local`). Pod Security Admission checks only the
 * pod's own volumes, so a pod that mounts such a claim reaches the host path even under `baseline`.
 */
import type { SnapshotObject } from '../collect/snapshot.js';
import { namespaceOf } from './owners.js';
import { obj, str } from './read.js';
import type { Ref } from './types.js';

/** A PersistentVolumeClaim bound to a PersistentVolume that is a directory of the node. */
export interface ClaimHostPath {
  readonly claim: Ref;
  readonly volume: Ref;
  /** The node path the PersistentVolume points at. */
  readonly path: string;
  /** `hostPath` or `local`: both bind-mount a node directory into the pod. */
  readonly source: 'hostPath' | 'local';
}

/**
 * Node-local claims by `namespace/claim`. A claim is bound when the PV's `claimRef` names it or the claim's
 * `spec.volumeName` names the PV (either side records the binding; a pre-bound pair sets both).
 */
export function claimHostPaths(objects: readonly SnapshotObject[]): ReadonlyMap<string, ClaimHostPath> {
  const volumes = new Map<
    string,
    { readonly ref: Ref; readonly path: string; source: 'hostPath' | 'local' }
  >();
  const byClaimRef = new Map<string, string>();
  for (const so of objects) {
    if (so.kind !== 'PersistentVolume') continue;
    const spec = obj(so.object.spec);
    const hostPath = str(obj(spec.hostPath).path);
    const local = str(obj(spec.local).path);
    const path = hostPath ?? local;
    if (path === undefined) continue;
    volumes.set(so.name, { ref: so.ref, path, source: hostPath !== undefined ? 'hostPath' : 'local' });
    const claimRef = obj(spec.claimRef);
    const name = str(claimRef.name);
    if (name !== undefined) byClaimRef.set(`${str(claimRef.namespace) ?? 'default'}/${name}`, so.name);
  }
  const out = new Map<string, ClaimHostPath>();
  if (volumes.size === 0) return out;
  for (const so of objects) {
    if (so.kind !== 'PersistentVolumeClaim') continue;
    const key = `${namespaceOf(so)}/${so.name}`;
    const volumeName = str(obj(so.object.spec).volumeName) ?? byClaimRef.get(key);
    const volume = volumeName === undefined ? undefined : volumes.get(volumeName);
    if (volume !== undefined)
      out.set(key, { claim: so.ref, volume: volume.ref, path: volume.path, source: volume.source });
  }
  return out;
}
