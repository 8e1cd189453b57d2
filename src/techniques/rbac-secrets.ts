/**
 * Secrets as RBAC targets: which Secrets a name-limited grant reads, and where a read Secret leads. Only a
 * legacy `kubernetes.io/service-account-token` Secret yields an identity; any other yields the namespace's
 * secrets. `get` carries a name; `list` and `watch` carry one only with a `metadata.name` field selector.
 */
import { memoKey } from '../model/memo.js';
import type { Model } from '../model/model.js';
import { ruleAllows } from '../model/rbac-match.js';
import type { Grant, SecretInfo } from '../model/types.js';
import type { Fix, NodeRef } from './types.js';

const LEGACY_TOKEN = 'kubernetes.io/service-account-token';

/** True for a legacy token Secret whose service account is known. */
export function isLegacyToken(secret: SecretInfo): boolean {
  return secret.type === LEGACY_TOKEN && secret.serviceAccountName !== undefined;
}

/** A token Secret leads to its service account; any other Secret to the namespace's secrets jewel. */
export function secretTarget(secret: SecretInfo): NodeRef {
  return isLegacyToken(secret)
    ? `ServiceAccount/${secret.namespace}/${secret.serviceAccountName}`
    : `jewel:secrets/${secret.namespace}`;
}

/** Deleting a legacy token Secret: the token dies with it. */
export function deleteSecret(secret: SecretInfo): Fix {
  return { remediation: 'delete-legacy-token-secret', target: secret.ref, ops: [{ op: 'delete-object' }] };
}

const SECRETS_BY_NAME = memoKey<ReadonlyMap<string, readonly SecretInfo[]>>('secrets by name');

/** Secrets by name, across namespaces. */
function secretsNamed(model: Model, name: string): readonly SecretInfo[] {
  const index = model.memo.of(SECRETS_BY_NAME, () => {
    const map = new Map<string, SecretInfo[]>();
    for (const secret of model.secrets) {
      const list = map.get(secret.name);
      if (list === undefined) map.set(secret.name, [secret]);
      else list.push(secret);
    }
    return map;
  });
  return index.get(name) ?? [];
}

/** True when the grant reads this Secret by its name. */
export function readsNamed(grant: Grant, secret: SecretInfo): boolean {
  if (grant.scope !== '*' && grant.scope !== secret.namespace) return false;
  return ['get', 'list', 'watch'].some((verb) =>
    ruleAllows(grant.rule, { verb, apiGroup: '', resource: 'secrets', name: secret.name }),
  );
}

/** The Secrets a grant reads by name: those its resourceNames list, in its scope, that exist. */
export function namedSecrets(model: Model, grant: Grant): SecretInfo[] {
  return grant.rule.resourceNames
    .flatMap((name) => secretsNamed(model, name))
    .filter((secret) => readsNamed(grant, secret));
}
