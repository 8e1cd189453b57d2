/**
 * Grant scanning shared by the RBAC techniques: which grants allow a request shape, grouping them by the binding
 * subject that confers them, so every edge's fixes are real cuts.
 *
 * Microsoft Threat Matrix for Kubernetes ids used by the RBAC techniques
 * (https://microsoft.github.io/Threat-Matrix-for-Kubernetes/, source: github.com/microsoft/Threat-Matrix-for-Kubernetes,
 * docs/techniques/*.md): MS-TA9008 New container, MS-TA9016 Container service account, MS-TA9018 Privileged
 * container, MS-TA9019 Cluster-admin binding, MS-TA9025 List Kubernetes secrets. The matrix has no
 * impersonation technique.
 */
import type { Model } from '../model/model.js';
import { grantsWhere, grantTableOf, type RuleFilter } from '../model/rbac-grants.js';
import { ruleAllows } from '../model/rbac-match.js';
import type { AccessRequest, Grant, PolicyRule, Ref } from '../model/types.js';
import { compareText } from './workload-helpers.js';

/** The RBAC API group, where roles and bindings live. */
export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** Creating any of these runs a pod of the creator's choosing, as any service account of the namespace. */
export const POD_CREATE_REQUESTS: readonly AccessRequest[] = [
  ...requestsFor(['create'], '', ['pods', 'replicationcontrollers']),
  ...requestsFor(['create'], 'apps', ['daemonsets', 'deployments', 'replicasets', 'statefulsets']),
  ...requestsFor(['create'], 'batch', ['cronjobs', 'jobs']),
];

/** Writing one of these rewrites a pod template, which is creating pods (Job templates are immutable). */
export const CONTROLLER_WRITE_REQUESTS: readonly AccessRequest[] = [
  ...requestsFor(['patch', 'update'], '', ['replicationcontrollers']),
  ...requestsFor(['patch', 'update'], 'apps', ['daemonsets', 'deployments', 'replicasets', 'statefulsets']),
  ...requestsFor(['patch', 'update'], 'batch', ['cronjobs']),
];

/** `list` returns every Secret with its data, and so does a `watch` (its first events replay every object). */
export const SECRET_LIST_REQUESTS: readonly AccessRequest[] = requestsFor(['list', 'watch'], '', ['secrets']);

/** Reading every Secret of a scope: list, watch, or get without resourceNames (names leak through pod specs). */
export const SECRET_READ_REQUESTS: readonly AccessRequest[] = [
  ...SECRET_LIST_REQUESTS,
  { verb: 'get', apiGroup: '', resource: 'secrets' },
];

/** One request per verb × resource of one API group, optionally for one object name. */
export function requestsFor(
  verbs: readonly string[],
  apiGroup: string,
  resources: readonly string[],
  name?: string,
): AccessRequest[] {
  return verbs.flatMap((verb) =>
    resources.map((resource) => ({ verb, apiGroup, resource, ...(name === undefined ? {} : { name }) })),
  );
}

const answers = new WeakMap<readonly AccessRequest[], WeakMap<PolicyRule, boolean>>();

/** True when the rule allows at least one of the requests; pass a constant list to reuse answers. */
export function ruleAllowsAny(rule: PolicyRule, requests: readonly AccessRequest[]): boolean {
  // Grants share rule objects (one per role rule, across subjects and bindings): answer each rule once.
  let byRule = answers.get(requests);
  if (byRule === undefined) {
    byRule = new WeakMap();
    answers.set(requests, byRule);
  }
  let answer = byRule.get(rule);
  if (answer === undefined) {
    answer = requests.some((request) => ruleAllows(rule, request));
    byRule.set(rule, answer);
  }
  return answer;
}

/** True when the grant's rule allows at least one of the requests; pass a constant list to reuse answers. */
export function allowsAny(grant: Grant, requests: readonly AccessRequest[]): boolean {
  return ruleAllowsAny(grant.rule, requests);
}

/** Every grant whose rule allows one of the requests, in model order; the scope is the caller's to judge. */
export function grantsAllowing(model: Model, requests: readonly AccessRequest[]): Grant[] {
  return model.grantsWhere((rule) => ruleAllowsAny(rule, requests));
}

