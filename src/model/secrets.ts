/** Secrets and ConfigMaps without their values: types, token owners and credential-like key names. */
import type { SnapshotObject } from '../collect/snapshot.js';
import { namespaceOf } from './owners.js';
import { obj, str, stringMap, strings, uniqueSorted } from './read.js';
import type { ConfigMapInfo, SecretInfo } from './types.js';

const SA_TOKEN_TYPE = 'kubernetes.io/service-account-token';
const SA_NAME_ANNOTATION = 'kubernetes.io/service-account.name';
/** The side field the collector adds to Secrets and ConfigMaps (see collect/prune). */
const X_CHOKEPOINT = 'x-chokepoint';

/** A Secret: type and, for legacy token Secrets, the SA whose token it holds. */
export function secretOf(so: SnapshotObject): SecretInfo {
  const type = str(so.object.type) ?? 'Opaque';
  const serviceAccountName =
    type === SA_TOKEN_TYPE ? stringMap(so.object.metadata?.annotations)[SA_NAME_ANNOTATION] : undefined;
  return {
    ref: so.ref,
    namespace: namespaceOf(so),
    name: so.name,
    type,
    ...(serviceAccountName !== undefined ? { serviceAccountName } : {}),
    ...(so.location !== undefined ? { location: so.location } : {}),
  };
}

/** The keys the collector flagged (`x-chokepoint.credentialLikeKeys`) before it dropped the values. */
function credentialLikeKeys(so: SnapshotObject): string[] {
  return uniqueSorted(strings(obj(so.object[X_CHOKEPOINT]).credentialLikeKeys));
}

/** A ConfigMap: only which keys look like credentials. */
export function configMapOf(so: SnapshotObject): ConfigMapInfo {
  return {
    ref: so.ref,
    namespace: namespaceOf(so),
    name: so.name,
    credentialLikeKeys: credentialLikeKeys(so),
    ...(so.location !== undefined ? { location: so.location } : {}),
  };
}
