/**
 * What the analysis assumes about the threat: which threat models apply and how much, entry priors, jewel values,
 * effort hours and the plan's limits. Defaults here; `chokepoint.yaml` overrides them.
 */
import type { ModelOptions } from '../model/build-model.js';
import type { ProbeResults } from '../probe/types.js';
import { DEFAULT_EFFORT_HOURS, type EffortClass } from '../techniques/remediations.js';
import type { TechniqueId, ThreatModel } from '../techniques/types.js';

/** Kinds of internet exposure, each with its own prior. */
export type ExposureKind =
  | 'LoadBalancer'
  | 'NodePort'
  | 'Ingress'
  | 'ExternalIP'
  | 'hostPort'
  | 'ControlPlane'
  | 'anonymous'
  | 'probed';

/** A risk the team accepts: edges of `technique` that touch an object whose ref matches the glob `object`. */
export interface AcceptedRisk {
  readonly technique: TechniqueId | '*';
  /** A glob on refs: `*` stays within one ref segment, `**` crosses them. */
  readonly object: string;
  readonly reason: string;
  /** When the acceptance lapses: an ISO date (`2026-12-31`, end of that day UTC) or date-time. */
  readonly expires: string;
}

/** Jewel values that differ from the defaults: 0 means "not a jewel". Keys are namespaces, pools and refs. */
export interface JewelOverrides {
  /** `jewel:secrets/<namespace>`. */
  readonly secrets: Readonly<Record<string, number>>;
  /** `jewel:node-root/<node or pool>`. */
  readonly nodeRoot: Readonly<Record<string, number>>;
  /** Workload refs: reaching any container of the workload is the jewel `jewel:workload/<ref>`. */
  readonly workloads: Readonly<Record<string, number>>;
}

/** Every analysis setting, resolved. Probabilities are in (0, 1]; weights are percentages. */
export interface AnalysisConfig {
  readonly threatModels: Readonly<
    Record<ThreatModel, { readonly enabled: boolean; readonly weight: number }>
  >;
  readonly priors: {
    readonly external: Readonly<Record<ExposureKind, number>>;
    /** Any container may be compromised; exposed ones more so. */
    readonly container: { readonly base: number; readonly exposed: number };
    readonly credentials: {
      readonly user: number;
      readonly group: number;
      readonly legacyToken: number;
      readonly leaked: number;
    };
  };
  /** Identity refs whose credentials are known to have leaked. */
  readonly leakedCredentials: readonly string[];
  /** What `chokepoint probe` saw (`scan --probe-results` or `--probe`): its findings become external entries. */
  readonly probeResults?: ProbeResults;
  /** Jewel values: how much reaching each matters, as a probability-like weight. */
  readonly jewels: {
    readonly clusterAdmin: number;
    readonly nodeRoot: number;
    readonly secrets: number;
    /** Reading any node file (the /var/log symlink): node credentials in plain view, less than root. */
    readonly nodeFileRead: number;
  };
  readonly jewelOverrides: JewelOverrides;
  /** Accepted risks, expired ones included (the report says which lapsed). */
  readonly acceptedRisks: readonly AcceptedRisk[];
  /** The moment accepted risks are judged at (ISO); undefined means none has lapsed. */
  readonly now?: string;
  /** Admission policies beyond PSA the user says are in force, stated in the report as assumptions. */
  readonly assumedPolicies: readonly string[];
  readonly effortHours: Readonly<Record<EffortClass, number>>;
  /** The one thing must take at most this many hours. */
  readonly oneThingMaxHours: number;
  /** Plan budget in hours; undefined means no budget (the plan stops at `maxPlanItems`). */
  readonly budgetHours?: number;
  readonly maxPlanItems: number;
  /**
   * Re-run the plan's end state in full and check it against the graph edits (`--check-plan`); off by default,
   * since it costs a second analysis and the tests check the same on generated clusters.
   */
  readonly checkPlan: boolean;
  readonly model: ModelOptions;
}

/** The defaults, stated in the README. */
export const DEFAULT_CONFIG: AnalysisConfig = {
  threatModels: {
    external: { enabled: true, weight: 100 },
    container: { enabled: true, weight: 100 },
    credentials: { enabled: true, weight: 100 },
  },
  priors: {
    external: {
      LoadBalancer: 1,
      Ingress: 1,
      NodePort: 0.6,
      ExternalIP: 0.6,
      hostPort: 0.3,
      ControlPlane: 0.6,
      // Anonymous API access with real grants: anyone who reaches the API server holds them.
      anonymous: 1,
      // A door `chokepoint probe` saw open: no guess about reachability left.
      probed: 1,
    },
    container: { base: 0.1, exposed: 0.3 },
    credentials: { user: 0.1, group: 0.05, legacyToken: 0.3, leaked: 1 },
  },
  leakedCredentials: [],
  jewels: { clusterAdmin: 1, nodeRoot: 0.7, secrets: 0.5, nodeFileRead: 0.4 },
  jewelOverrides: { secrets: {}, nodeRoot: {}, workloads: {} },
  acceptedRisks: [],
  assumedPolicies: [],
  effortHours: DEFAULT_EFFORT_HOURS,
  oneThingMaxHours: 8,
  maxPlanItems: 25,
  checkPlan: false,
  model: {},
};

/** Returns the config with only the named threat models enabled (the `--threat-model` flag). */
export function withThreatModels(config: AnalysisConfig, enabled: readonly ThreatModel[]): AnalysisConfig {
  const threatModels = { ...config.threatModels };
  for (const name of Object.keys(threatModels) as ThreatModel[]) {
    threatModels[name] = { ...threatModels[name], enabled: enabled.includes(name) };
  }
  return { ...config, threatModels };
}
