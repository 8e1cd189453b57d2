/**
 * The probe's vocabulary: what one (host, port) looked like from outside, and the findings it gave. The JSON of
 * `ProbeResults` is what `chokepoint probe --format json` writes and `scan --probe-results` reads back.
 */
import type { EffortClass } from '../techniques/remediations.js';

/** The version of the probe results JSON. */
export const PROBE_SCHEMA_VERSION = 1;

/** What a port is expected to serve, from the port table or a flag. */
export type ServiceKind =
  | 'apiserver'
  | 'insecure-apiserver'
  | 'kubelet'
  | 'kubelet-read-only'
  | 'controller-manager'
  | 'scheduler'
  | 'etcd'
  | 'etcd-peer'
  | 'kube-proxy-metrics'
  | 'kube-proxy-health'
  | 'kubectl-proxy'
  | 'dashboard'
  | 'node-port';

/** How a port answered a connection. */
export type PortState = 'open' | 'closed' | 'no-answer' | 'other-protocol' | 'tls-refused' | 'unreachable';

/** Every finding the probe can report; one id, one spelling. */
export type ProbeFindingId =
  | 'apiserver-anonymous-access'
  | 'apiserver-anonymous-discovery'
  | 'apiserver-insecure-port'
  | 'controller-manager-anonymous-access'
  | 'dashboard-exposed'
  | 'dashboard-skip-login'
  | 'etcd-no-client-auth'
  | 'etcd-peer-no-client-auth'
  | 'kube-proxy-metrics-exposed'
  | 'kubectl-proxy-exposed'
  | 'kubelet-anonymous-access'
  | 'kubelet-anonymous-exec'
  | 'kubelet-read-only-port'
  | 'scheduler-anonymous-access'
  | 'tls-san-internal-names';

/** How bad a finding is. */
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** One request the probe sent and the status code it got; bodies are never kept. */
export interface Evidence {
  /** e.g. `GET https://10.0.0.1:6443/api/v1/pods?limit=1`. */
  readonly request: string;
  /** The HTTP status, or what happened instead (`tls: certificate required`). */
  readonly status: number | string;
  /** What the status means here. */
  readonly meaning: string;
}

/** The change that closes a finding, and its effort. */
export interface ProbeFix {
  readonly change: string;
  readonly effort: EffortClass;
}

/** One finding on one (host, port). */
export interface ProbeFinding {
  readonly id: ProbeFindingId;
  readonly severity: Severity;
  readonly host: string;
  readonly port: number;
  readonly title: string;
  readonly evidence: readonly Evidence[];
  readonly fix: ProbeFix;
}

/** What one (host, port) looked like. */
export interface PortResult {
  readonly host: string;
  readonly port: number;
  /** What the port table expects there. */
  readonly expected: ServiceKind;
  readonly state: PortState;
  /** What answered, when identified (e.g. `apiserver`); undefined when nothing Kubernetes-like did. */
  readonly service?: ServiceKind;
  readonly tls: boolean;
  /** Subject alternative names of the serving certificate, when TLS. */
  readonly sans?: readonly string[];
  /** Information that is not a finding: the version, health, why something was not judged. */
  readonly notes: readonly string[];
}

/** The whole probe run. */
export interface ProbeResults {
  readonly schemaVersion: typeof PROBE_SCHEMA_VERSION;
  readonly tool: { readonly name: 'chokepoint'; readonly version: string };
  readonly targets: readonly string[];
  readonly ports: readonly number[];
  readonly results: readonly PortResult[];
  readonly findings: readonly ProbeFinding[];
}
