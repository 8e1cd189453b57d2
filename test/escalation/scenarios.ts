/**
 * Escalation scenarios for the real API server: each gives one test user some RBAC in its own namespace and
 * names the requests that would perform the escalation, with the technique and graph node chokepoint must (or
 * must not) predict. Near misses sit beside each escalation: the same request, one permission short.
 */
import type { TechniqueId } from '../../src/techniques/types.js';

const RBAC = 'rbac.authorization.k8s.io/v1';
const RBAC_API = '/apis/rbac.authorization.k8s.io/v1';

/** One request that performs an escalation step, and the edge chokepoint must predict for it. */
export interface Attempt {
  readonly what: string;
  readonly method: 'POST' | 'PATCH' | 'PUT';
  readonly path: string;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly contentType?: string;
  readonly technique: TechniqueId;
  readonly target: string;
  /** Further requests the step also needs; the attempt is allowed only when every one is. */
  readonly andThen?: readonly Omit<Attempt, 'technique' | 'target' | 'andThen'>[];
}

/** One test user, the RBAC it is given, and what it tries. */
export interface Scenario {
  readonly name: string;
  readonly user: string;
  readonly namespace: string;
  /** RBAC objects and whatever the attempts need (service accounts, a victim's binding, its Namespace). */
  readonly objects: readonly Record<string, unknown>[];
  /** Objects the attempts act on, created as admin before them (a running pod, a pending CSR). */
  readonly setup?: readonly Record<string, unknown>[];
  readonly attempts: readonly Attempt[];
}

type Rule = Record<string, unknown>;

export const rule = (
  verbs: string[],
  resources: string[],
  apiGroups = [''],
  resourceNames?: string[],
): Rule => ({
  apiGroups,
  resources,
  verbs,
  ...(resourceNames === undefined ? {} : { resourceNames }),
});

/** The RBAC API group, as a rule's apiGroups. */
export const RBAC_GROUP = ['rbac.authorization.k8s.io'];

export function roleWithBinding(
  ns: string,
  name: string,
  user: string,
  rules: Rule[],
): Record<string, unknown>[] {
  return [
    { apiVersion: RBAC, kind: 'Role', metadata: { name, namespace: ns }, rules },
    {
      apiVersion: RBAC,
      kind: 'RoleBinding',
      metadata: { name, namespace: ns },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects: [{ kind: 'User', name: user, apiGroup: 'rbac.authorization.k8s.io' }],
    },
  ];
}

export function clusterRoleWithBinding(name: string, user: string, rules: Rule[]): Record<string, unknown>[] {
  return [
    { apiVersion: RBAC, kind: 'ClusterRole', metadata: { name }, rules },
    {
      apiVersion: RBAC,
      kind: 'ClusterRoleBinding',
      metadata: { name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
      subjects: [{ kind: 'User', name: user, apiGroup: 'rbac.authorization.k8s.io' }],
    },
  ];
}

/** A binding that names a subject, so the model knows the identity exists (view: harmless). */
function viewBinding(ns: string, name: string, subject: Record<string, string>): Record<string, unknown> {
  return {
    apiVersion: RBAC,
    kind: 'RoleBinding',
    metadata: { name, namespace: ns },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
    subjects: [subject],
  };
}

function bindSelf(ns: string, user: string, roleRef: { kind: string; name: string }): Attempt {
  return {
    what: `create a RoleBinding of ${roleRef.kind} ${roleRef.name} to itself in ${ns}`,
    method: 'POST',
    path: `${RBAC_API}/namespaces/${ns}/rolebindings?dryRun=All`,
    body: {
      apiVersion: RBAC,
      kind: 'RoleBinding',
      metadata: { name: `self-${user}`, namespace: ns },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
      subjects: [{ kind: 'User', name: user, apiGroup: 'rbac.authorization.k8s.io' }],
    },
    technique: 'bind-role',
    target: `hub:namespace-admin/${ns}`,
  };
}

function bindClusterAdmin(user: string): Attempt {
  return {
    what: 'create a ClusterRoleBinding of cluster-admin to itself',
    method: 'POST',
    path: `${RBAC_API}/clusterrolebindings?dryRun=All`,
    body: {
      apiVersion: RBAC,
      kind: 'ClusterRoleBinding',
      metadata: { name: `self-${user}` },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'User', name: user, apiGroup: 'rbac.authorization.k8s.io' }],
    },
    technique: 'bind-role',
    target: 'jewel:cluster-admin',
  };
}

