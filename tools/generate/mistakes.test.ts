import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { generateToTemp, readJsonDump, removeDump } from './dump-fixture.js';
import type { JsonObject } from './json-types.js';
import { detectMistakes } from './mistake-detectors.js';
import { MISTAKE_KINDS } from './model/mistake-kinds.js';

const dump = generateToTemp({ size: 'R1k', format: 'json', seed: 13 });
after(() => removeDump(dump));
const objects = readJsonDump(dump.dir);
const found = detectMistakes(objects);
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job']);
const workloads = objects.filter(
  (o) => WORKLOAD_KINDS.has(o.kind) && o.metadata.ownerReferences === undefined,
).length;

test('every mistake kind appears at R1k', () => {
  for (const kind of MISTAKE_KINDS) assert.ok((found.get(kind)?.size ?? 0) >= 1, `${kind} not found`);
});

test('each workload-level mistake stays well under 1% of workloads', () => {
  for (const kind of MISTAKE_KINDS) {
    const share = (found.get(kind)?.size ?? 0) / workloads;
    assert.ok(share < 0.01, `${kind}: ${found.get(kind)?.size} of ${workloads} workloads`);
  }
});

test('good practice dominates: most pods are hardened and do not mount a token', () => {
  const pods = objects.filter((o) => o.kind === 'Pod').map((o) => o.spec as JsonObject);
  const share = (f: (spec: JsonObject) => boolean) => pods.filter(f).length / pods.length;
  const podContext = (s: JsonObject) => (s.securityContext ?? {}) as JsonObject;
  assert.ok(share((s) => podContext(s).runAsNonRoot === true) > 0.6);
  assert.ok(
    share((s) => (podContext(s).seccompProfile as JsonObject | undefined)?.type === 'RuntimeDefault') > 0.5,
  );
  assert.ok(share((s) => s.automountServiceAccountToken === false) > 0.5);
  const limited = (s: JsonObject) =>
    ((s.containers as readonly JsonObject[])[0]!.resources as JsonObject).limits;
  assert.ok(share((s) => limited(s) !== undefined) > 0.7);
});
