import assert from 'node:assert/strict';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { collectFiles, hasUsableInput } from './collect-files.js';
import type { SnapshotObject } from './snapshot.js';
import { byRef, fixture, stdinOf, withTempDir } from './test-helpers.js';

const where = (o: SnapshotObject) => [o.ref, o.location?.file, o.location?.line, o.location?.doc];

test('reads a folder recursively in sorted path order, keeping paths as the user gave them', async () => {
  const shop = fixture('shop');
  const snapshot = await collectFiles([shop]);
  assert.deepEqual(snapshot.source, {
    type: 'files',
    paths: [join(shop, 'nested', 'db.yml'), join(shop, 'secret.json'), join(shop, 'web.yaml')],
  });
  assert.deepEqual(snapshot.objects.map(where), [
    ['StatefulSet/shop/db', join(shop, 'nested', 'db.yml'), 1, 0],
    ['ConfigMap/shop/db-config', join(shop, 'nested', 'db.yml'), 18, 1],
    ['Secret/shop/db', join(shop, 'secret.json'), 2, 0],
    ['ServiceAccount/shop/web', join(shop, 'web.yaml'), 4, 0],
    ['Deployment/shop/web', join(shop, 'web.yaml'), 11, 1],
    ['Service/default/web', join(shop, 'web.yaml'), 36, 2],
  ]);
  assert.deepEqual(snapshot.gaps, []);
  assert.equal(hasUsableInput(snapshot), true);
});

test('skips hidden folders and files, node_modules and other extensions inside folders', async () => {
  await withTempDir(async (dir) => {
    await cp(fixture('shop'), dir, { recursive: true });
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: skipped\n';
    await mkdir(join(dir, '.git'));
    await writeFile(join(dir, '.git', 'config.yaml'), manifest);
    await mkdir(join(dir, 'node_modules', 'pkg'), { recursive: true });
    await writeFile(join(dir, 'node_modules', 'pkg', 'x.yaml'), manifest);
    await writeFile(join(dir, '.hidden.yaml'), manifest);
    await writeFile(join(dir, 'README.md'), manifest);
    await writeFile(join(dir, 'UPPER.YAML'), manifest.replace('skipped', 'upper'));
    const snapshot = await collectFiles([`${dir}/`]);
    assert.deepEqual(snapshot.source.type === 'files' && snapshot.source.paths, [
      `${dir}/UPPER.YAML`,
      `${dir}/nested/db.yml`,
      `${dir}/secret.json`,
      `${dir}/web.yaml`,
    ]);
    assert.equal(byRef(snapshot.objects).has('ConfigMap/default/skipped'), false);
    assert.equal(byRef(snapshot.objects).has('ConfigMap/default/upper'), true);
  });
});

