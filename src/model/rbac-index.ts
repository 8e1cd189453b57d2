/**
 * RBAC queries over bound subjects: group membership, grants per identity, `can` and `whoCan`. Bound subjects
 * are indexed by subject and by scope once, and rule matching runs once per role rule list, so a query costs
 * the identity's bindings plus its roles' rules, never rules × bindings.
 */

import { type Memo, memoKey } from './memo.js';
import { serviceAccountOfUser } from './rbac-bindings.js';
import {
  boundGrants,
  compareBound,
  type GrantTable,
  grantAt,
  grantsWhere,
  grantTableOf,
} from './rbac-grants.js';
import { ruleAllows } from './rbac-match.js';
import { compareStrings, groupBy } from './read.js';
import type { AccessRequest, BoundSubject, Grant, PolicyRule, Ref } from './types.js';

/** The group that bypasses RBAC: the API server allows its members before any authorizer runs. */
export const MASTERS_GROUP = 'system:masters';

const ALL: PolicyRule = {
  verbs: ['*'],
  apiGroups: ['*'],
  resources: ['*'],
  resourceNames: [],
  nonResourceURLs: ['*'],
};

/** Grant order: binding, subject, rule; the "first grant" of `can` follows it. */
export function compareGrants(a: Grant, b: Grant): number {
  return (
    compareStrings(a.binding, b.binding) ||
    a.subjectIndex - b.subjectIndex ||
    a.ruleIndex - b.ruleIndex ||
    compareStrings(a.subject, b.subject) ||
    compareStrings(a.scope, b.scope)
  );
}

/**
 * The identity ref bindings use for this one: `User/system:serviceaccount:<ns>:<name>` is the user name of
 * `ServiceAccount/<ns>/<name>`, and the API server matches that SA's bindings for it.
 */
export function canonicalIdentity(identity: Ref): Ref {
  if (!identity.startsWith('User/')) return identity;
  const account = serviceAccountOfUser(identity.slice('User/'.length));
  return account === undefined ? identity : `ServiceAccount/${account.namespace}/${account.name}`;
}

/** The groups every authenticated identity of this ref carries (what its credential asserts). */
export function implicitGroups(identity: Ref): string[] {
  if (identity.startsWith('ServiceAccount/')) {
    const namespace = identity.split('/')[1] ?? '';
    return ['system:authenticated', 'system:serviceaccounts', `system:serviceaccounts:${namespace}`];
  }
  if (identity === 'User/system:anonymous') return ['system:unauthenticated'];
  if (identity.startsWith('User/system:node:')) return ['system:authenticated', 'system:nodes'];
  if (identity.startsWith('User/')) return ['system:authenticated'];
  return [];
}

/**
 * The namespace the authorizer sees. For the `namespaces` resource itself, the API server's RequestInfo
 * (`/api/v1/namespaces/{name}`) sets the namespace attribute to that name, so a RoleBinding in `foo` granting
 * `patch namespaces` does let its subject relabel `foo` (k8s.io/apiserver/pkg/endpoints/request/requestinfo.go).
 */
export function requestNamespace(request: AccessRequest): string | undefined {
  if (request.apiGroup === '' && request.resource === 'namespaces' && request.name) return request.name;
  return request.namespace;
}

/** True when a grant's scope covers the request: `*` everywhere, a namespace only inside it. */
export function scopeCovers(scope: string, namespace: string | undefined): boolean {
  return scope === '*' || (namespace !== undefined && scope === namespace);
}

/** The RBAC query functions of a model. */
export interface RbacIndex {
  groupsOf(identity: Ref): readonly string[];
  grantsOf(identity: Ref): readonly Grant[];
  can(identity: Ref, request: AccessRequest): Grant | undefined;
  whoCan(request: AccessRequest): readonly Grant[];
}

/** What the RBAC queries remember, all released with the model's memo, and the grant table they share. */
interface Answers {
  readonly table: GrantTable;
  readonly clusterWide: Map<string, readonly Grant[]>;
  readonly bound: Map<Ref, readonly BoundSubject[]>;
  readonly grants: Map<Ref, readonly Grant[]>;
}

const ANSWERS = memoKey<Answers>('rbac answers');

/** Indexes sorted bound subjects by subject and scope and answers RBAC queries; memoises per identity. */
export function rbacIndex(bound: readonly BoundSubject[], memo: Memo): RbacIndex {
  const bySubject = groupBy(bound, (item) => item.subject);
  // Rule matching ignores the namespace, so cluster-wide matches are shared by every namespace's query.
  const byScope = groupBy(bound, (item) => item.scope);
  const answers = (): Answers =>
    memo.of(ANSWERS, () => ({
      table: grantTableOf(memo),
      clusterWide: new Map(),
      bound: new Map(),
      grants: new Map(),
    }));
  const groupsOf = (identity: Ref): readonly string[] => implicitGroups(canonicalIdentity(identity));
  /** The bound subjects that apply to an identity, directly or through its groups, in bound order. */
  const boundOf = (identity: Ref, memos: Answers): readonly BoundSubject[] => {
    const cached = memos.bound.get(identity);
    if (cached !== undefined) return cached;
    const direct = bySubject.get(identity) ?? [];
    const viaGroups = groupsOf(identity).flatMap((group) => bySubject.get(`Group/${group}`) ?? []);
    const all = viaGroups.length === 0 ? direct : [...direct, ...viaGroups].sort(compareBound);
    memos.bound.set(identity, all);
    return all;
  };
  const grantsOf = (asked: Ref): readonly Grant[] => {
    const identity = canonicalIdentity(asked);
    const memos = answers();
    const cached = memos.grants.get(identity);
    if (cached !== undefined) return cached;
    const all = boundOf(identity, memos).flatMap((item) => boundGrants(memos.table, item));
    memos.grants.set(identity, all);
    return all;
  };
  const isMaster = (identity: Ref): boolean =>
    identity === `Group/${MASTERS_GROUP}` || groupsOf(identity).includes(MASTERS_GROUP);
  return {
    groupsOf,
    grantsOf,
    can(identity, request) {
      if (isMaster(identity)) {
        const binding = `Group/${MASTERS_GROUP}`;
        return {
          subject: identity,
          scope: '*',
          rule: ALL,
          ruleIndex: 0,
          binding,
          role: binding,
          subjectIndex: 0,
        };
      }
      const namespace = requestNamespace(request);
      const memos = answers();
      for (const item of boundOf(canonicalIdentity(identity), memos)) {
        if (!scopeCovers(item.scope, namespace)) continue;
        const position = item.rules.rules.findIndex(({ rule }) => ruleAllows(rule, request));
        if (position >= 0) return grantAt(memos.table, item, position);
      }
      return undefined;
    },
    whoCan(request) {
      const key = JSON.stringify([
        request.verb,
        request.apiGroup,
        request.resource,
        request.subresource,
        request.name,
      ]);
      const memos = answers();
      let clusterWide = memos.clusterWide.get(key);
      if (clusterWide === undefined) {
        clusterWide = grantsWhere(memos.table, byScope.get('*') ?? [], (rule) => ruleAllows(rule, request));
        memos.clusterWide.set(key, clusterWide);
      }
      const namespace = requestNamespace(request);
      if (namespace === undefined) return clusterWide;
      const local = grantsWhere(memos.table, byScope.get(namespace) ?? [], (rule) =>
        ruleAllows(rule, request),
      );
      return local.length === 0 ? clusterWide : [...clusterWide, ...local].sort(compareGrants);
    },
  };
}
