import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { collectFiles } from './collect-files.js';
import { applyOps, type ObjectPatch, pointer } from './patch.js';
import type { Snapshot } from './snapshot.js';
import { byRef, fixture, stdinOf, withTempDir } from './test-helpers.js';
import { outputPathFor, writePatchedInputs } from './write-patched.js';

/** Writes the patched inputs, scans them again, and checks every object is exactly `applyOps` of the original. */
async function roundTrip(
  snapshot: Snapshot,
  patches: readonly ObjectPatch[],
  outDir: string,
): Promise<Snapshot> {
  const written = await writePatchedInputs({ snapshot, patches, outDir });
  const paths = snapshot.source.type === 'files' ? snapshot.source.paths : [];
  assert.deepEqual(written, paths.map((file) => outputPathFor(outDir, file)).sort());
  const again = await collectFiles([outDir]);
  const found = byRef(again.objects);
  const ops = new Map<string, ObjectPatch['ops'][number][]>();
  for (const patch of patches) ops.set(patch.target, [...(ops.get(patch.target) ?? []), ...patch.ops]);
  let expectedCount = 0;
  for (const original of snapshot.objects) {
    const expected = applyOps(original.object, ops.get(original.ref) ?? []);
    if (expected === undefined) {
      assert.equal(found.has(original.ref), false, `${original.ref} is deleted`);
      continue;
    }
    expectedCount++;
    assert.deepEqual(found.get(original.ref)?.object, expected, original.ref);
  }
  assert.equal(again.objects.length, expectedCount);
  return again;
}

const SHOP_PATCHES: readonly ObjectPatch[] = [
  {
    target: 'Deployment/shop/web',
    ops: [
      { op: 'replace', path: '/spec/template/spec/containers/0/securityContext/privileged', value: false },
      {
        op: 'add',
        path: '/spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation',
        value: false,
      },
      {
        op: 'remove',
        path: pointer(
          'spec',
          'template',
          'metadata',
          'annotations',
          'container.apparmor.security.beta.kubernetes.io/web',
        ),
      },
    ],
  },
  {
    target: 'ServiceAccount/shop/web',
    ops: [{ op: 'add', path: '/automountServiceAccountToken', value: false }],
  },
  { target: 'Service/default/web', ops: [{ op: 'replace', path: '/spec/type', value: 'ClusterIP' }] },
  { target: 'ConfigMap/shop/db-config', ops: [{ op: 'delete-object' }] },
  { target: 'Secret/shop/db', ops: [{ op: 'add', path: '/metadata/labels', value: { rotated: 'true' } }] },
  {
    target: 'Deployment/shop/web',
    ops: [{ op: 'add', path: '/spec/template/spec/automountServiceAccountToken', value: false }],
  },
];