function escalate(path: string, target: string): Attempt {
  return {
    what: `rewrite ${path} to allow everything`,
    method: 'PATCH',
    path: `${RBAC_API}/${path}?dryRun=All`,
    body: { rules: [rule(['*'], ['*'], ['*'])] },
    contentType: 'application/merge-patch+json',
    technique: 'escalate-role',
    target,
  };
}

function impersonateAs(headers: Record<string, string>, target: string): Attempt {
  return {
    what: `impersonate ${Object.values(headers).join(' + ')}`,
    method: 'POST',
    path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
    body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
    headers,
    technique: 'impersonate',
    target,
  };
}

function createPodAs(ns: string, account: string): Attempt {
  return {
    what: `create a pod running as ${account} in ${ns}`,
    method: 'POST',
    path: `/api/v1/namespaces/${ns}/pods?dryRun=All`,
    body: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'as-sa', namespace: ns },
      spec: { serviceAccountName: account, containers: [{ name: 'c', image: 'busybox' }] },
    },
    technique: 'create-pod-as-service-account',
    target: `ServiceAccount/${ns}/${account}`,
  };
}

function createDeploymentAs(ns: string, account: string): Attempt {
  const labels = { app: 'as-sa' };
  return {
    ...createPodAs(ns, account),
    what: `create a Deployment running as ${account} in ${ns}`,
    path: `/apis/apps/v1/namespaces/${ns}/deployments?dryRun=All`,
    body: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'as-sa', namespace: ns },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: { serviceAccountName: account, containers: [{ name: 'c', image: 'busybox' }] },
        },
      },
    },
  };
}

export const serviceAccount = (ns: string, name: string) => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name, namespace: ns },
});

