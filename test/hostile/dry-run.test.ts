/**
 * The API server is the oracle for "never skip what the cluster accepts": a sample of generated and corpus
 * documents, and the hostile spellings this suite cares about, are sent to a real kube-apiserver with
 * `?dryRun=All` (nothing is stored), and every document it accepts must be read by the collector as an object,
 * never skipped as a gap.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import { repoPath } from '../../src/collect/test-helpers.js';
import { type ControlPlane, controlPlaneSkipReason, startControlPlane } from '../harness/control-plane.js';
import { corpusManifests } from './fuzz-properties.js';
import { read } from './read.js';

const skip = controlPlaneSkipReason();
let cp: ControlPlane;
const resources = new Map<string, { readonly path: string; readonly namespaced: boolean }>();

before(async () => {
  if (skip !== undefined) return;
  // The controllers create each namespace's default ServiceAccount, which Pod admission waits for.
  cp = await startControlPlane();
  // Discovery: kind → collection path, for every group version the server serves.
  const groups = await cp.request<{ groups: { preferredVersion: { groupVersion: string } }[] }>(
    'admin',
    'GET',
    '/apis',
  );
  const versions = ['v1', ...groups.json.groups.map((g) => g.preferredVersion.groupVersion)];
  for (const gv of versions) {
    const base = gv === 'v1' ? '/api/v1' : `/apis/${gv}`;
    const list = await cp.request<{ resources: { name: string; kind: string; namespaced: boolean }[] }>(
      'admin',
      'GET',
      base,
    );
    for (const r of list.json.resources)
      if (!r.name.includes('/') && !resources.has(`${gv}/${r.kind}`))
        resources.set(`${gv}/${r.kind}`, { path: `${base}/${r.name}`, namespaced: r.namespaced });
  }
});
after(async () => {
  await cp?.stop();
});

/** Splits a multi-document YAML text into its documents (only `---` lines separate them). */
function documents(text: string): string[] {
  return text.split(/^---[ \t]*$/m).filter((doc) => /^kind:/m.test(doc));
}

const namespaces = new Set<string>(['default', 'kube-system']);

type Head = { apiVersion?: unknown; kind?: unknown; metadata?: { namespace?: unknown } } | null;

function headOf(doc: string): Head {
  try {
    return parse(doc, { version: '1.1', uniqueKeys: false, logLevel: 'silent' }) as Head;
  } catch {
    return null;
  }
}

function namespaceOf(value: Head): string {
  return typeof value?.metadata?.namespace === 'string' ? value.metadata.namespace : 'default';
}

