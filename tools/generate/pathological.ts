/**
 * Pathological but valid clusters: shapes that are legal and that real clusters approach, chosen because each
 * stresses one part of the analysis (RBAC fan-out, aggregation, policy matching, one identity shared by many
 * workloads, impersonation cycles). Each preset is a deterministic function of its name; `npm run bench`
 * measures a scan of each (tools/bench/pathological.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The pathological presets. */
export type PathologicalName =
  | 'rolebindings-40k'
  | 'aggregated-500'
  | 'netpol-10k'
  | 'shared-sa-3k'
  | 'impersonation-cycles';

type Obj = Record<string, unknown>;

const ns = (name: string): Obj => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const sa = (namespace: string, name: string): Obj => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name, namespace },
});
const deployment = (namespace: string, name: string, account: string, extra: Obj = {}): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace },
  spec: {
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name, tier: 'web' } },
      spec: {
        serviceAccountName: account,
        containers: [
          { name: 'app', image: `registry.example/${name}:1.0`, ports: [{ containerPort: 8080 }] },
        ],
        ...extra,
      },
    },
  },
});
const rule = (verbs: string[], resources: string[], extra: Obj = {}): Obj => ({
  apiGroups: [''],
  resources,
  verbs,
  ...extra,
});
const subject = (namespace: string, name: string): Obj => ({ kind: 'ServiceAccount', name, namespace });

/** 40,000 RoleBindings over 400 namespaces, binding each namespace's accounts to built-in and own roles. */
function roleBindings40k(): Obj[] {
  const out: Obj[] = [];
  const roles = ['edit', 'view', 'admin'];
  for (let n = 0; n < 400; n++) {
    const namespace = `team-${n}`;
    out.push(ns(namespace), sa(namespace, 'app'), sa(namespace, 'ci'), deployment(namespace, 'web', 'app'));
    out.push({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'pods-exec', namespace },
      rules: [rule(['get', 'create'], ['pods/exec']), rule(['get', 'list'], ['secrets'])],
    });
    for (let b = 0; b < 100; b++) {
      const custom = b % 4 === 3;
      out.push({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: `binding-${b}`, namespace },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: custom ? 'Role' : 'ClusterRole',
          name: custom ? 'pods-exec' : roles[b % 3],
        },
        subjects: [
          subject(namespace, b % 2 === 0 ? 'app' : 'ci'),
          { kind: 'User', name: `user-${n}-${b % 10}` },
        ],
      });
    }
  }
  return out;
}

/** One ClusterRole aggregated from 500 labelled ClusterRoles, bound to an account that a workload uses. */
function aggregated500(): Obj[] {
  const out: Obj[] = [
    ns('platform'),
    sa('platform', 'operator'),
    deployment('platform', 'operator', 'operator'),
  ];
  out.push({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'platform-aggregate' },
    aggregationRule: {
      clusterRoleSelectors: [{ matchLabels: { 'example.com/aggregate-to-platform': 'true' } }],
    },
    rules: [],
  });
  for (let i = 0; i < 500; i++) {
    const resources = i === 499 ? ['secrets'] : [`widgets${i}`, `gadgets${i}`];
    out.push({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: `platform-part-${i}`, labels: { 'example.com/aggregate-to-platform': 'true' } },
      rules: [rule(['get', 'list', 'watch'], resources, { apiGroups: i === 499 ? [''] : ['example.com'] })],
    });
  }
  out.push({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'platform-operator' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'platform-aggregate' },
    subjects: [subject('platform', 'operator')],
  });
  return out;
}

/** 10,000 NetworkPolicies that all select every pod (100 namespaces × 100), with pods to match. */
function netpol10k(): Obj[] {
  const out: Obj[] = [];
  for (let n = 0; n < 100; n++) {
    const namespace = `net-${n}`;
    out.push(ns(namespace), sa(namespace, 'app'), deployment(namespace, 'web', 'app'));
    out.push(deployment(namespace, 'api', 'app'));
    for (let p = 0; p < 100; p++) {
      out.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: `allow-${p}`, namespace },
        spec: {
          podSelector: {},
          policyTypes: ['Ingress', 'Egress'],
          ingress: [
            {
              from: [{ namespaceSelector: {} }, { podSelector: { matchLabels: { tier: 'web' } } }],
              ports: [{ port: 8080 + (p % 5) }],
            },
          ],
          egress: [{ to: [{ namespaceSelector: {} }] }],
        },
      });
    }
  }
  return out;
}

/** One namespace with 3,000 Deployments sharing one ServiceAccount that can create pods and read secrets. */
function sharedSa3k(): Obj[] {
  const out: Obj[] = [ns('shop'), sa('shop', 'shared')];
  out.push({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'deployer', namespace: 'shop' },
    rules: [rule(['create'], ['pods']), rule(['get', 'list'], ['secrets'])],
  });
  out.push({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'deployer', namespace: 'shop' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'deployer' },
    subjects: [subject('shop', 'shared')],
  });
  for (let i = 0; i < 3000; i++) {
    const extra = i % 500 === 0 ? { hostPID: true } : {};
    out.push(deployment('shop', `svc-${i}`, 'shared', extra));
    if (i % 100 === 0)
      out.push({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: `svc-${i}`, namespace: 'shop' },
        spec: {
          type: 'LoadBalancer',
          selector: { app: `svc-${i}` },
          ports: [{ port: 80, targetPort: 8080 }],
        },
      });
  }
  return out;
}

/** Rings of accounts and users that can impersonate the next one, one ring member bound to cluster-admin. */
function impersonationCycles(): Obj[] {
  const out: Obj[] = [ns('ring')];
  const ring = 200;
  for (let i = 0; i < ring; i++) {
    const next = (i + 1) % ring;
    out.push(sa('ring', `sa-${i}`), deployment('ring', `app-${i}`, `sa-${i}`));
    out.push({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: `impersonate-${next}` },
      rules: [
        rule(['impersonate'], ['serviceaccounts'], { resourceNames: [`sa-${next}`] }),
        rule(['impersonate'], ['users'], { resourceNames: [`user-${next}`] }),
        rule(['impersonate'], ['groups'], { resourceNames: [`group-${next % 7}`] }),
      ],
    });
    for (const who of [subject('ring', `sa-${i}`), { kind: 'User', name: `user-${i}` }])
      out.push({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: `impersonate-${next}-${who.kind === 'User' ? 'user' : 'sa'}` },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `impersonate-${next}` },
        subjects: [who],
      });
  }
  out.push({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'ring-admin' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
    subjects: [subject('ring', `sa-${ring / 2}`), { kind: 'Group', name: 'group-3' }],
  });
  return out;
}

/** Every preset, by name. */
export const PATHOLOGICAL: Readonly<Record<PathologicalName, () => Obj[]>> = {
  'aggregated-500': aggregated500,
  'impersonation-cycles': impersonationCycles,
  'netpol-10k': netpol10k,
  'rolebindings-40k': roleBindings40k,
  'shared-sa-3k': sharedSa3k,
};

/** The preset names, sorted. */
export const PATHOLOGICAL_NAMES = Object.keys(PATHOLOGICAL).sort() as PathologicalName[];

/** Writes a preset as one `kubectl get -o json`-style List file in `dir`; returns the file and object count. */
export function writePathological(name: PathologicalName, dir: string): { file: string; objects: number } {
  const items = PATHOLOGICAL[name]();
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 1));
  return { file, objects: items.length };
}
