/**
 * Failed reads of a live scan, folded into one gap per kind and cause so the report can say it plainly at the
 * top: "secrets in 3 namespaces (a, b, c): forbidden — findings that need them may be missing".
 */
import type { Gap, GapKind } from '../snapshot.js';

/** One list that could not be read: a kind (plural), cluster-wide or in one namespace. */
export interface ReadFailure {
  readonly plural: string;
  readonly namespace?: string;
  readonly status?: number;
  readonly reason: string;
  /** The kind of gap when no HTTP status says it: an answer that is not a list, an object nested too deep. */
  readonly kind?: GapKind;
}

/** Namespaces named in a gap before the rest are counted. */
const NAMED = 5;

function gapKindOf(failure: ReadFailure): GapKind {
  if (failure.kind !== undefined) return failure.kind;
  if (failure.status === 403 || failure.status === 401) return 'forbidden';
  if (failure.status === 404) return 'not-found';
  return 'unreadable';
}

const CAUSE: Readonly<Record<GapKind, string>> = {
  forbidden: 'forbidden',
  'not-found': 'not found (the server does not serve it)',
  unreadable: 'the server did not answer in time',
  'parse-error': 'unreadable answer',
  'limit-exceeded': 'over a limit',
  'not-kubernetes': 'not a Kubernetes answer',
};

const TODO: Readonly<Record<GapKind, string>> = {
  forbidden: 'grant the scanning identity the role in examples/rbac/',
  'not-found': 'nothing to do if the cluster does not use it',
  unreadable: 'retry later, or raise --request-timeout',
  'parse-error': 'retry; report it if it persists',
  // A retry reads the same objects: the detail says which limit, and how to raise it when a flag can.
  'limit-exceeded': 'a retry reads the same; report it if the cluster really holds such objects',
  'not-kubernetes': 'check that --context points at an API server',
};

/** One gap per (kind, cause), namespaces sorted and counted; sorted by where. */
export function liveGaps(failures: readonly ReadFailure[]): Gap[] {
  const groups = new Map<string, { kind: GapKind; plural: string; namespaces: string[]; detail: string }>();
  for (const failure of failures) {
    const kind = gapKindOf(failure);
    const key = `${failure.plural}\u0000${kind}\u0000${failure.namespace === undefined ? 'cluster' : 'ns'}`;
    const group = groups.get(key) ?? { kind, plural: failure.plural, namespaces: [], detail: failure.reason };
    if (failure.namespace !== undefined) group.namespaces.push(failure.namespace);
    groups.set(key, group);
  }
  const gaps = [...groups.values()].map((group): Gap => {
    const where = whereOf(group.plural, group.namespaces.sort());
    const detailed =
      group.kind === 'unreadable' || group.kind === 'parse-error' || group.kind === 'limit-exceeded';
    const cause = detailed ? `${CAUSE[group.kind]} (${group.detail})` : CAUSE[group.kind];
    return {
      kind: group.kind,
      where,
      message: `${where}: ${cause} — findings that need them may be missing; ${TODO[group.kind]}`,
    };
  });
  return gaps.sort((a, b) => (a.where < b.where ? -1 : a.where > b.where ? 1 : 0));
}

function whereOf(plural: string, namespaces: readonly string[]): string {
  if (namespaces.length === 0) return plural;
  const named = namespaces.slice(0, NAMED).join(', ');
  const more = namespaces.length > NAMED ? `, and ${namespaces.length - NAMED} more` : '';
  const count = namespaces.length === 1 ? '1 namespace' : `${namespaces.length} namespaces`;
  return `${plural} in ${count} (${named}${more})`;
}
