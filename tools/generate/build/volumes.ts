import type { JsonObject } from '../json-types.js';
import type { MountSpec, VolumeSpec } from '../model/workload-spec.js';

/** Where the projected ServiceAccount token lands inside every container. */
export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** One entry of `spec.volumes`. */
export function renderVolume(v: VolumeSpec): JsonObject {
  if (v.hostPath) return { hostPath: { path: v.hostPath.path, type: v.hostPath.type ?? '' }, name: v.name };
  if (v.configMap) return { configMap: { defaultMode: 420, name: v.configMap }, name: v.name };
  if (v.secret) return { name: v.name, secret: { defaultMode: 420, secretName: v.secret } };
  if (v.claim) return { name: v.name, persistentVolumeClaim: { claimName: v.claim } };
  return { emptyDir: { medium: v.emptyDir?.medium, sizeLimit: v.emptyDir?.sizeLimit }, name: v.name };
}

/** The projected volume the ServiceAccount admission plugin adds when a token is automounted. */
export function tokenVolume(name: string): JsonObject {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        {
          downwardAPI: {
            items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
          },
        },
      ],
    },
  };
}

/** The matching read-only mount of the token volume. */
export function tokenMount(name: string): MountSpec {
  return { name, mountPath: TOKEN_MOUNT_PATH, readOnly: true };
}
