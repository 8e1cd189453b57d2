/**
 * RBAC queries over resolved grants: group membership, grants per identity, `can` and `whoCan`.
 * Grants are indexed by subject once, so a query costs the identity's grants, not all grants.
 */

import { serviceAccountOfUser } from './rbac-bindings.js';
import { ruleAllows } from './rbac-match.js';
import { compareStrings, groupBy } from './read.js';
import type { AccessRequest, Grant, PolicyRule, Ref } from './types.js';

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

/** Indexes sorted grants by subject and answers RBAC queries; memoises per identity. */
export function rbacIndex(grants: readonly Grant[]): RbacIndex {
  const bySubject = groupBy(grants, (grant) => grant.subject);
  // Rule matching ignores the namespace, so cluster-wide matches are shared by every namespace's query.
  const byScope = groupBy(grants, (grant) => grant.scope);
  const clusterWideMemo = new Map<string, readonly Grant[]>();
  const memo = new Map<Ref, readonly Grant[]>();
  const groupsOf = (identity: Ref): readonly string[] => implicitGroups(canonicalIdentity(identity));
  const grantsOf = (asked: Ref): readonly Grant[] => {
    const identity = canonicalIdentity(asked);
    const cached = memo.get(identity);
    if (cached !== undefined) return cached;
    const direct = bySubject.get(identity) ?? [];
    const viaGroups = groupsOf(identity).flatMap((group) => bySubject.get(`Group/${group}`) ?? []);
    const all = viaGroups.length === 0 ? direct : [...direct, ...viaGroups].sort(compareGrants);
    memo.set(identity, all);
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
      return grantsOf(identity).find(
        (grant) => scopeCovers(grant.scope, namespace) && ruleAllows(grant.rule, request),
      );
    },
    whoCan(request) {
      const key = JSON.stringify([
        request.verb,
        request.apiGroup,
        request.resource,
        request.subresource,
        request.name,
      ]);
      let clusterWide = clusterWideMemo.get(key);
      if (clusterWide === undefined) {
        clusterWide = (byScope.get('*') ?? []).filter((grant) => ruleAllows(grant.rule, request));
        clusterWideMemo.set(key, clusterWide);
      }
      const namespace = requestNamespace(request);
      if (namespace === undefined) return clusterWide;
      const local = (byScope.get(namespace) ?? []).filter((grant) => ruleAllows(grant.rule, request));
      return local.length === 0 ? clusterWide : [...clusterWide, ...local].sort(compareGrants);
    },
  };
}
