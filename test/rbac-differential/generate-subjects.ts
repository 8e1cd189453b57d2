/**
 * Who the generated bindings name: Users, Groups (an implicit `system:serviceaccounts:<ns>` one too),
 * ServiceAccounts with and without a namespace, users named `system:serviceaccount:<ns>:<name>`, and a user
 * name that only looks like one. Every name carries the world's prefix.
 */
import type { Random } from './seeded-random.js';

/** The RBAC API group subjects and roleRefs name. */
export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** The identities of one world. */
export interface SubjectPool {
  readonly prefix: string;
  readonly namespaces: readonly [string, string, string];
  /** [namespace, name] of each ServiceAccount. */
  readonly accounts: readonly (readonly [string, string])[];
  readonly users: readonly string[];
  readonly groups: readonly string[];
  /** `system:serviceaccount:<ns>` without a name: an ordinary User. */
  readonly malformedSaUser: string;
}

/** The identities of the world with this prefix. */
export function subjectPool(prefix: string): SubjectPool {
  const namespaces = [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`] as const;
  const [nsA, nsB, nsC] = namespaces;
  return {
    prefix,
    namespaces,
    accounts: [
      [nsA, 'sa-1'],
      [nsA, 'sa-2'],
      [nsB, 'sa-1'],
      [nsB, 'builder'],
      [nsC, 'sa-1'],
    ],
    users: [`${prefix}-alice`, `${prefix}-bob`, `${prefix}-carol`],
    groups: [`${prefix}-devs`, `${prefix}-ops`, `system:serviceaccounts:${nsC}`],
    malformedSaUser: `system:serviceaccount:${nsA}`,
  };
}

/** The identity refs worth asking about. */
export function identitiesOf(pool: SubjectPool): string[] {
  return [
    ...pool.users.map((u) => `User/${u}`),
    `User/${pool.prefix}-nobody`,
    `User/${pool.malformedSaUser}`,
    // The user name a ServiceAccount authenticates as: the same identity as ServiceAccount/<ns>/sa-1.
    `User/system:serviceaccount:${pool.namespaces[0]}:sa-1`,
    ...pool.groups.map((g) => `Group/${g}`),
    ...pool.accounts.map(([ns, name]) => `ServiceAccount/${ns}/${name}`),
  ];
}

/** A ServiceAccount subject without a namespace: in a RoleBinding, the binding's own namespace is meant. */
export function localAccount(
  rng: Random,
  pool: SubjectPool,
  bindingNamespace: string,
): Record<string, unknown> {
  const local = pool.accounts.filter(([ns]) => ns === bindingNamespace).map(([, name]) => name);
  return { kind: 'ServiceAccount', name: rng.pick(local.length > 0 ? local : ['sa-1']) };
}

/** One random subject; namespace-less ServiceAccounts only in a RoleBinding (`bindingNamespace` set). */
function subject(
  rng: Random,
  pool: SubjectPool,
  bindingNamespace: string | undefined,
): Record<string, unknown> {
  const roll = rng.next();
  const [saNs, saName] = rng.pick(pool.accounts);
  const user = (name: string) => ({ kind: 'User', apiGroup: RBAC_GROUP, name });
  if (roll < 0.22) return user(rng.pick(pool.users));
  if (roll < 0.34) return user(`system:serviceaccount:${saNs}:${saName}`);
  if (roll < 0.38) return user(pool.malformedSaUser);
  if (roll < 0.6) return { kind: 'Group', apiGroup: RBAC_GROUP, name: rng.pick(pool.groups) };
  if (bindingNamespace !== undefined && roll < 0.8) return localAccount(rng, pool, bindingNamespace);
  return { kind: 'ServiceAccount', name: saName, namespace: saNs };
}

/** One to three random subjects for a binding in `bindingNamespace` (undefined: a ClusterRoleBinding). */
export function subjects(rng: Random, pool: SubjectPool, bindingNamespace: string | undefined) {
  return Array.from({ length: rng.int(1, 3) }, () => subject(rng, pool, bindingNamespace));
}
