import {
  MISTAKE_KINDS,
  type MistakeKind,
  POD_LEVEL_MISTAKES,
  TOKEN_MISTAKES,
} from '../model/mistake-kinds.js';
import type { NamespacePlan, PlannedMistake } from '../model/plan-types.js';
import type { Random } from '../random.js';

/** Share of application workloads carrying each mistake; all far below 1%. */
const RATES: Readonly<Record<MistakeKind, number>> = {
  privileged: 0.003,
  'host-path-root': 0.0012,
  'docker-socket': 0.0015,
  'containerd-socket': 0.001,
  'cap-sys-admin': 0.002,
  'cap-sys-module': 0.0008,
  'host-pid': 0.0012,
  'host-network': 0.002,
  'cluster-admin-token': 0.0004,
  'pod-create-token': 0.002,
  'secret-read-token': 0.003,
  'exposed-service': 0.002,
  'legacy-token-secret': 0.0004,
  'latest-tag': 0.005,
  'secret-env': 0.004,
};

// At the smallest size a single instance of the rarest kinds already is ~0.3% of workloads.
const MINIMUM: Partial<Record<MistakeKind, number>> = { 'cluster-admin-token': 1, 'legacy-token-secret': 1 };

/** Namespace fields the planner needs; budgets are final by the time mistakes are placed. */
export type MistakeCandidate = Pick<
  NamespacePlan,
  'index' | 'system' | 'pods' | 'services' | 'roles' | 'roleBindings' | 'serviceAccounts' | 'psa'
>;

function eligible(kind: MistakeKind, ns: MistakeCandidate, placed: readonly PlannedMistake[]): boolean {
  if (ns.system) return false;
  if (kind === 'legacy-token-secret') return true;
  if (ns.pods < 1) return false;
  if (POD_LEVEL_MISTAKES.has(kind)) return ns.psa === undefined || ns.psa === 'privileged';
  if (TOKEN_MISTAKES.has(kind)) {
    if (ns.serviceAccounts.length === 0 || placed.some((m) => TOKEN_MISTAKES.has(m.kind))) return false;
    return kind === 'cluster-admin-token' || (ns.roles >= 1 && ns.roleBindings >= 1);
  }
  if (kind === 'exposed-service') {
    return (
      ns.services >= 1 && placed.some((m) => POD_LEVEL_MISTAKES.has(m.kind) || TOKEN_MISTAKES.has(m.kind))
    );
  }
  return true;
}

/** How many instances of each kind a cluster with this many app pods gets. */
export function mistakeCounts(appPods: number): Record<MistakeKind, number> {
  const workloads = appPods / 2.6;
  const counts = {} as Record<MistakeKind, number>;
  for (const kind of MISTAKE_KINDS)
    counts[kind] = Math.max(MINIMUM[kind] ?? 2, Math.round(RATES[kind] * workloads));
  return counts;
}

/**
 * Place mistakes on namespaces. Each gets a slot (which long-running workload carries it);
 * exposed Services reuse the slot of an earlier mistake so the exposure fronts a risky pod.
 */
export function planMistakes(
  namespaces: readonly MistakeCandidate[],
  counts: Readonly<Record<MistakeKind, number>>,
  rng: Random,
): Map<number, PlannedMistake[]> {
  const placed = new Map<number, PlannedMistake[]>();
  // Exposure goes last: it needs the other mistakes to be in place already.
  const order: MistakeKind[] = [
    ...MISTAKE_KINDS.filter((k) => k !== 'exposed-service'),
    'exposed-service' as const,
  ];
  for (const kind of order) {
    for (let n = 0; n < counts[kind]; n++) {
      const pool = namespaces.filter((ns) => eligible(kind, ns, placed.get(ns.index) ?? []));
      if (pool.length === 0) throw new Error(`no namespace can host mistake ${kind}; cluster too small`);
      // Prefer namespaces without this kind yet, so instances spread out.
      const fresh = pool.filter((ns) => !(placed.get(ns.index) ?? []).some((m) => m.kind === kind));
      const ns = rng.pick(fresh.length > 0 ? fresh : pool);
      const list = placed.get(ns.index) ?? [];
      const risky = list.filter((m) => POD_LEVEL_MISTAKES.has(m.kind) || TOKEN_MISTAKES.has(m.kind));
      const slot = kind === 'exposed-service' ? rng.pick(risky).slot : list.length;
      list.push({ kind, slot });
      placed.set(ns.index, list);
    }
  }
  return placed;
}
