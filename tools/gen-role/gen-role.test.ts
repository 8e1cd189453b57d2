import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { LIVE_KINDS } from '../../src/collect/live/kinds.js';
import { SCANNER_ROLE_DIR, scannerRoleFiles } from '../../src/collect/live/scanner-role-files.js';
import { MODEL_NAMESPACED_KINDS } from '../../src/model/namespaces.js';
import { scannerImage } from './image.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

test('examples/rbac/ is what npm run gen-role writes from the kind registry', () => {
  for (const [name, text] of Object.entries(scannerRoleFiles(scannerImage()))) {
    const onDisk = readFileSync(join(root, SCANNER_ROLE_DIR, name), 'utf8');
    assert.equal(onDisk, text, `${SCANNER_ROLE_DIR}/${name} is stale: run npm run gen-role`);
  }
});

test('the role is read-only, never nodes/proxy, and grants list on every registry kind', () => {
  const text = scannerRoleFiles(scannerImage())['chokepoint-rbac.yaml'] ?? '';
  const role = parseAllDocuments(text)
    .map(
      (d) =>
        d.toJS() as { kind: string; rules?: { apiGroups: string[]; resources: string[]; verbs: string[] }[] },
    )
    .find((o) => o.kind === 'ClusterRole');
  assert.ok(role?.rules);
  for (const rule of role.rules) {
    assert.ok(!rule.resources.includes('nodes/proxy') && !rule.resources.includes('*'));
    // Access reviews (who am I, what may I do) are the only creates; the server never stores them.
    const reviews = ['authentication.k8s.io', 'authorization.k8s.io'].includes(rule.apiGroups[0] ?? '');
    if (reviews) assert.ok(rule.resources.every((r) => r.endsWith('reviews')));
    for (const verb of rule.verbs) assert.ok(reviews ? verb === 'create' : verb === 'list' || verb === 'get');
  }
  for (const k of LIVE_KINDS) {
    assert.ok(
      role.rules.some(
        (r) => r.apiGroups.includes(k.group) && r.resources.includes(k.plural) && r.verbs.includes('list'),
      ),
      `${k.plural} is not listable`,
    );
  }
});

test('the registry lists every namespaced kind the model reads', () => {
  const listed = new Set(LIVE_KINDS.map((k) => k.kind));
  for (const kind of MODEL_NAMESPACED_KINDS)
    assert.ok(listed.has(kind), `${kind} is read by the model but not listed live`);
});
