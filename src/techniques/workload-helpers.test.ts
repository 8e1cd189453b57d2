import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import type { Workload } from '../model/types.js';
import { containerNode } from './workload-helpers.js';

const pod = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'shop' },
  spec: { containers: [{ name: 'app', image: 'shop:1' }] },
});

test('a container is named by its workload, once, and rightly even if two workloads shared one Container', () => {
  const model = buildModel(snapshotOf([pod('a'), pod('b')]));
  const [a, b] = model.workloads as [Workload, Workload];
  const first = containerNode(a, a.containers[0]!);
  assert.equal(first, 'Pod/shop/a#app');
  assert.equal(containerNode(a, a.containers[0]!), first);
  // Same name, other workload: never the cached name of the first.
  assert.equal(containerNode(b, a.containers[0]!), 'Pod/shop/b#app');
  assert.equal(containerNode(a, a.containers[0]!), 'Pod/shop/a#app');
});
