import { TOKEN_MISTAKES } from '../model/mistake-kinds.js';
import type { ServiceAccountSpec } from '../model/namespace-contents.js';
import type { SecretSpec } from '../model/object-specs.js';
import type { NamespacePlan } from '../model/plan-types.js';
import type { WorkloadSpec } from '../model/workload-spec.js';
import type { Random } from '../random.js';
import { CREDENTIAL_KEYS } from './env-vars.js';

/** ServiceAccounts and the Secrets that belong to them or to workloads. */
export interface AppAccounts {
  readonly serviceAccounts: readonly ServiceAccountSpec[];
  readonly secrets: readonly SecretSpec[];
}

/** `default` plus the planned extras; a legacy token Secret when that mistake is planned here. */
export function appAccounts(ns: NamespacePlan, workloads: readonly WorkloadSpec[], rng: Random): AppAccounts {
  const legacy = ns.mistakes.some((m) => m.kind === 'legacy-token-secret');
  const tokenOwner = ns.serviceAccounts[0] ?? 'default';
  // A powerful SA must keep automounting, or the planted token mistake would be inert.
  const powerful = ns.mistakes.some((m) => TOKEN_MISTAKES.has(m.kind));
  const serviceAccounts = ['default', ...ns.serviceAccounts].map((name, i): ServiceAccountSpec => {
    const created = ns.created + (i === 0 ? 0 : 200 + i * 40);
    return {
      name,
      uid: rng.uid(),
      created,
      automountToken: i > 0 && !(powerful && i === 1) && rng.chance(0.3) ? false : undefined,
      annotations:
        i > 0 && rng.chance(0.15)
          ? { 'eks.amazonaws.com/role-arn': `arn:aws:iam::123456789012:role/${ns.name}-${name}` }
          : undefined,
      tokenSecret: legacy && name === tokenOwner ? `${name}-token-${rng.suffix(5)}` : undefined,
    };
  });
  const secrets: SecretSpec[] = [];
  for (const sa of serviceAccounts) {
    if (sa.tokenSecret === undefined) continue;
    secrets.push({
      name: sa.tokenSecret,
      namespace: ns.name,
      type: 'kubernetes.io/service-account-token',
      keys: ['ca.crt', 'namespace', 'token'],
      annotations: {
        'kubernetes.io/service-account.name': sa.name,
        'kubernetes.io/service-account.uid': sa.uid,
      },
      created: sa.created + 1,
    });
  }
  const credentialNames = new Set<string>();
  for (const w of workloads) {
    for (const env of w.containers[0]!.env) if ('secret' in env) credentialNames.add(env.secret);
  }
  for (const name of credentialNames) {
    secrets.push({
      name,
      namespace: ns.name,
      type: 'Opaque',
      keys: CREDENTIAL_KEYS,
      created: ns.created + 250,
    });
  }
  return { serviceAccounts, secrets };
}
