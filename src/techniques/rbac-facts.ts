/**
 * Role-level RBAC facts: what one rule of an input Role or ClusterRole grants, bound or not (whoever is bound
 * later holds it), and what one binding or workload says about identities: a roleRef that names no role, a
 * grant to the node identities, and the dashboard's role or ServiceAccount used by anything but the dashboard.
 */
import { pointer } from '../collect/patch.js';
import type { Model } from '../model/model.js';
import { ruleAllows } from '../model/rbac-match.js';
import type { AccessRequest, PolicyRule, Role } from '../model/types.js';
import { createRequired, type StreamSubresource, streamRequests } from './rbac-stream.js';

/** The role-level RBAC fact ids. */
export type RbacFactId =
  | 'csr-approve-rbac-rule'
  | 'dashboard-identity-use'
  | 'escalate-bind-rbac-rule'
  | 'full-control-rbac-rule'
  | 'impersonate-rbac-rule'
  | 'namespace-list-rbac-rule'
  | 'network-policy-write-rbac-rule'
  | 'node-identity-binding'
  | 'node-proxy-rbac-rule'
  | 'pod-log-rbac-rule'
  | 'pod-portforward-rbac-rule'
  | 'pod-shell-get-rbac-rule'
  | 'rbac-dangling-role-ref'
  | 'service-list-rbac-rule'
  | 'token-create-rbac-rule';

/** One RBAC fact, before the facts table adds locations. */
export interface RbacFact {
  readonly object: string;
  readonly fact: RbacFactId;
  readonly says: string;
  readonly path?: string;
}

const req = (verb: string, apiGroup: string, resource: string, subresource?: string): AccessRequest => ({
  verb,
  apiGroup,
  resource,
  ...(subresource === undefined ? {} : { subresource }),
});
const each = (verbs: readonly string[], group: string, resource: string, sub?: string) =>
  verbs.map((verb) => req(verb, group, resource, sub));

/** Rule shapes → fact: the requests any one of which the rule must allow, and what that gives. */
const RULE_SHAPES = (model: Model): readonly [RbacFactId, readonly AccessRequest[], string][] => [
  // Port-forwarding reaches every port of a pod past NetworkPolicy; `get` suffices before 1.35 (rbac-stream).
  ['pod-portforward-rbac-rule', streamRequests(model, 'portforward'), 'forwards ports of pods'],
  // Logs leak what applications print: tokens, connection strings, tracebacks.
  [
    'pod-log-rbac-rule',
    [req('get', '', 'pods', 'log'), req('get', '', 'nodes', 'log')],
    'reads pod or node logs',
  ],
  ['namespace-list-rbac-rule', [req('list', '', 'namespaces')], 'lists namespaces (enumeration)'],
  ['service-list-rbac-rule', [req('list', '', 'services')], 'lists Services (enumeration of targets)'],
  // Rewriting or deleting a NetworkPolicy lifts the isolation it gives.
  [
    'network-policy-write-rbac-rule',
    each(['create', 'update', 'patch', 'delete'], 'networking.k8s.io', 'networkpolicies'),
    'changes NetworkPolicies',
  ],
  [
    'csr-approve-rbac-rule',
    each(['update', 'patch'], 'certificates.k8s.io', 'certificatesigningrequests', 'approval'),
    'approves CertificateSigningRequests',
  ],
  // The kubelet authorizes /exec and /run through nodes/proxy by HTTP method: GET is get, POST is create.
  [
    'node-proxy-rbac-rule',
    each(['get', 'create'], '', 'nodes', 'proxy'),
    'proxies to kubelets (exec in pods)',
  ],
  [
    'impersonate-rbac-rule',
    ['users', 'groups', 'serviceaccounts'].map((r) => req('impersonate', '', r)),
    'impersonates users, groups or service accounts',
  ],
  ['token-create-rbac-rule', [req('create', '', 'serviceaccounts', 'token')], 'mints service account tokens'],
];

// Cluster-scoped resources: a Role's rule on them grants nothing, since a RoleBinding grants only in its namespace.
const CLUSTER_SCOPED = new Set([
  'namespaces',
  'nodes',
  'certificatesigningrequests',
  'users',
  'groups',
  'clusterroles',
  'clusterrolebindings',
]);

const RBAC = 'rbac.authorization.k8s.io';
const CREATE_ROLE_BINDING = [req('create', RBAC, 'rolebindings')];
const CREATE_ANY_BINDING = [...CREATE_ROLE_BINDING, req('create', RBAC, 'clusterrolebindings')];
const ESCALATE = [req('escalate', RBAC, 'roles'), req('escalate', RBAC, 'clusterroles')];
const WRITE_ROLE = ['create', 'update', 'patch'].flatMap((verb) => [
  req(verb, RBAC, 'roles'),
  req(verb, RBAC, 'clusterroles'),
]);

/**
 * `bind` lets a binding name a role with rights its creator lacks, which needs `create` on bindings too;
 * `escalate` lets a role be written with such rights, which needs create/update/patch on roles. The two halves
 * may sit in different rules of the role, so the whole role is read; the first rule of the pair is cited.
 */
function escalateOrBindRule(role: Role): number | undefined {
  const allows = (requests: readonly AccessRequest[]) =>
    role.rules.findIndex((rule) => requests.some((r) => effective(role, r) && ruleAllows(rule, r)));
  for (const [power, write] of [
    // A Role is named only by a RoleBinding; a ClusterRole by either kind of binding.
    [[req('bind', RBAC, 'roles')], CREATE_ROLE_BINDING],
    [[req('bind', RBAC, 'clusterroles')], CREATE_ANY_BINDING],
    [ESCALATE, WRITE_ROLE],
  ] as const) {
    const at = allows(power);
    if (at >= 0 && allows(write) >= 0) return at;
  }
  return undefined;
}

