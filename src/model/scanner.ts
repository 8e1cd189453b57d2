/**
 * chokepoint's own identity in a live snapshot: who it ran as (SelfSubjectReview) and the namespaces whose
 * Secrets it may list (SelfSubjectRulesReview, the server's own answer, so it covers system:masters and
 * webhook authorizers that RBAC objects do not show). Its graph node is `scanner:<identity>`, a node of its
 * own: never an entry and never the identity's node, so it shows what the scanner holds without adding risk.
 */
import type { Snapshot } from '../collect/snapshot.js';
import { ruleAllows } from './rbac-match.js';
import { obj, strings } from './read.js';
import type { PolicyRule, Ref } from './types.js';

/** What a live scan says of its own identity. */
export interface ScannerView {
  /** `ServiceAccount/<ns>/<name>`, `User/<name>`, or `User/(unknown)` when the server did not say. */
  readonly identity: Ref;
  /** The graph node of the scanner. */
  readonly node: string;
  readonly groups: readonly string[];
  /** Namespaces whose Secrets the scanner may list, sorted. */
  readonly listsSecretsIn: readonly string[];
  /** Namespaces reviewed. */
  readonly reviewed: readonly string[];
  /** Namespaces whose review an authorizer could not complete. */
  readonly incomplete: readonly string[];
}

const SA_PREFIX = 'system:serviceaccount:';

/** The identity ref of an authenticated user name: a ServiceAccount's own ref, else `User/<name>`. */
export function identityOfUsername(username: string): Ref {
  if (username.startsWith(SA_PREFIX)) {
    const [namespace, name] = username.slice(SA_PREFIX.length).split(':');
    if (namespace && name) return `ServiceAccount/${namespace}/${name}`;
  }
  return `User/${username}`;
}

function ruleOf(raw: unknown): PolicyRule {
  const rule = obj(raw);
  return {
    verbs: strings(rule.verbs),
    apiGroups: strings(rule.apiGroups),
    resources: strings(rule.resources),
    resourceNames: strings(rule.resourceNames),
    nonResourceURLs: [],
  };
}

/** The scanner's view, for a live snapshot (undefined for files, which have no scanner). */
export function scannerOf(snapshot: Snapshot): ScannerView | undefined {
  if (snapshot.scanner === undefined && snapshot.scannerIdentity === undefined) return undefined;
  const username = snapshot.scannerIdentity?.username;
  const identity = username === undefined ? 'User/(unknown)' : identityOfUsername(username);
  const reviews = snapshot.scanner ?? [];
  const lists = (rules: readonly unknown[], namespace: string) =>
    rules.some((raw) =>
      (['list', 'watch'] as const).some((verb) =>
        ruleAllows(ruleOf(raw), { verb, apiGroup: '', resource: 'secrets', namespace }),
      ),
    );
  return {
    identity,
    node: `scanner:${identity}`,
    groups: snapshot.scannerIdentity?.groups ?? [],
    listsSecretsIn: reviews.filter((r) => lists(r.resourceRules, r.namespace)).map((r) => r.namespace),
    reviewed: reviews.map((r) => r.namespace),
    incomplete: reviews.filter((r) => r.incomplete).map((r) => r.namespace),
  };
}
