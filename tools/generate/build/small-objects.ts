import type { KubeObject } from '../json-types.js';
import type { ServiceAccountSpec } from '../model/namespace-contents.js';
import type { NetworkPolicySpec, SecretSpec } from '../model/object-specs.js';
import type { Random } from '../random.js';
import { objectMeta } from './meta.js';
import { simpleMeta } from './simple-meta.js';

/** A ServiceAccount; lists its legacy token Secret when it has one. */
export function renderServiceAccount(sa: ServiceAccountSpec, namespace: string, rng: Random): KubeObject {
  return {
    apiVersion: 'v1',
    automountServiceAccountToken: sa.automountToken,
    kind: 'ServiceAccount',
    metadata: objectMeta({
      name: sa.name,
      namespace,
      uid: sa.uid,
      created: sa.created,
      rng,
      annotations: sa.annotations,
    }),
    secrets: sa.tokenSecret === undefined ? undefined : [{ name: sa.tokenSecret }],
  };
}

// Values decode to text that is plainly fake, so nobody mistakes the dump for a leak.
function fakeValue(key: string, rng: Random): string {
  const text =
    key === 'tls.crt' || key === 'ca.crt'
      ? `-----BEGIN CERTIFICATE-----\nFAKE-CERTIFICATE-${rng.hex(32)}\n-----END CERTIFICATE-----\n`
      : key === 'tls.key'
        ? `-----BEGIN PRIVATE KEY-----\nFAKE-KEY-${rng.hex(32)}\n-----END PRIVATE KEY-----\n`
        : key === 'token'
          ? `fake.${rng.hex(24)}.not-a-real-jwt`
          : `fake-${key}-${rng.hex(12)}`;
  return Buffer.from(text, 'utf8').toString('base64');
}

/** A Secret with fake base64 data under its keys. */
export function renderSecret(s: SecretSpec, rng: Random): KubeObject {
  const data: Record<string, string> = {};
  for (const key of s.keys)
    data[key] = key === 'namespace' ? Buffer.from(s.namespace).toString('base64') : fakeValue(key, rng);
  return {
    apiVersion: 'v1',
    data,
    kind: 'Secret',
    metadata: objectMeta({
      name: s.name,
      namespace: s.namespace,
      uid: rng.uid(),
      created: s.created,
      rng,
      annotations: s.annotations,
    }),
    type: s.type,
  };
}

/** A NetworkPolicy exactly as planned. */
export function renderNetworkPolicy(p: NetworkPolicySpec, rng: Random): KubeObject {
  const metadata = simpleMeta({
    name: p.name,
    namespace: p.namespace,
    created: p.created,
    apiVersion: 'networking.k8s.io/v1',
    manager: 'kubectl-client-side-apply',
    body: { spec: p.spec },
    rng,
  });
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata, spec: p.spec };
}
