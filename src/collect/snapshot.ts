/**
 * The snapshot: every object read from a source, slimmed and redacted, with its provenance and the gaps.
 * Everything after `collect` reads only this; nothing here holds a Secret value.
 */

/** Where an object came from: file, 1-based line, document index in the file, and its path inside a List. */
export interface Location {
  readonly file: string;
  readonly line: number;
  /** 0-based index of the YAML document (or JSON value) in the file. */
  readonly doc: number;
  /** Path from the document root to the object when it is an item of a List (e.g. `['items', 3]`). */
  readonly itemPath?: readonly (string | number)[];
  /** The Helm template that rendered the object (its `# Source:` comment), when the input is `helm template` output. */
  readonly template?: string;
}

/** A Kubernetes object pruned to the fields analysis needs (same shape as the API object, fewer fields). */
export interface KubeObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly uid?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
    readonly ownerReferences?: readonly OwnerReference[];
  };
  readonly [key: string]: unknown;
}

/** The owner fields the model needs to collapse Pods into their top owner. */
export interface OwnerReference {
  readonly apiVersion?: string;
  readonly kind: string;
  readonly name: string;
  readonly uid?: string;
  readonly controller?: boolean;
}

/** One object of the snapshot. `ref` is `Kind/namespace/name`, or `Kind/name` when cluster-scoped. */
export interface SnapshotObject {
  readonly ref: string;
  readonly kind: string;
  readonly apiVersion: string;
  readonly namespace?: string;
  readonly name: string;
  readonly object: KubeObject;
  readonly location?: Location;
  /** Live objects: the resourceVersion read (their provenance, with the ref; they have no location). */
  readonly resourceVersion?: string;
}

/** Why part of the input could not be analysed. Gaps are reported, and `--strict` turns them into exit 3. */
export type GapKind =
  | 'parse-error'
  | 'limit-exceeded'
  | 'not-kubernetes'
  | 'forbidden'
  | 'not-found'
  | 'unreadable';

/** What could not be read, where, and what the user can do about it. */
export interface Gap {
  readonly kind: GapKind;
  /** `file:line` for files, or the API kind and namespace for live clusters. */
  readonly where: string;
  readonly message: string;
}

/** Where the snapshot was read from. */
export type SnapshotSource =
  | { readonly type: 'files'; readonly paths: readonly string[] }
  | { readonly type: 'cluster'; readonly server: string; readonly context?: string };

/** Everything read from one source. */
export interface Snapshot {
  readonly source: SnapshotSource;
  readonly objects: readonly SnapshotObject[];
  readonly gaps: readonly Gap[];
  /** Objects per kind, unknown kinds and CRDs included. */
  readonly kindCounts: Readonly<Record<string, number>>;
  /** Kubernetes minor version the snapshot is analysed as, e.g. `1.36`. */
  readonly kubeVersion?: string;
  /** Live snapshots: what the scanning identity itself may do, per namespace (SelfSubjectRulesReview). */
  readonly scanner?: readonly ScannerAccess[];
  /** Live snapshots: who the scanning identity is (SelfSubjectReview), when the server said. */
  readonly scannerIdentity?: ScannerIdentity;
}

/** The scanning identity as the API server authenticated it. */
export interface ScannerIdentity {
  /** `system:serviceaccount:<ns>:<name>` for a ServiceAccount, else the user name. */
  readonly username: string;
  readonly groups: readonly string[];
}

/** The rules a SelfSubjectRulesReview returned in one namespace; `incomplete` when an authorizer could not list. */
export interface ScannerAccess {
  readonly namespace: string;
  readonly incomplete: boolean;
  readonly resourceRules: readonly unknown[];
  readonly nonResourceRules: readonly unknown[];
}

/** Builds the ref of an object: `Kind/namespace/name`, or `Kind/name` when it has no namespace. */
export function objectRef(kind: string, namespace: string | undefined, name: string): string {
  return namespace === undefined ? `${kind}/${name}` : `${kind}/${namespace}/${name}`;
}