test('patched YAML and JSON files scan back to exactly the patched snapshot', async () => {
  await withTempDir(async (out) => {
    const snapshot = await collectFiles([fixture('shop')]);
    await roundTrip(snapshot, SHOP_PATCHES, out);
    const web = await readFile(outputPathFor(out, fixture('shop', 'web.yaml')), 'utf8');
    const original = await readFile(fixture('shop', 'web.yaml'), 'utf8');
    for (const kept of [
      '# Rendered by helm template',
      '# Source: shop/templates/deployment.yaml',
      'checksum/config: abc123',
    ]) {
      assert.ok(web.includes(kept), kept);
    }
    assert.ok(
      web.startsWith(original.slice(0, original.indexOf('apiVersion: v1'))),
      'text before the patch is copied',
    );
    const db = await readFile(outputPathFor(out, fixture('shop', 'nested', 'db.yml')), 'utf8');
    const originalDb = await readFile(fixture('shop', 'nested', 'db.yml'), 'utf8');
    assert.equal(
      db,
      originalDb.slice(0, originalDb.indexOf('---')),
      'the deleted ConfigMap goes with its separator',
    );
    const secret = await readFile(outputPathFor(out, fixture('shop', 'secret.json')), 'utf8');
    assert.match(secret, /^\{\n {2}"apiVersion": "v1",\n/);
    assert.match(secret, /\n {4}"labels": \{\n {6}"rotated": "true"\n {4}\}/);
  });
});

const DUMP_PATCHES: readonly ObjectPatch[] = [
  {
    target: 'Pod/shop/web-7d4b9c8f6-x2x9k',
    ops: [
      { op: 'remove', path: '/spec/containers/0/securityContext/privileged' },
      { op: 'remove', path: '/spec/containers/0/volumeMounts/0' },
      { op: 'remove', path: '/spec/volumes/0' },
    ],
  },
  { target: 'Secret/shop/web-token', ops: [{ op: 'delete-object' }] },
  { target: 'ClusterRole/web-reader', ops: [{ op: 'delete-object' }] },
  {
    target: 'Namespace/shop',
    ops: [
      {
        op: 'replace',
        path: pointer('metadata', 'labels', 'pod-security.kubernetes.io/enforce'),
        value: 'restricted',
      },
    ],
  },
];

test('kubectl dumps: List items are patched and deleted in place, in YAML and in JSON', async () => {
  for (const name of ['kubectl-get-all.yaml', 'kubectl-get-all.json']) {
    await withTempDir(async (out) => {
      const file = fixture('dumps', name);
      await roundTrip(await collectFiles([file]), DUMP_PATCHES, out);
      const text = await readFile(outputPathFor(out, file), 'utf8');
      const original = await readFile(file, 'utf8');
      const service = name.endsWith('.json')
        ? original.slice(
            original.indexOf('        {\n            "apiVersion": "v1",\n            "kind": "Service"'),
          )
        : original.slice(original.indexOf('- apiVersion: v1\n  kind: Service'));
      const serviceItem = service.slice(
        0,
        service.indexOf(name.endsWith('.json') ? '        },' : '- apiVersion', 10),
      );
      assert.ok(text.includes(serviceItem), `${name}: the unpatched Service item is copied byte for byte`);
      if (name.endsWith('.json')) {
        assert.doesNotThrow(() => JSON.parse(text));
        assert.match(text, /\n {8}\{\n {12}"apiVersion": "v1",\n {12}"kind": "Pod",\n/);
      } else assert.match(text, /\n- apiVersion: v1\n {2}kind: Pod\n/);
    });
  }
});

test('deleting every item of a List leaves an empty List that scans to nothing', async () => {
  for (const name of ['kubectl-get-all.yaml', 'kubectl-get-all.json']) {
    await withTempDir(async (out) => {
      const file = fixture('dumps', name);
      const snapshot = await collectFiles([file]);
      const patches = snapshot.objects.map((o) => ({
        target: o.ref,
        ops: [{ op: 'delete-object' as const }],
      }));
      const again = await roundTrip(snapshot, patches, out);
      assert.deepEqual(
        again.gaps.map((gap) => gap.kind),
        ['not-found'],
      );
      const text = await readFile(outputPathFor(out, file), 'utf8');
      if (name.endsWith('.yaml')) assert.match(text, /^apiVersion: v1\nitems: \[\]\nkind: List\n/);
      else assert.deepEqual(JSON.parse(text).items, []);
    });
  }
});

test('stdin is written as stdin.yaml; files without patches are copied byte for byte', async () => {
  await withTempDir(async (out) => {
    const text = 'kind: Namespace\napiVersion: v1\nmetadata:\n  name: piped # a comment\n';
    const crds = fixture('crds', 'widgets.yaml');
    const broken = fixture('broken', 'truncated.yaml');
    const snapshot = await collectFiles(['-', crds, broken], { stdin: stdinOf(text, 5) });
    const patches = [
      {
        target: 'Namespace/piped',
        ops: [{ op: 'add' as const, path: '/metadata/labels', value: { a: 'b' } }],
      },
    ];
    const written = await writePatchedInputs({ snapshot, patches, outDir: out });
    assert.deepEqual(
      written,
      [outputPathFor(out, broken), outputPathFor(out, crds), join(out, 'stdin.yaml')].sort(),
    );
    assert.equal(
      await readFile(join(out, 'stdin.yaml'), 'utf8'),
      'kind: Namespace\napiVersion: v1\nmetadata:\n  name: piped # a comment\n  labels:\n    a: b\n',
    );
    for (const file of [crds, broken]) {
      assert.deepEqual(await readFile(outputPathFor(out, file)), await readFile(file));
    }
  });
});

test('one-line JSON stays compact, CRLF YAML stays CRLF, and ops on one object apply in plan order', async () => {
  await withTempDir(async (dir) => {
    const out = join(dir, 'out');
    const crlf = join(dir, 'crlf.yaml');
    await writeFile(
      crlf,
      'kind: ServiceAccount\r\napiVersion: v1\r\nmetadata:\r\n  name: sa\r\n  namespace: x\r\n',
    );
    const list = fixture('dumps', 'podlist-api.json');
    const snapshot = await collectFiles([crlf, list]);
    const patches: ObjectPatch[] = [
      {
        target: 'ServiceAccount/x/sa',
        ops: [{ op: 'add', path: '/automountServiceAccountToken', value: true }],
      },
      {
        target: 'ServiceAccount/x/sa',
        ops: [{ op: 'replace', path: '/automountServiceAccountToken', value: false }],
      },
      { target: 'Pod/default/b', ops: [{ op: 'replace', path: '/spec/hostNetwork', value: false }] },
    ];
    await roundTrip(snapshot, patches, out);
    const yaml = await readFile(outputPathFor(out, crlf), 'utf8');
    assert.equal(
      yaml,
      'kind: ServiceAccount\r\napiVersion: v1\r\nmetadata:\r\n  name: sa\r\n  namespace: x\r\nautomountServiceAccountToken: false\r\n',
    );
    const json = await readFile(outputPathFor(out, list), 'utf8');
    assert.ok(json.includes('{"metadata":{"name":"b"},"spec":{"hostNetwork":false,'));
  });
});

test('refuses patches that would write redacted values, and writing over the inputs', async () => {
  const snapshot = await collectFiles([fixture('shop')]);
  const deployment = byRef(snapshot.objects).get('Deployment/shop/web')!.object;
  const container = (deployment as { spec: { template: { spec: { containers: unknown[] } } } }).spec.template
    .spec.containers[0];
  const replaceWhole: ObjectPatch = {
    target: 'Deployment/shop/web',
    ops: [{ op: 'replace', path: '/spec/template/spec/containers/0', value: container }],
  };
  await assert.rejects(
    writePatchedInputs({ snapshot, patches: [replaceWhole], outDir: 'unused' }),
    /redacted value/,
  );
  const sideField: ObjectPatch = {
    target: 'Secret/shop/db',
    ops: [{ op: 'remove', path: '/x-chokepoint/keys' }],
  };
  await assert.rejects(
    writePatchedInputs({ snapshot, patches: [sideField], outDir: 'unused' }),
    /exists only in the snapshot/,
  );
  await assert.rejects(
    writePatchedInputs({ snapshot, patches: [], outDir: '.' }),
    /would overwrite the input/,
  );
});

test('hand-written Lists: indented item blocks and flow Lists are patched where they are', async () => {
  await withTempDir(async (dir) => {
    const block = join(dir, 'block.yaml');
    await writeFile(
      block,
      'kind: List\napiVersion: v1\nitems:\n  # the first\n  - kind: Namespace\n    metadata:\n      name: a\n  - kind: Namespace\n    metadata: {name: b}\n  - kind: Namespace\n    metadata: {name: c}\n',
    );
    const flow = join(dir, 'flow.yaml');
    await writeFile(
      flow,
      '{kind: List, items: [{kind: Namespace, metadata: {name: d}}, {kind: Namespace, metadata: {name: e}}]}\n',
    );
    const snapshot = await collectFiles([block, flow]);
    const label = { op: 'add' as const, path: '/metadata/labels', value: { x: 'y' } };
    const patches: ObjectPatch[] = [
      { target: 'Namespace/a', ops: [label] },
      { target: 'Namespace/b', ops: [{ op: 'delete-object' }] },
      { target: 'Namespace/e', ops: [label] },
      { target: 'Namespace/d', ops: [{ op: 'delete-object' }] },
    ];
    await roundTrip(snapshot, patches, join(dir, 'out'));
    assert.equal(
      await readFile(outputPathFor(join(dir, 'out'), block), 'utf8'),
      'kind: List\napiVersion: v1\nitems:\n  # the first\n  - kind: Namespace\n    metadata:\n      name: a\n      labels:\n        x: "y"\n  - kind: Namespace\n    metadata: {name: c}\n',
    );
  });
});
