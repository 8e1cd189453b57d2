/**
 * Jewel values as integer costs: the defaults per kind, the user's per-namespace, per-pool and per-workload
 * overrides, and workload jewels (reaching any container of a named workload is `jewel:workload/<ref>`).
 */
import { costOfProbability } from '../techniques/likelihood.js';
import type { AnalysisConfig } from './config.js';
import type { JewelCost } from './risk.js';

/** How the risk computation sees jewels: what each seeded node costs, and which jewel it stands for. */
export interface Jewels {
  readonly cost: JewelCost;
  readonly name: (ref: string) => string;
}

/** The ref of a workload jewel. */
export function workloadJewelRef(workload: string): string {
  return `jewel:workload/${workload}`;
}

/** A value of 0 means "not a jewel", so its node is never seeded. */
function costOrNone(value: number): number | undefined {
  return value > 0 ? costOfProbability(value) : undefined;
}

/** The jewels of a config. */
export function jewelsOf(config: AnalysisConfig): Jewels {
  const { jewels, jewelOverrides } = config;
  const clusterAdmin = costOrNone(jewels.clusterAdmin);
  const workloads = new Map(Object.entries(jewelOverrides.workloads).map(([ref, v]) => [ref, costOrNone(v)]));
  const byKind = (prefix: string, fallback: number, overrides: Readonly<Record<string, number>>) => {
    const base = costOrNone(fallback);
    return (ref: string) => {
      const key = ref.slice(prefix.length);
      return Object.hasOwn(overrides, key) ? costOrNone(overrides[key]!) : base;
    };
  };
  const nodeRoot = byKind('jewel:node-root/', jewels.nodeRoot, jewelOverrides.nodeRoot);
  const secrets = byKind('jewel:secrets/', jewels.secrets, jewelOverrides.secrets);
  const nodeFileRead = costOrNone(jewels.nodeFileRead);
  // A container node (`Kind/ns/name#container`) of a workload jewel is that jewel.
  const workloadOf = (ref: string) => {
    const hash = ref.indexOf('#');
    return hash > 0 && workloads.size > 0 ? ref.slice(0, hash) : undefined;
  };
  const cost: JewelCost = (ref) => {
    if (ref === 'jewel:cluster-admin') return clusterAdmin;
    if (ref.startsWith('jewel:node-root/')) return nodeRoot(ref);
    if (ref.startsWith('jewel:secrets/')) return secrets(ref);
    if (ref.startsWith('jewel:node-file-read/')) return nodeFileRead;
    const workload = workloadOf(ref);
    return workload === undefined ? undefined : workloads.get(workload);
  };
  const name = (ref: string) => {
    const workload = workloadOf(ref);
    return workload !== undefined && workloads.has(workload) ? workloadJewelRef(workload) : ref;
  };
  return { cost, name };
}
