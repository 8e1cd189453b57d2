/**
 * Role-level RBAC facts: what one rule of an input Role or ClusterRole grants, bound or not (whoever is bound
 * later holds it), and what one binding or workload says about identities: a roleRef that names no role, a
 * grant to the node identities, and the dashboard's role or ServiceAccount used by anything but the dashboard.
 */
import { pointer } from '../collect/patch.js';
import type { Model } from '../model/model.js';
import { ruleAllows } from '../model/rbac-match.js';
import type { AccessRequest } from '../model/types.js';
import { streamRequests } from './rbac-stream.js';

/** The role-level RBAC fact ids. */
export type RbacFactId =
  | 'csr-approve-rbac-rule'
  | 'dashboard-identity-use'
  | 'escalate-bind-rbac-rule'
  | 'impersonate-rbac-rule'
  | 'namespace-list-rbac-rule'
  | 'network-policy-write-rbac-rule'
  | 'node-identity-binding'
  | 'node-proxy-rbac-rule'
  | 'pod-log-rbac-rule'
  | 'pod-portforward-rbac-rule'
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
  [
    'escalate-bind-rbac-rule',
    ['escalate', 'bind'].flatMap((verb) =>
      each([verb], 'rbac.authorization.k8s.io', 'roles').concat(
        each([verb], 'rbac.authorization.k8s.io', 'clusterroles'),
      ),
    ),
    'escalates or binds roles past its own rights',
  ],
  ['token-create-rbac-rule', [req('create', '', 'serviceaccounts', 'token')], 'mints service account tokens'],
];

// The Kubernetes Dashboard's well-known ServiceAccount and role name, as its own manifests create them.
const DASHBOARD = 'kubernetes-dashboard';
const NODES = new Set(['Group/system:nodes']);

/** Every role-level RBAC fact of the model's input roles, bindings and workloads. */
export function rbacFacts(model: Model): RbacFact[] {
  const out: RbacFact[] = [];
  const shapes = RULE_SHAPES(model);
  for (const role of model.roles) {
    // Built-in roles are the version's bootstrap policy; an aggregated role's sources carry the fact.
    if (role.builtIn || role.aggregatedFrom !== undefined) continue;
    role.rules.forEach((rule, i) => {
      for (const [fact, requests, what] of shapes)
        if (requests.some((request) => ruleAllows(rule, request)))
          out.push({
            object: role.ref,
            fact,
            says: `${role.kind} ${role.name} rule ${i} ${what}`,
            path: `/rules/${i}`,
          });
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
        says: `${binding.ref} names ${roleRef}, which does not exist: whoever creates it grants its rules to the subjects`,
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