/** Every scenario; user names and namespaces are unique, so all of them share one API server. */
export function rbacScenarios(): Scenario[] {
  const list: Scenario[] = [];
  const add = (
    name: string,
    build: (user: string, ns: string) => Omit<Scenario, 'name' | 'user' | 'namespace'>,
  ) => {
    const user = `esc-${name}`;
    const ns = `esc-${name}`;
    list.push({ name, user, namespace: ns, ...build(user, ns) });
  };
  const bindAdminAttempts = (user: string, ns: string) => [
    bindSelf(ns, user, { kind: 'ClusterRole', name: 'admin' }),
  ];
  add('rb-without-bind', (user, ns) => ({
    objects: roleWithBinding(ns, 'writer', user, [rule(['create'], ['rolebindings'], RBAC_GROUP)]),
    attempts: bindAdminAttempts(user, ns),
  }));
  add('rb-with-bind', (user, ns) => ({
    objects: roleWithBinding(ns, 'binder', user, [
      rule(['create'], ['rolebindings'], RBAC_GROUP),
      rule(['bind'], ['clusterroles'], RBAC_GROUP, ['admin']),
    ]),
    attempts: bindAdminAttempts(user, ns),
  }));
  add('rb-bind-view-only', (user, ns) => ({
    objects: roleWithBinding(ns, 'binder', user, [
      rule(['create'], ['rolebindings'], RBAC_GROUP),
      rule(['bind'], ['clusterroles'], RBAC_GROUP, ['view']),
    ]),
    attempts: bindAdminAttempts(user, ns),
  }));
  add('bind-without-write', (user, ns) => ({
    objects: roleWithBinding(ns, 'binder', user, [rule(['bind'], ['clusterroles'], RBAC_GROUP, ['admin'])]),
    attempts: bindAdminAttempts(user, ns),
  }));
  add('rb-bind-ns-role', (user, ns) => ({
    objects: [
      {
        apiVersion: RBAC,
        kind: 'Role',
        metadata: { name: 'all', namespace: ns },
        rules: [rule(['*'], ['*'], ['*'])],
      },
      ...roleWithBinding(ns, 'binder', user, [
        rule(['create'], ['rolebindings'], RBAC_GROUP),
        rule(['bind'], ['roles'], RBAC_GROUP, ['all']),
      ]),
    ],
    attempts: [bindSelf(ns, user, { kind: 'Role', name: 'all' })],
  }));
  // A chain of binds: bind the `granter` Role to itself for real, then use its bind on a ClusterRole (dry-run).
  const stepThenBindAdmin = (user: string, ns: string): Attempt => {
    const first = bindSelf(ns, user, { kind: 'Role', name: 'granter' });
    const body = first.body as { metadata: Record<string, string> };
    return {
      ...bindSelf(ns, user, { kind: 'Role', name: 'granter' }),
      what: `bind Role granter to itself in ${ns}, then the ClusterRole admin with it`,
      path: first.path.replace('?dryRun=All', ''),
      body: { ...body, metadata: { ...body.metadata, name: `step-${user}` } },
      andThen: [bindSelf(ns, user, { kind: 'ClusterRole', name: 'admin' })],
    };
  };
  const stepping = (user: string, ns: string, bindable: string) => [
    {
      apiVersion: RBAC,
      kind: 'Role',
      metadata: { name: 'granter', namespace: ns },
      rules: [rule(['bind'], ['clusterroles'], RBAC_GROUP, [bindable])],
    },
    ...roleWithBinding(ns, 'binder', user, [
      rule(['create'], ['rolebindings'], RBAC_GROUP),
      rule(['bind'], ['roles'], RBAC_GROUP, ['granter']),
    ]),
  ];
  add('rb-bind-stepping-stone', (user, ns) => ({
    objects: stepping(user, ns, 'admin'),
    attempts: [stepThenBindAdmin(user, ns)],
  }));
  add('rb-bind-stepping-stone-view', (user, ns) => ({
    objects: stepping(user, ns, 'view'),
    attempts: [stepThenBindAdmin(user, ns)],
  }));
  add('crb-with-bind', (user) => ({
    objects: clusterRoleWithBinding(`esc-crb-with-bind`, user, [
      rule(['create'], ['clusterrolebindings'], RBAC_GROUP),
      rule(['bind'], ['clusterroles'], RBAC_GROUP, ['cluster-admin']),
    ]),
    attempts: [bindClusterAdmin(user)],
  }));
  add('crb-without-bind', (user) => ({
    objects: clusterRoleWithBinding(`esc-crb-without-bind`, user, [
      rule(['create'], ['clusterrolebindings'], RBAC_GROUP),
    ]),
    attempts: [bindClusterAdmin(user)],
  }));
  add('escalate-role', (user, ns) => ({
    objects: roleWithBinding(ns, 'mine', user, [
      rule(['escalate', 'patch'], ['roles'], RBAC_GROUP, ['mine']),
    ]),
    attempts: [escalate(`namespaces/${ns}/roles/mine`, `hub:namespace-admin/${ns}`)],
  }));
  add('patch-role-without-escalate', (user, ns) => ({
    objects: roleWithBinding(ns, 'mine', user, [rule(['patch'], ['roles'], RBAC_GROUP, ['mine'])]),
    attempts: [escalate(`namespaces/${ns}/roles/mine`, `hub:namespace-admin/${ns}`)],
  }));
  add('escalate-without-patch', (user, ns) => ({
    objects: roleWithBinding(ns, 'mine', user, [rule(['escalate', 'get'], ['roles'], RBAC_GROUP, ['mine'])]),
    attempts: [escalate(`namespaces/${ns}/roles/mine`, `hub:namespace-admin/${ns}`)],
  }));
  add('escalate-clusterrole', (user) => ({
    objects: clusterRoleWithBinding('esc-escalate-clusterrole', user, [
      rule(['escalate', 'patch'], ['clusterroles'], RBAC_GROUP, ['esc-escalate-clusterrole']),
    ]),
    attempts: [escalate('clusterroles/esc-escalate-clusterrole', 'jewel:cluster-admin')],
  }));
  const victim = (ns: string) => viewBinding(ns, 'victim', { kind: 'User', name: `${ns}-victim` });
  add('impersonate-user', (user, ns) => ({
    objects: [...clusterRoleWithBinding(ns, user, [rule(['impersonate'], ['users'])]), victim(ns)],
    attempts: [impersonateAs({ 'Impersonate-User': `${ns}-victim` }, `User/${ns}-victim`)],
  }));
  add('impersonate-user-in-namespace', (user, ns) => ({
    objects: [...roleWithBinding(ns, 'imp', user, [rule(['impersonate'], ['users'])]), victim(ns)],
    attempts: [impersonateAs({ 'Impersonate-User': `${ns}-victim` }, `User/${ns}-victim`)],
  }));
  const team = (ns: string) => viewBinding(ns, 'team', { kind: 'Group', name: `${ns}-team` });
  // Groups limited by name: unlimited group impersonation includes system:masters, which the model reports as such.
  add('impersonate-group', (user, ns) => ({
    objects: [
      ...clusterRoleWithBinding(ns, user, [
        rule(['impersonate'], ['users']),
        rule(['impersonate'], ['groups'], [''], [`${ns}-team`]),
      ]),
      victim(ns),
      team(ns),
    ],
    attempts: [
      impersonateAs(
        { 'Impersonate-User': `${ns}-victim`, 'Impersonate-Group': `${ns}-team` },
        `Group/${ns}-team`,
      ),
    ],
  }));
  add('impersonate-group-only', (user, ns) => ({
    objects: [...clusterRoleWithBinding(ns, user, [rule(['impersonate'], ['groups'])]), victim(ns), team(ns)],
    attempts: [
      impersonateAs(
        { 'Impersonate-User': `${ns}-victim`, 'Impersonate-Group': `${ns}-team` },
        `Group/${ns}-team`,
      ),
    ],
  }));
  add('impersonate-masters', (user, ns) => ({
    objects: clusterRoleWithBinding(ns, user, [
      rule(['impersonate'], ['users']),
      rule(['impersonate'], ['groups'], [''], ['system:masters']),
    ]),
    attempts: [
      impersonateAs(
        { 'Impersonate-User': 'anyone', 'Impersonate-Group': 'system:masters' },
        'jewel:cluster-admin',
      ),
    ],
  }));
  add('impersonate-sa', (user, ns) => ({
    objects: [
      serviceAccount(ns, 'target'),
      ...roleWithBinding(ns, 'imp', user, [rule(['impersonate'], ['serviceaccounts'], [''], ['target'])]),
    ],
    attempts: [
      impersonateAs(
        { 'Impersonate-User': `system:serviceaccount:${ns}:target` },
        `ServiceAccount/${ns}/target`,
      ),
    ],
  }));
  add('impersonate-other-sa', (user, ns) => ({
    objects: [
      serviceAccount(ns, 'target'),
      ...roleWithBinding(ns, 'imp', user, [rule(['impersonate'], ['serviceaccounts'], [''], ['other'])]),
    ],
    attempts: [
      impersonateAs(
        { 'Impersonate-User': `system:serviceaccount:${ns}:target` },
        `ServiceAccount/${ns}/target`,
      ),
    ],
  }));
  add('create-pod', (user, ns) => ({
    objects: [
      serviceAccount(ns, 'target'),
      ...roleWithBinding(ns, 'pods', user, [rule(['create'], ['pods'])]),
    ],
    attempts: [createPodAs(ns, 'target')],
  }));
  add('create-pod-named', (user, ns) => ({
    objects: [
      serviceAccount(ns, 'target'),
      ...roleWithBinding(ns, 'pods', user, [rule(['create'], ['pods'], [''], ['as-sa'])]),
    ],
    attempts: [createPodAs(ns, 'target')],
  }));
  add('create-deployment', (user, ns) => ({
    objects: [
      serviceAccount(ns, 'target'),
      ...roleWithBinding(ns, 'deploy', user, [rule(['create'], ['deployments'], ['apps'])]),
    ],
    attempts: [createDeploymentAs(ns, 'target')],
  }));
  add('update-pods-only', (user, ns) => ({
    objects: [
      serviceAccount(ns, 'target'),
      ...roleWithBinding(ns, 'pods', user, [rule(['get', 'list', 'update'], ['pods'])]),
    ],
    attempts: [createPodAs(ns, 'target')],
  }));
  return list;
}
