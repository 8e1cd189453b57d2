// Escalations performed against a REAL kube-apiserver: bind, escalate, impersonate (user, group, service
// account), create pods as another service account, and role bindings with and without `bind`, plus the
// KubeHound ROLE_BIND cases (its `-fail` ones included). Each attempt is sent with the test identity's own token
// (server-side dry-run), and chokepoint must predict exactly the attempts the server allowed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { loadBootstrapRbac } from '../../src/collect/bootstrap-rbac.js';
import { buildModel, type ModelOptions } from '../../src/model/build-model.js';
import { snapshotOf } from '../../src/model/test-helpers.js';
import { TECHNIQUES_BY_ID } from '../../src/techniques/index.js';
import type { Edge, NodeRef, TechniqueId } from '../../src/techniques/types.js';
import {
  type Caller,
  type ControlPlane,
  controlPlaneSkipReason,
  repoRoot,
  startControlPlane,
} from '../harness/control-plane.js';
import { catalogueScenarios } from './catalogue-scenarios.js';
import { type Attempt, rbacScenarios, type Scenario } from './scenarios.js';
import { allowed, createAll, tokenOf } from './server.js';

const skip = controlPlaneSkipReason();
if (skip) console.log(`# escalation tests skipped: ${skip}`);

const KUBEHOUND = join(repoRoot(), '..', 'shared', 'corpus', 'kubehound');
const ROLE_BIND_FILES = [
  'ROLE_BIND_ALL.yaml',
  'ROLE_BIND_CRB_CR.yaml',
  'ROLE_BIND_RB_R-SA.yaml',
  'ROLE_BIND_RB_R-UG.yaml',
];
const corpusSkip = existsSync(KUBEHOUND) ? undefined : `${KUBEHOUND} is absent`;
if (!skip && corpusSkip) console.log(`# KubeHound escalation cases skipped: ${corpusSkip}`);

type Raw = Record<string, unknown>;

function kubehoundObjects(): Raw[] {
  if (corpusSkip) return [];
  return ROLE_BIND_FILES.flatMap((file) =>
    parseAllDocuments(readFileSync(join(KUBEHOUND, 'attacks', file), 'utf8'))
      .map((doc) => doc.toJS() as Raw | null)
      .filter((o): o is Raw => o !== null && typeof o === 'object'),
  );
}

/** User and Group subjects of the corpus bindings: each becomes a static user (a group through a member). */
function corpusPrincipals(objects: readonly Raw[]): { users: string[]; groups: string[] } {
  const subjects = objects.flatMap((o) => (o.subjects as { kind: string; name: string }[] | undefined) ?? []);
  const names = (kind: string) =>
    [...new Set(subjects.filter((s) => s.kind === kind).map((s) => s.name))].sort();
  return { users: names('User'), groups: names('Group') };
}

const memberOf = (group: string) => `member-of-${group}`;

let cp: ControlPlane | undefined;
let builtIn: ModelOptions = {};
const corpus = kubehoundObjects();

before(async () => {
  if (skip) return;
  const { users, groups } = corpusPrincipals(corpus);
  const extra: Record<string, string[]> = {};
  for (const s of [...rbacScenarios(), ...catalogueScenarios(() => '')]) extra[s.user] = [];
  for (const user of users) extra[user] = [];
  for (const group of groups) extra[memberOf(group)] = [group];
  cp = await startControlPlane({ controllers: true, users: extra });
  const bootstrap = await loadBootstrapRbac(cp.version);
  assert.equal(bootstrap.gap, undefined, `bootstrap RBAC for ${cp.version}`);
  builtIn = { builtIn: bootstrap.objects };
});

after(async () => {
  await cp?.stop();
});

/** Where `from` leads through one technique's edges, hub fan-out from `*` hubs and group membership. */
function reach(edges: readonly Edge[], from: NodeRef): Set<NodeRef> {
  const out = new Map<NodeRef, NodeRef[]>();
  for (const edge of edges) out.set(edge.from, [...(out.get(edge.from) ?? []), edge.to]);
  const seen = new Set<NodeRef>([from]);
  const queue = [from];
  for (let node = queue.shift(); node !== undefined; node = queue.shift())
    for (const next of out.get(node) ?? [])
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
  return seen;
}