/** Creates the document's namespace (for real) when the server has its kind and it is namespaced. */
async function ensureNamespace(doc: string): Promise<void> {
  const value = headOf(doc);
  const resource = resources.get(`${String(value?.apiVersion)}/${String(value?.kind)}`);
  const ns = namespaceOf(value);
  if (resource === undefined || !resource.namespaced || namespaces.has(ns)) return;
  const body = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } };
  await cp.request('admin', 'POST', '/api/v1/namespaces', body);
  namespaces.add(ns);
  // Pod admission needs the default ServiceAccount, which the controller creates shortly after.
  for (let i = 0; i < 50; i++) {
    const sa = await cp.request('admin', 'GET', `/api/v1/namespaces/${ns}/serviceaccounts/default`);
    if (sa.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Sends one YAML document with dryRun=All; the status code, or undefined when the server has no such kind. */
async function dryRun(doc: string): Promise<number | undefined> {
  const value = headOf(doc);
  const resource = resources.get(`${String(value?.apiVersion)}/${String(value?.kind)}`);
  if (value === null || resource === undefined) return undefined;
  const ns = namespaceOf(value);
  const path = resource.namespaced
    ? resource.path.replace(/\/([^/]+)$/, `/namespaces/${ns}/$1`)
    : resource.path;
  const response = await cp.request('admin', 'POST', `${path}?dryRun=All`, doc, {
    contentType: 'application/yaml',
  });
  return response.status;
}

/** Every document the server accepted that the collector did not read as an object; 8 requests at a time. */
async function skippedButAccepted(docs: readonly string[]): Promise<{ accepted: number; skipped: string[] }> {
  const statuses: (number | undefined)[] = [];
  // Namespaces are created on first use, one document at a time; then the dry runs go in parallel.
  for (const doc of docs) await ensureNamespace(doc);
  for (let i = 0; i < docs.length; i += 8)
    statuses.push(...(await Promise.all(docs.slice(i, i + 8).map((doc) => dryRun(doc)))));
  let accepted = 0;
  const skipped: string[] = [];
  for (const [i, doc] of docs.entries()) {
    const status = statuses[i];
    if (status === undefined || !(status < 300 || status === 409)) continue;
    accepted++;
    const snapshot = await read(doc);
    if (snapshot.objects.length === 0 || snapshot.gaps.length > 0)
      skipped.push(`${doc.slice(0, 120)}… → ${snapshot.gaps.map((g) => g.message).join('; ')}`);
  }
  return { accepted, skipped };
}

test('corpus documents the API server accepts are never skipped', {
  skip: skip ?? (corpusManifests().length === 0 && 'no shared corpus'),
}, async (t) => {
  const docs = corpusManifests().flatMap(documents);
  const sample = docs.filter((_, i) => i % 3 === 0);
  const { accepted, skipped } = await skippedButAccepted(sample);
  t.diagnostic(`corpus: the server accepted ${accepted} of ${sample.length} sampled documents`);
  assert.ok(accepted > 20, `the server accepted only ${accepted} of ${sample.length} corpus documents`);
  assert.deepEqual(skipped, []);
});

test('generated documents the API server accepts are never skipped', { skip }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-dry-run-'));
  try {
    const gen = spawnSync(
      process.execPath,
      [
        repoPath('dist', 'tools', 'generate', 'main.js'),
        '--size',
        'R1k',
        '--format',
        'yaml',
        '--out',
        dir,
        '--seed',
        '3',
      ],
      { encoding: 'utf8' },
    );
    assert.equal(gen.status, 0, gen.stderr);
    const file = join(dir, 'cluster.yaml');
    assert.ok(existsSync(file));
    const docs = documents(readFileSync(file, 'utf8'));
    const sample = docs.filter((_, i) => i % Math.max(1, Math.floor(docs.length / 60)) === 0);
    const { accepted, skipped } = await skippedButAccepted(sample);
    t.diagnostic(`generated: the server accepted ${accepted} of ${sample.length} sampled documents`);
    assert.ok(accepted > 20, `the server accepted only ${accepted} of ${sample.length} generated documents`);
    assert.deepEqual(skipped, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hostile spellings the API server accepts (yes/on booleans, duplicate keys, anchors) are read, not skipped', {
  skip,
}, async (t) => {
  const pod = (name: string, body: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: default\nspec:\n${body}`;
  const docs = [
    pod(
      'yes-on',
      '  hostPID: on\n  containers:\n  - name: c\n    image: app:1\n    securityContext:\n      privileged: yes\n',
    ),
    pod(
      'dup',
      '  containers:\n  - name: c\n    image: app:1\n    securityContext:\n      privileged: true\n      privileged: false\n',
    ),
    pod(
      'anchors',
      '  containers:\n  - name: a\n    image: app:1\n    resources: &r {limits: {cpu: "1"}}\n  - name: b\n    image: app:1\n    resources: *r\n',
    ),
  ];
  await ensureNamespace(docs[0]!);
  const statuses = await Promise.all(docs.map((doc) => dryRun(doc)));
  t.diagnostic(`dry-run status of yes/on, a duplicate key, anchors: ${statuses.join(', ')}`);
  // Whatever the server says about each (it is the oracle), a document it accepts must be read.
  const { skipped } = await skippedButAccepted(docs);
  assert.deepEqual(skipped, []);
  assert.ok(
    statuses.every((status) => status !== undefined),
    `statuses: ${statuses.join(', ')}`,
  );
  // What the server makes of them: yes/on are true; a duplicated key is kept last (sigs.k8s.io/yaml) with a
  // warning under the default field validation, and refused under Strict (kubectl's default since 1.27).
  const send = (doc: string, query = '') =>
    cp.request<{ spec: { hostPID?: boolean; containers: { securityContext?: { privileged?: boolean } }[] } }>(
      'admin',
      'POST',
      `/api/v1/namespaces/default/pods?dryRun=All${query}`,
      doc,
      { contentType: 'application/yaml' },
    );
  const yesOn = (await send(docs[0]!)).json.spec;
  assert.deepEqual([yesOn.hostPID, yesOn.containers[0]?.securityContext?.privileged], [true, true]);
  const dup = await send(docs[1]!);
  assert.equal(dup.json.spec.containers[0]?.securityContext?.privileged, false, 'the last value is kept');
  assert.match(String(dup.headers.warning ?? ''), /already set in map/);
  const strict = await send(docs[1]!, '&fieldValidation=Strict');
  assert.equal(strict.status, 400);
  t.diagnostic(`strict field validation: ${strict.status} ${strict.text.slice(0, 160)}`);
});
