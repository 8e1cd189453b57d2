import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { generateToTemp, readJsonDump, removeDump } from './dump-fixture.js';
import type { JsonObject, KubeObject } from './json-types.js';

const dump = generateToTemp({ size: 'R1k', format: 'json', seed: 5 });
after(() => removeDump(dump));
const objects = readJsonDump(dump.dir);
const byUid = new Map<string, KubeObject>(objects.map((o) => [o.metadata.uid, o]));

test('uids are unique across the dump', () => {
  assert.equal(byUid.size, objects.length);
});

test('every ownerReference points to an object that exists, by uid, kind, name and namespace', () => {
  let checked = 0;
  for (const object of objects) {
    for (const ref of (object.metadata.ownerReferences ?? []) as readonly JsonObject[]) {
      const owner = byUid.get(String(ref.uid));
      assert.ok(owner, `${object.kind} ${object.metadata.name}: owner ${ref.kind}/${ref.name} missing`);
      assert.equal(owner.kind, ref.kind);
      assert.equal(owner.metadata.name, ref.name);
      assert.equal(owner.apiVersion, ref.apiVersion);
      assert.equal(owner.metadata.namespace, object.metadata.namespace);
      checked++;
    }
  }
  assert.ok(checked > 1000);
});

test('pods chain up to Deployments, DaemonSets, StatefulSets, Jobs and CronJobs', () => {
  const chains = new Set<string>();
  for (const pod of objects.filter((o) => o.kind === 'Pod')) {
    const chain: string[] = [];
    let current: KubeObject | undefined = pod;
    while (current !== undefined) {
      chain.push(current.kind);
      const ref: JsonObject | undefined = (
        (current.metadata.ownerReferences ?? []) as readonly JsonObject[]
      )[0];
      current = ref === undefined ? undefined : byUid.get(String(ref.uid));
    }
    chains.add(chain.join('>'));
  }
  for (const chain of [
    'Pod>ReplicaSet>Deployment',
    'Pod>DaemonSet',
    'Pod>StatefulSet',
    'Pod>Job',
    'Pod>Job>CronJob',
  ]) {
    assert.ok(chains.has(chain), `missing chain ${chain}; saw ${[...chains].join(', ')}`);
  }
  assert.equal(chains.size, 5);
});

test('every pod runs on a node that exists', () => {
  const nodes = new Set(objects.filter((o) => o.kind === 'Node').map((o) => o.metadata.name));
  for (const pod of objects.filter((o) => o.kind === 'Pod')) {
    assert.ok(nodes.has(String((pod.spec as JsonObject).nodeName)), `${pod.metadata.name} has no node`);
  }
});