function edgesFor(objects: readonly Raw[], technique: TechniqueId): Edge[] {
  const model = buildModel(snapshotOf([...objects]), builtIn);
  const wildcardFanOut = (edge: Edge) => edge.structural === true && edge.from.endsWith('/*');
  return [
    ...TECHNIQUES_BY_ID[technique].find(model),
    ...TECHNIQUES_BY_ID['member-of-group'].find(model),
    ...TECHNIQUES_BY_ID['cluster-admin-grant'].find(model).filter(wildcardFanOut),
  ];
}

function predicted(objects: readonly Raw[], from: NodeRef, attempt: Attempt): boolean {
  return reach(edgesFor(objects, attempt.technique), from).has(attempt.target);
}

/** A certificate request for CN=user, O=group, as the CSR API takes it (base64 PEM), made with openssl. */
function csrFor(subject: { readonly user: string; readonly group: string }): string {
  const args = ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const dn = ['-keyout', '/dev/null', '-subj', `/O=${subject.group}/CN=${subject.user}`];
  const r = spawnSync('openssl', [...args, ...dn], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.status, 0, `openssl req failed: ${r.stderr}`);
  return Buffer.from(r.stdout).toString('base64');
}

/** Runs the scenarios' attempts; every verdict must match chokepoint's prediction. */
async function judge(server: ControlPlane, all: readonly Scenario[]): Promise<void> {
  const namespaceOf = (s: Scenario): Raw =>
    s.objects.find((o) => o.kind === 'Namespace') ?? {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: s.namespace },
    };
  await createAll(server, all.map(namespaceOf));
  await createAll(
    server,
    all.flatMap((s) => s.objects),
  );
  await createAll(
    server,
    all.flatMap((s) => s.setup ?? []),
    new Set(['Pod', 'CertificateSigningRequest']),
  );
  const mismatches: string[] = [];
  const counts = { allowed: 0, denied: 0 };
  for (const scenario of all)
    for (const attempt of scenario.attempts) {
      const actual = await allowed(server, scenario.user, attempt);
      const expected = predicted(scenario.objects, `User/${scenario.user}`, attempt);
      counts[actual ? 'allowed' : 'denied']++;
      if (actual !== expected)
        mismatches.push(
          `${scenario.name}: ${attempt.what} — server ${actual ? 'allowed' : 'denied'}, chokepoint predicted ${expected ? 'an' : 'no'} ${attempt.technique} edge to ${attempt.target}`,
        );
    }
  console.log(`# escalation attempts: ${counts.allowed} allowed, ${counts.denied} denied by the server`);
  assert.deepEqual(mismatches, []);
  assert.ok(counts.allowed > 0 && counts.denied > 0, 'both outcomes are exercised');
}

test('escalations: chokepoint predicts exactly what the API server allows', {
  skip,
  timeout: 600_000,
}, async () => {
  await judge(cp!, rbacScenarios());
});

test('the newer RBAC techniques: chokepoint predicts exactly what the API server allows', {
  skip,
  timeout: 600_000,
}, async () => {
  await judge(cp!, catalogueScenarios(csrFor));
});

/** What a subject gains by binding, reduced: cluster-admin subsumes namespace admin. */
function reduce(gains: ReadonlySet<string>): string[] {
  return gains.has('cluster-admin') ? ['cluster-admin'] : [...gains].sort();
}

const rbacApi = '/apis/rbac.authorization.k8s.io/v1';

function corpusAttempts(self: Raw, namespaces: readonly string[]): { gain: string; attempt: Attempt }[] {
  const binding = (kind: string, ns: string | undefined, roleRef: Raw): Attempt => ({
    what: `create a ${kind}${ns === undefined ? '' : ` in ${ns}`} of ${String(roleRef.kind)} ${String(roleRef.name)}`,
    method: 'POST',
    path: `${rbacApi}/${ns === undefined ? '' : `namespaces/${ns}/`}${kind.toLowerCase()}s?dryRun=All`,
    body: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind,
      metadata: { name: 'self', ...(ns === undefined ? {} : { namespace: ns }) },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
      subjects: [self],
    },
    technique: 'bind-role',
    target: '',
  });
  return [
    {
      gain: 'cluster-admin',
      attempt: binding('ClusterRoleBinding', undefined, { kind: 'ClusterRole', name: 'cluster-admin' }),
    },
    ...namespaces.flatMap((ns) =>
      [
        { kind: 'ClusterRole', name: 'cluster-admin' },
        { kind: 'ClusterRole', name: 'admin' },
        { kind: 'Role', name: 'admin' },
      ].map((roleRef) => ({ gain: `namespace ${ns}`, attempt: binding('RoleBinding', ns, roleRef) })),
    ),
  ];
}

