import type { JsonObject, KubeObject } from './json-types.js';
import type { MistakeKind } from './model/mistake-kinds.js';
import { SYSTEM_NAMESPACES } from './system/catalog.js';

type Json = JsonObject;
const list = (v: unknown): readonly Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const strings = (v: unknown): readonly string[] => (Array.isArray(v) ? (v as string[]) : []);
const SYSTEM = new Set(SYSTEM_NAMESPACES.map((s) => s.name));

/** Which pods mount a ServiceAccount token, and as which account. */
function tokenAccount(pod: KubeObject): string | undefined {
  const spec = pod.spec as Json;
  const projected = list(spec.volumes).some((v) =>
    list((v.projected as Json | undefined)?.sources).some((s) => s.serviceAccountToken),
  );
  return projected ? `${pod.metadata.namespace}/${spec.serviceAccountName}` : undefined;
}

function grants(rules: readonly Json[], resource: string, verbs: readonly string[]): boolean {
  return rules.some(
    (r) =>
      strings(r.resources).some((x) => x === resource || x === '*') &&
      verbs.some((v) => strings(r.verbs).some((x) => x === v || x === '*')),
  );
}

/** Accounts (`ns/name`) granted something by RBAC objects in the dump. */
function accountsWith(
  objects: readonly KubeObject[],
  bindingKind: 'RoleBinding' | 'ClusterRoleBinding',
  test: (rules: readonly Json[], roleName: string) => boolean,
): Set<string> {
  const roles = new Map(
    objects
      .filter((o) => o.kind === 'Role' || o.kind === 'ClusterRole')
      .map((o) => [`${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`, o]),
  );
  const out = new Set<string>();
  for (const b of objects.filter((o) => o.kind === bindingKind)) {
    const ref = b.roleRef as Json;
    const role = roles.get(`${ref.kind}/${ref.kind === 'Role' ? b.metadata.namespace : ''}/${ref.name}`);
    if (role === undefined || !test(list(role.rules), String(ref.name))) continue;
    for (const s of list(b.subjects)) {
      if (s.kind === 'ServiceAccount') out.add(`${s.namespace ?? b.metadata.namespace}/${s.name}`);
    }
  }
  return out;
}

/** Pod-level findings per container/pod, keyed by mistake kind. */
const POD_CHECKS: readonly (readonly [MistakeKind, (spec: Json, containers: readonly Json[]) => boolean])[] =
  [
    ['privileged', (_, cs) => cs.some((c) => (c.securityContext as Json | undefined)?.privileged === true)],
    ['host-path-root', (s) => list(s.volumes).some((v) => (v.hostPath as Json | undefined)?.path === '/')],
    [
      'docker-socket',
      (s) => list(s.volumes).some((v) => (v.hostPath as Json | undefined)?.path === '/var/run/docker.sock'),
    ],
    [
      'containerd-socket',
      (s) =>
        list(s.volumes).some(
          (v) => (v.hostPath as Json | undefined)?.path === '/run/containerd/containerd.sock',
        ),
    ],
    [
      'cap-sys-admin',
      (_, cs) =>
        cs.some((c) =>
          strings(((c.securityContext as Json | undefined)?.capabilities as Json | undefined)?.add).includes(
            'SYS_ADMIN' as never,
          ),
        ),
    ],
    [
      'cap-sys-module',
      (_, cs) =>
        cs.some((c) =>
          strings(((c.securityContext as Json | undefined)?.capabilities as Json | undefined)?.add).includes(
            'SYS_MODULE' as never,
          ),
        ),
    ],
    ['host-pid', (s) => s.hostPID === true],
    ['host-network', (s) => s.hostNetwork === true],
    ['latest-tag', (_, cs) => cs.some((c) => String(c.image).endsWith(':latest'))],
    [
      'secret-env',
      (_, cs) =>
        cs.some((c) =>
          list(c.env).some(
            (e) => /PASSWORD|SECRET|TOKEN|API_KEY/.test(String(e.name)) && e.value !== undefined,
          ),
        ),
    ],
  ];

/**
 * Independent re-detection of every planted mistake, as an analyser would see it: for each
 * kind, the set of application workloads (`ns/owner`) or objects that show it.
 */
export function detectMistakes(objects: readonly KubeObject[]): Map<MistakeKind, Set<string>> {
  const found = new Map<MistakeKind, Set<string>>();
  const add = (kind: MistakeKind, id: string) => found.set(kind, (found.get(kind) ?? new Set()).add(id));
  const clusterAdmins = accountsWith(objects, 'ClusterRoleBinding', (_, name) => name === 'cluster-admin');
  // Namespace-scoped grants only: that is the planted shape (a Role, bound in the pod's namespace).
  const podCreators = accountsWith(objects, 'RoleBinding', (rules) => grants(rules, 'pods', ['create']));
  const secretReaders = accountsWith(objects, 'RoleBinding', (rules) => grants(rules, 'secrets', ['list']));
  const risky = new Map<string, Json>();
  for (const pod of objects.filter((o) => o.kind === 'Pod' && !SYSTEM.has(o.metadata.namespace ?? ''))) {
    const spec = pod.spec as Json;
    const owner = `${pod.metadata.namespace}/${String(list(pod.metadata.ownerReferences)[0]?.name)}`;
    for (const [kind, check] of POD_CHECKS) if (check(spec, list(spec.containers))) add(kind, owner);
    const account = tokenAccount(pod);
    if (account !== undefined && clusterAdmins.has(account)) add('cluster-admin-token', owner);
    if (account !== undefined && podCreators.has(account)) add('pod-create-token', owner);
    if (account !== undefined && secretReaders.has(account)) add('secret-read-token', owner);
    if (
      POD_CHECKS.slice(0, 8).some(([, check]) => check(spec, list(spec.containers))) ||
      (account !== undefined && [clusterAdmins, podCreators, secretReaders].some((set) => set.has(account)))
    ) {
      risky.set(pod.metadata.uid, pod.metadata.labels as Json);
    }
  }
  for (const svc of objects.filter((o) => o.kind === 'Service' && !SYSTEM.has(o.metadata.namespace ?? ''))) {
    const spec = svc.spec as Json;
    if (spec.type !== 'LoadBalancer' && spec.type !== 'NodePort') continue;
    const selector = Object.entries((spec.selector ?? {}) as Json);
    if ([...risky.values()].some((labels) => selector.every(([k, v]) => labels[k] === v)))
      add('exposed-service', `${svc.metadata.namespace}/${svc.metadata.name}`);
  }
  for (const secret of objects.filter(
    (o) => o.kind === 'Secret' && o.type === 'kubernetes.io/service-account-token',
  )) {
    add('legacy-token-secret', `${secret.metadata.namespace}/${secret.metadata.name}`);
  }
  return found;
}
