/** Object counts the generator aims for; every field is an exact total in the dump. */
export interface ClusterSize {
  readonly name: SizeName;
  readonly nodes: number;
  readonly pods: number;
  readonly namespaces: number;
  readonly services: number;
  readonly ingresses: number;
  readonly roleBindings: number;
  readonly clusterRoleBindings: number;
  readonly roles: number;
  readonly clusterRoles: number;
  readonly serviceAccounts: number;
  readonly networkPolicies: number;
}

/** Named presets, from a small smoke-test cluster up to a very large one. */
export const SIZE_NAMES = ['R1k', 'R15k', 'R30k', 'R150k'] as const;

/** One of the preset names. */
export type SizeName = (typeof SIZE_NAMES)[number];

type Counts = Omit<ClusterSize, 'name'>;

/** The R150k table every other preset is scaled from. */
export const REFERENCE_COUNTS: Counts = {
  nodes: 5000,
  pods: 150000,
  namespaces: 10000,
  services: 10000,
  ingresses: 2000,
  roleBindings: 20000,
  clusterRoleBindings: 1500,
  roles: 6000,
  clusterRoles: 1500,
  serviceAccounts: 15000,
  networkPolicies: 5000,
};

/** How far each preset is scaled down from the reference. */
export const SIZE_DIVISORS: Readonly<Record<SizeName, number>> = { R1k: 150, R15k: 10, R30k: 5, R150k: 1 };

// Floors keep tiny presets viable: the built-in system namespaces, RBAC and add-ons need room
// before any application object fits, and every planted mistake needs somewhere to live.
const MINIMUM_COUNTS: Counts = {
  nodes: 6,
  pods: 300,
  namespaces: 20,
  services: 20,
  ingresses: 4,
  roleBindings: 30,
  clusterRoleBindings: 30,
  roles: 20,
  clusterRoles: 34,
  serviceAccounts: 45,
  networkPolicies: 10,
};

/** True when the string names a preset. */
export function isSizeName(value: string): value is SizeName {
  return (SIZE_NAMES as readonly string[]).includes(value);
}

/** The exact target counts for a preset. */
export function clusterSize(name: SizeName): ClusterSize {
  const divisor = SIZE_DIVISORS[name];
  const scaled = {} as Record<keyof Counts, number>;
  for (const key of Object.keys(REFERENCE_COUNTS) as (keyof Counts)[]) {
    scaled[key] = Math.max(MINIMUM_COUNTS[key], Math.round(REFERENCE_COUNTS[key] / divisor));
  }
  return { name, ...scaled };
}
