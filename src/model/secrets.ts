/** Secrets and ConfigMaps without their values: types, token owners and credential-like key names. */
import type { SnapshotObject } from '../collect/snapshot.js';
import { namespaceOf } from './owners.js';
import { str, stringMap, strings, uniqueSorted } from './read.js';
import type { ConfigMapInfo, SecretInfo } from './types.js';

const SA_TOKEN_TYPE = 'kubernetes.io/service-account-token';
const SA_NAME_ANNOTATION = 'kubernetes.io/service-account.name';
/** Added by the collector: the keys of a ConfigMap whose names or values look like credentials. */
export const CREDENTIAL_KEYS_FIELD = 'x-chokepoint.credentialLikeKeys';

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

/** The collector's credential-like keys: a field on the object, or an annotation (JSON list or comma list). */
function credentialLikeKeys(so: SnapshotObject): string[] {
  const field = so.object[CREDENTIAL_KEYS_FIELD];
  if (Array.isArray(field)) return uniqueSorted(strings(field));
  const annotation = stringMap(so.object.metadata?.annotations)[CREDENTIAL_KEYS_FIELD];
  if (annotation === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(annotation);
    if (Array.isArray(parsed)) return uniqueSorted(strings(parsed));
  } catch {
    // Not JSON: a comma-separated list.
  }
  return uniqueSorted(
    annotation
      .split(',')
      .map((key) => key.trim())
      .filter((key) => key !== ''),
  );
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