/** Every verb on every resource of every API group, with no name limit: the rule of cluster-admin. */
export function isFullWildcard(rule: PolicyRule): boolean {
  return (
    rule.verbs.includes('*') &&
    rule.apiGroups.includes('*') &&
    rule.resources.includes('*') &&
    rule.resourceNames.length === 0
  );
}

/**
 * The admin level a grant confers: `cluster` for a full wildcard cluster-wide; `namespace` for a full wildcard
 * in a namespace (a RoleBinding to cluster-admin is admin of that namespace only) or any binding of the
 * bootstrap `admin` role, which holds every namespaced right.
 */
export function adminLevel(grant: Grant): 'cluster' | 'namespace' | undefined {
  if (isFullWildcard(grant.rule)) return grant.scope === '*' ? 'cluster' : 'namespace';
  return grant.role === ADMIN_ROLE ? 'namespace' : undefined;
}

/** The bootstrap role whose holder is admin of the namespace it is bound in. */
export const ADMIN_ROLE = 'ClusterRole/admin';

/** True when a grant of this rule of this role has an admin level, in any scope (see `adminLevel`). */
export function isAdminRule(rule: PolicyRule, role: Ref): boolean {
  return isFullWildcard(rule) || role === ADMIN_ROLE;
}

/** Every grant below admin level, in model order (admin-level ones are cluster-admin-grant's). */
export function nonAdminGrants(model: Model, keep: (rule: PolicyRule) => boolean = () => true): Grant[] {
  return model.grantsWhere((rule, role) => !isAdminRule(rule, role) && keep(rule));
}

/**
 * The grants below admin level of each subject holding at least one such grant whose rule passes `needs`:
 * for techniques that read a subject's whole grant list but yield nothing without a grant of some kind. `reads`
 * keeps only the grants the technique can ever ask about (the others are not made).
 */
export function subjectsNeeding(
  model: Model,
  needs: (rule: PolicyRule) => boolean,
  reads: (rule: PolicyRule) => boolean = () => true,
): Map<Ref, Grant[]> {
  const subjects = new Set(nonAdminGrants(model, needs).map((grant) => grant.subject));
  return bySubject(
    grantsOfSubjects(model, subjects, (rule, role) => !isAdminRule(rule, role) && reads(rule)),
  );
}

/** The grants held directly by these subjects (not through groups), in model order, optionally filtered. */
export function grantsOfSubjects(
  model: Model,
  subjects: ReadonlySet<Ref>,
  keep: RuleFilter = () => true,
): Grant[] {
  return grantsWhere(
    grantTableOf(model.memo),
    model.bound.filter((item) => subjects.has(item.subject)),
    keep,
  );
}

/** True when the rule names the verb, or every verb. */
export function hasVerb(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.includes(verb) || rule.verbs.includes('*');
}

/** Grants indexed by subject, each list in model order. */
export function bySubject(grants: readonly Grant[]): Map<Ref, Grant[]> {
  const index = new Map<Ref, Grant[]>();
  for (const grant of grants) {
    const list = index.get(grant.subject);
    if (list === undefined) index.set(grant.subject, [grant]);
    else list.push(grant);
  }
  return index;
}

/**
 * Groups grants by (subject, binding, scope): removing that subject from that binding cuts exactly the group,
 * so one edge per group keeps each fix a real cut. Groups come sorted by binding ref.
 */
export function byBindingSubject(grants: readonly Grant[]): Grant[][] {
  const groups = new Map<string, Grant[]>();
  let previous: Grant | undefined;
  let list: Grant[] = [];
  for (const grant of grants) {
    // Model grants come sorted by binding then subject: build a key only when the group changes.
    const same =
      previous?.binding === grant.binding &&
      previous.subject === grant.subject &&
      previous.scope === grant.scope;
    if (!same) {
      const key = `${grant.subject}\n${grant.binding}\n${grant.scope}`;
      list = groups.get(key) ?? [];
      groups.set(key, list);
    }
    list.push(grant);
    previous = grant;
  }
  return [...groups.entries()].sort(([a], [b]) => compareText(a, b)).map(([, list]) => list);
}

/** The graph node a grant scope maps to for one capability: `hub:<capability>/<ns>` or `hub:<capability>/*`. */
export function hubOf(capability: string, scope: string): string {
  return `hub:${capability}/${scope}`;
}