/** chokepoint's bind-role gains for one graph node, in the same reduced terms. */
function modelGains(edges: readonly Edge[], from: NodeRef, namespaces: readonly string[]): string[] {
  const gains = new Set<string>();
  for (const node of reach(edges, from)) {
    if (node === 'jewel:cluster-admin') gains.add('cluster-admin');
    const ns = node.startsWith('hub:namespace-admin/')
      ? node.slice('hub:namespace-admin/'.length)
      : undefined;
    if (ns !== undefined && namespaces.includes(ns)) gains.add(`namespace ${ns}`);
  }
  return reduce(gains);
}

test('KubeHound ROLE_BIND cases: chokepoint predicts exactly what the API server allows', {
  skip: skip ?? corpusSkip,
  timeout: 600_000,
}, async () => {
  const server = cp!;
  const namespaces = [
    ...new Set(corpus.map((o) => (o.metadata as { namespace?: string }).namespace ?? 'default')),
  ].sort();
  await createAll(
    server,
    namespaces.map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })),
  );
  await createAll(server, corpus);
  const edges = edgesFor(corpus, 'bind-role');
  const expected = JSON.parse(readFileSync(join(KUBEHOUND, 'expected.json'), 'utf8')) as {
    resource: string;
    expect: string[];
  }[];
  const tagOf = new Map(expected.map((e) => [e.resource.replace('//', '/'), e.expect]));
  const { users, groups } = corpusPrincipals(corpus);
  const actors: { node: NodeRef; caller: Caller; self: Raw }[] = [
    ...users.map((name) => ({
      node: `User/${name}`,
      caller: name,
      self: { kind: 'User', name, apiGroup: 'rbac.authorization.k8s.io' },
    })),
    ...groups.map((name) => ({
      node: `Group/${name}`,
      caller: memberOf(name),
      self: { kind: 'Group', name, apiGroup: 'rbac.authorization.k8s.io' },
    })),
  ];
  for (const o of corpus.filter((o) => o.kind === 'ServiceAccount')) {
    const { name, namespace = 'default' } = o.metadata as { name: string; namespace?: string };
    actors.push({
      node: `ServiceAccount/${namespace}/${name}`,
      caller: { token: await tokenOf(server, namespace, name) },
      self: { kind: 'ServiceAccount', name, namespace },
    });
  }
  const mismatches: string[] = [];
  let judged = 0;
  for (const actor of actors) {
    const gains = new Set<string>();
    for (const { gain, attempt } of corpusAttempts(actor.self, namespaces))
      if (await allowed(server, actor.caller, attempt)) gains.add(gain);
    const allowedGains = reduce(gains);
    const model = modelGains(edges, actor.node, namespaces);
    if (JSON.stringify(allowedGains) !== JSON.stringify(model))
      mismatches.push(
        `${actor.node}: server allowed [${allowedGains.join(', ')}], chokepoint predicted [${model.join(', ')}]`,
      );
    // The authors' verdicts, on the bindings that name this actor.
    for (const binding of corpus.filter((o) => o.kind?.toString().endsWith('Binding'))) {
      const subjects = (binding.subjects as Raw[] | undefined) ?? [];
      if (!subjects.some((s) => s.kind === actor.self.kind && s.name === actor.self.name)) continue;
      const meta = binding.metadata as { name: string; namespace?: string };
      const ref =
        meta.namespace === undefined
          ? `${binding.kind}/${meta.name}`
          : `${binding.kind}/${meta.namespace}/${meta.name}`;
      const tags = tagOf.get(ref) ?? [];
      if (tags.includes('not:rbac-escalate-bind')) {
        judged++;
        assert.deepEqual(allowedGains, [], `${ref} (authors: no escalation) was allowed by the server`);
      } else if (tags.includes('rbac-escalate-bind')) {
        judged++;
        assert.notDeepEqual(allowedGains, [], `${ref} (authors: escalation) was denied by the server`);
      }
    }
  }
  console.log(`# KubeHound ROLE_BIND: ${actors.length} identities, ${judged} author verdicts checked`);
  assert.deepEqual(mismatches, []);
  assert.ok(judged > 0, 'the authors\u2019 verdicts were checked');
});