test('a file named explicitly is read whatever its extension, and a file given twice is read once', async () => {
  await withTempDir(async (dir) => {
    const file = join(dir, 'manifest.txt');
    await writeFile(file, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: txt\n');
    const snapshot = await collectFiles([file, file]);
    assert.deepEqual(snapshot.objects.map(where), [['Namespace/txt', file, 1, 0]]);
  });
});

test('multi-document YAML: Helm sources, document end markers, YAML 1.1 scalars, default namespace', async () => {
  const snapshot = await collectFiles([fixture('shop', 'web.yaml')]);
  const objects = byRef(snapshot.objects);
  assert.equal(
    objects.get('ServiceAccount/shop/web')?.location?.template,
    'shop/templates/serviceaccount.yaml',
  );
  assert.equal(objects.get('Deployment/shop/web')?.location?.template, 'shop/templates/deployment.yaml');
  assert.equal(objects.get('Service/default/web')?.location?.template, undefined);
  const deployment = objects.get('Deployment/shop/web')?.object as {
    spec: { template: { spec: { containers: { securityContext: { privileged: unknown } }[] } } };
  };
  assert.equal(deployment.spec.template.spec.containers[0]?.securityContext.privileged, true);
  assert.deepEqual(snapshot.kindCounts, { Deployment: 1, Service: 1, ServiceAccount: 1 });
});

test('.yml and .json files: octal modes as kubectl reads them, secrets and config maps without values', async () => {
  const snapshot = await collectFiles([fixture('shop', 'nested', 'db.yml'), fixture('shop', 'secret.json')]);
  const objects = byRef(snapshot.objects);
  const statefulSet = objects.get('StatefulSet/shop/db')?.object as {
    spec: { template: { spec: { volumes: { secret: { defaultMode: number } }[] } } };
  };
  assert.equal(statefulSet.spec.template.spec.volumes[0]?.secret.defaultMode, 0o400);
  assert.deepEqual(objects.get('ConfigMap/shop/db-config')?.object['x-chokepoint'], {
    credentialLikeKeys: ['DB_PASSWORD', 'url'],
  });
  const secret = objects.get('Secret/shop/db')?.object;
  assert.deepEqual(secret?.['x-chokepoint'], { keys: ['password', 'username'] });
  assert.equal(secret?.type, 'Opaque');
  assert.deepEqual(secret?.metadata?.annotations, {});
});

test('kubectl get -A -o yaml and -o json dumps give the same objects, each at the line of its item', async () => {
  const yaml = await collectFiles([fixture('dumps', 'kubectl-get-all.yaml')]);
  const json = await collectFiles([fixture('dumps', 'kubectl-get-all.json')]);
  const refs = [
    'Namespace/shop',
    'Pod/shop/web-7d4b9c8f6-x2x9k',
    'Service/shop/web',
    'Secret/shop/web-token',
    'ConfigMap/shop/web-config',
    'ClusterRole/web-reader',
  ];
  assert.deepEqual(
    yaml.objects.map((o) => o.ref),
    refs,
  );
  assert.deepEqual(
    yaml.objects.map((o) => [o.location?.line, o.location?.doc, o.location?.itemPath]),
    [3, 18, 73, 93, 105, 115].map((line, i) => [line, 0, ['items', i]]),
  );
  assert.deepEqual(
    json.objects.map((o) => [o.location?.line, o.location?.itemPath]),
    [5, 27, 115, 148, 164, 176].map((line, i) => [line, ['items', i]]),
  );
  const strip = (o: SnapshotObject) => ({ ...o, location: undefined });
  assert.deepEqual(json.objects.map(strip), yaml.objects.map(strip));
  assert.deepEqual(yaml.kindCounts, {
    ClusterRole: 1,
    ConfigMap: 1,
    Namespace: 1,
    Pod: 1,
    Secret: 1,
    Service: 1,
  });
  assert.deepEqual(yaml.gaps, []);
});

test('API list responses: items without kind or apiVersion take them from the *List', async () => {
  const pods = await collectFiles([fixture('dumps', 'podlist-api.json')]);
  assert.deepEqual(
    pods.objects.map((o) => [o.ref, o.apiVersion, o.location?.line, o.location?.itemPath]),
    [
      ['Pod/ns1/a', 'v1', 1, ['items', 0]],
      ['Pod/default/b', 'v1', 2, ['items', 1]],
    ],
  );
  const secrets = await collectFiles([fixture('dumps', 'secretlist-api.yaml')]);
  assert.deepEqual(secrets.objects.map(where), [
    ['Secret/ns1/s1', fixture('dumps', 'secretlist-api.yaml'), 6, 0],
  ]);
  assert.deepEqual(secrets.objects[0]?.object['x-chokepoint'], { keys: ['key'] });
  assert.equal(secrets.objects[0]?.object.data, undefined);
});

test('stdin (-) is read as YAML or JSON, named <stdin>, alongside files', async () => {
  const text =
    'kind: Namespace\napiVersion: v1\nmetadata:\n  name: from-stdin\n---\nkind: Namespace\nmetadata: {name: two}\n';
  const snapshot = await collectFiles(['-', fixture('shop', 'secret.json')], { stdin: stdinOf(text, 7) });
  assert.deepEqual(snapshot.source.type === 'files' && snapshot.source.paths, [
    '<stdin>',
    fixture('shop', 'secret.json'),
  ]);
  assert.deepEqual(snapshot.objects.map(where).slice(0, 2), [
    ['Namespace/from-stdin', '<stdin>', 1, 0],
    ['Namespace/two', '<stdin>', 6, 1],
  ]);
  const json = await collectFiles(['-'], { stdin: stdinOf('{"kind":"Namespace","metadata":{"name":"j"}}') });
  assert.deepEqual(json.objects.map(where), [['Namespace/j', '<stdin>', 1, 0]]);
});

test('unknown kinds and CRDs are kept and counted; their scope follows metadata.namespace', async () => {
  const snapshot = await collectFiles([fixture('crds')]);
  assert.deepEqual(
    snapshot.objects.map((o) => o.ref),
    [
      'CustomResourceDefinition/widgets.example.com',
      'Widget/tools/blue',
      'Widget/tools/green',
      'GlobalThing/everywhere',
      'KubeletConfiguration/@widgets.yaml#4',
    ],
  );
  assert.deepEqual(snapshot.kindCounts, {
    CustomResourceDefinition: 1,
    GlobalThing: 1,
    KubeletConfiguration: 1,
    Widget: 2,
  });
  const kubelet = byRef(snapshot.objects).get('KubeletConfiguration/@widgets.yaml#4')?.object;
  assert.deepEqual(kubelet?.authorization, { mode: 'AlwaysAllow' });
});

test('cluster-scoped kinds drop a stated namespace; namespaced kinds default to default', async () => {
  const text = [
    'kind: ClusterRole\napiVersion: rbac.authorization.k8s.io/v1\nmetadata: {name: r, namespace: ignored}',
    'kind: Role\napiVersion: rbac.authorization.k8s.io/v1\nmetadata: {name: r}',
    'kind: Role\napiVersion: rbac.authorization.k8s.io/v1\nmetadata: {name: r, namespace: team}',
  ].join('\n---\n');
  const snapshot = await collectFiles(['-'], { stdin: stdinOf(text) });
  assert.deepEqual(
    snapshot.objects.map((o) => [o.ref, o.namespace]),
    [
      ['ClusterRole/r', undefined],
      ['Role/default/r', 'default'],
      ['Role/team/r', 'team'],
    ],
  );
});

test('hand-written Lists: an indented block of items, a flow List, and items: []', async () => {
  const block =
    'apiVersion: v1\nkind: List\nitems:\n  # first\n  - kind: Namespace\n    metadata:\n      name: a\n\n  - kind: Namespace\n    metadata: {name: b}\n';
  const flow =
    '{kind: List, items: [{kind: Namespace, metadata: {name: c}},\n  {kind: Namespace, metadata: {name: d}}]}\n';
  const empty = 'kind: List\nitems: []\n';
  const snapshot = await collectFiles(['-'], { stdin: stdinOf(`${block}---\n${flow}---\n${empty}`) });
  assert.deepEqual(
    snapshot.objects.map((o) => [o.ref, o.location?.line, o.location?.doc, o.location?.itemPath]),
    [
      ['Namespace/a', 5, 0, ['items', 0]],
      ['Namespace/b', 9, 0, ['items', 1]],
      ['Namespace/c', 12, 1, ['items', 0]],
      ['Namespace/d', 13, 1, ['items', 1]],
    ],
  );
  assert.deepEqual(snapshot.gaps, []);
});

test('a YAML file that starts with { is read as YAML when it is not JSON', async () => {
  await withTempDir(async (dir) => {
    const file = join(dir, 'flow.yaml');
    await writeFile(
      file,
      '{kind: Namespace, metadata: {name: flow}}\n---\nkind: Namespace\nmetadata: {name: next}\n',
    );
    const snapshot = await collectFiles([file]);
    assert.deepEqual(
      snapshot.objects.map((o) => o.ref),
      ['Namespace/flow', 'Namespace/next'],
    );
    assert.deepEqual(snapshot.gaps, []);
  });
});

test('an object with a top-level items field that is not a List is read whole', async () => {
  const yaml =
    'apiVersion: example.com/v1\nkind: Bundle\nmetadata:\n  name: b\nitems:\n- one\n- two: 2\nsize: 3\n';
  const json = '{"kind": "Bundle", "items": ["one", {"two": 2}], "metadata": {"name": "j"}}';
  const fromYaml = await collectFiles(['-'], { stdin: stdinOf(yaml) });
  const fromJson = await collectFiles(['-'], { stdin: stdinOf(json) });
  assert.deepEqual(fromYaml.objects[0]?.object.items, ['one', { two: 2 }]);
  assert.deepEqual(fromYaml.objects.map(where), [['Bundle/b', '<stdin>', 1, 0]]);
  assert.equal(fromYaml.objects[0]?.object.size, 3);
  assert.deepEqual(fromJson.objects[0]?.object.items, ['one', { two: 2 }]);
  assert.deepEqual(fromJson.objects.map(where), [['Bundle/j', '<stdin>', 1, 0]]);
});

test('a byte-order mark and CRLF line endings change nothing, in YAML and in JSON', async () => {
  const yaml = await readFile(fixture('dumps', 'kubectl-get-all.yaml'), 'utf8');
  const json = await readFile(fixture('dumps', 'kubectl-get-all.json'), 'utf8');
  const crlf = (text: string) => `\ufeff${text.replace(/\n/g, '\r\n')}`;
  const plainYaml = await collectFiles(['-'], { stdin: stdinOf(yaml) });
  const plainJson = await collectFiles(['-'], { stdin: stdinOf(json) });
  const strange = await collectFiles(['-'], { stdin: stdinOf(crlf(yaml)) });
  const strangeJson = await collectFiles(['-'], { stdin: stdinOf(crlf(json)) });
  assert.deepEqual(strange.objects, plainYaml.objects);
  assert.deepEqual(strangeJson.objects, plainJson.objects);
});

test('how the input is cut into chunks changes nothing', async () => {
  for (const name of ['kubectl-get-all.yaml', 'kubectl-get-all.json']) {
    const text = await readFile(fixture('dumps', name));
    const whole = await collectFiles(['-'], { stdin: stdinOf(text) });
    for (const size of [1, 2, 3, 5, 64]) {
      const cut = await collectFiles(['-'], { stdin: stdinOf(text, size) });
      assert.deepEqual(cut.objects, whole.objects, `${name} in chunks of ${size}`);
    }
  }
});