/**
 * A request a role can grant: a Role grants nothing on cluster-scoped resources, except `bind` on clusterroles,
 * which the API server checks in the namespace of the RoleBinding being created.
 */
function effective(role: Role, request: AccessRequest): boolean {
  return role.kind === 'ClusterRole' || request.verb === 'bind' || !CLUSTER_SCOPED.has(request.resource);
}

// The Kubernetes Dashboard's well-known ServiceAccount and role name, as its own manifests create them.
const DASHBOARD = 'kubernetes-dashboard';
const NODES = new Set(['Group/system:nodes']);

// Every verb of an ordinary resource: a rule with all of them on every resource of every group is `*` in all but name.
const ALL_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

/** True when the rule grants every verb on every resource of every API group. */
export function fullControl(rule: PolicyRule): boolean {
  const allVerbs = rule.verbs.includes('*') || ALL_VERBS.every((verb) => rule.verbs.includes(verb));
  return allVerbs && rule.apiGroups.includes('*') && rule.resources.includes('*');
}

const LEGACY_STREAM: Readonly<Record<StreamSubresource, RbacFactId>> = {
  exec: 'pod-shell-get-rbac-rule',
  attach: 'pod-shell-get-rbac-rule',
  portforward: 'pod-portforward-rbac-rule',
};

/**
 * From 1.35 `get` alone no longer opens a stream, but a role outlives the server it was written for: `get` on
 * pods/exec, attach or portforward still opens it on older API servers, or where the gate is turned off.
 */
function legacyStreamFacts(model: Model, role: Role, out: RbacFact[]): void {
  if (!createRequired(model.assumptions.kubeVersion)) return;
  role.rules.forEach((rule, i) => {
    for (const sub of ['exec', 'attach', 'portforward'] as const) {
      const allows = (verb: string) => ruleAllows(rule, req(verb, '', 'pods', sub));
      if (allows('get') && !allows('create'))
        out.push({
          object: role.ref,
          fact: LEGACY_STREAM[sub],
          says: `${role.kind} ${role.name} rule ${i} allows get on pods/${sub}: it opens the stream over WebSocket on API servers before 1.35 or with AuthorizePodWebsocketUpgradeCreatePermission off`,
          path: `/rules/${i}`,
        });
    }
  });
}

/** Every role-level RBAC fact of the model's input roles, bindings and workloads. */
export function rbacFacts(model: Model): RbacFact[] {
  const out: RbacFact[] = [];
  const shapes = RULE_SHAPES(model);
  for (const role of model.roles) {
    // Built-in roles are the version's bootstrap policy; an aggregated role's sources carry the fact.
    if (role.builtIn || role.aggregatedFrom !== undefined) continue;
    role.rules.forEach((rule, i) => {
      if (fullControl(rule))
        out.push({
          object: role.ref,
          fact: 'full-control-rbac-rule',
          says: `${role.kind} ${role.name} rule ${i} grants every verb on every resource of every API group`,
          path: `/rules/${i}`,
        });
      for (const [fact, requests, what] of shapes)
        if (requests.some((request) => effective(role, request) && ruleAllows(rule, request)))
          out.push({
            object: role.ref,
            fact,
            says: `${role.kind} ${role.name} rule ${i} ${what}`,
            path: `/rules/${i}`,
          });
    });
  }
  for (const role of model.roles) {
    if (role.builtIn || role.aggregatedFrom !== undefined) continue;
    legacyStreamFacts(model, role, out);
    const at = escalateOrBindRule(role);
    if (at !== undefined)
      out.push({
        object: role.ref,
        fact: 'escalate-bind-rbac-rule',
        says: `${role.kind} ${role.name} rule ${at} escalates or binds roles past the holder's own rights`,
        path: `/rules/${at}`,
      });
  }
  const roles = new Set(model.roles.map((role) => role.ref));
  for (const binding of model.bindings) {
    if (binding.builtIn) continue;
    const { kind, name } = binding.roleRef;
    const roleRef = kind === 'Role' ? `Role/${binding.namespace ?? ''}/${name}` : `ClusterRole/${name}`;
    // A binding to a missing role grants it the moment anyone creates a role of that name.
    if (!roles.has(roleRef))
      out.push({
        object: binding.ref,
        fact: 'rbac-dangling-role-ref',
        says: `${binding.ref} names ${roleRef}, which is neither in the input nor built in: whoever creates it grants its rules to the subjects`,
        path: pointer('roleRef', 'name'),
      });
    binding.subjects.forEach((subject, i) => {
      const ref = `${subject.kind}/${subject.name}`;
      if (NODES.has(ref) || (subject.kind === 'User' && subject.name.startsWith('system:node:')))
        out.push({
          object: binding.ref,
          fact: 'node-identity-binding',
          says: `${binding.ref} grants ${kind} ${name} to ${ref}: every kubelet credential holds it`,
          path: pointer('subjects', i),
        });
      if (name === DASHBOARD && !(subject.kind === 'ServiceAccount' && subject.name === DASHBOARD))
        out.push({
          object: binding.ref,
          fact: 'dashboard-identity-use',
          says: `${binding.ref} gives the dashboard's ${kind} ${name} to ${ref}`,
          path: pointer('subjects', i),
        });
    });
  }
  for (const workload of model.workloads)
    if (workload.serviceAccountName === DASHBOARD && !workload.name.startsWith(DASHBOARD))
      out.push({
        object: workload.ref,
        fact: 'dashboard-identity-use',
        says: `${workload.ref} runs as the dashboard's ServiceAccount ${DASHBOARD}`,
      });
  return out;
}
