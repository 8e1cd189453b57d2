import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CostHeap, MinHeap } from './min-heap.js';
import { numbers } from './test-helpers.js';

test('CostHeap pops by cost then node, past its first growth, with pushes between pops', () => {
  const random = numbers(7);
  const heap = new CostHeap();
  const pushed: [number, number][] = [];
  const popped: [number, number][] = [];
  for (let round = 0; round < 3000; round++) {
    // Few distinct costs, so ties on cost are common and the node decides.
    const item: [number, number] = [Math.floor(random() * 50), Math.floor(random() * 10_000)];
    heap.push(...item);
    pushed.push(item);
    if (round % 3 === 2) {
      popped.push([heap.topCost, heap.topNode]);
      heap.pop();
    }
  }
  while (!heap.empty) {
    popped.push([heap.topCost, heap.topNode]);
    heap.pop();
  }
  assert.equal(popped.length, pushed.length);
  assert.deepEqual(
    [...popped].sort((a, b) => a[0] - b[0] || a[1] - b[1]),
    [...pushed].sort((a, b) => a[0] - b[0] || a[1] - b[1]),
  );
  // After the interleaved pops, the rest came out in order.
  const tail = popped.slice(1000);
  for (let i = 1; i < tail.length; i++)
    assert.ok(
      tail[i - 1]![0] < tail[i]![0] || (tail[i - 1]![0] === tail[i]![0] && tail[i - 1]![1] <= tail[i]![1]),
    );
});

test('CostHeap and MinHeap agree on the order of (cost, node) items', () => {
  const random = numbers(11);
  const costs = new CostHeap();
  const items = new MinHeap();
  for (let i = 0; i < 500; i++) {
    const cost = Math.floor(random() * 20);
    const node = Math.floor(random() * 100);
    costs.push(cost, node);
    items.push(cost, 0, 0, node);
  }
  for (let item = items.pop(); item !== undefined; item = items.pop()) {
    assert.deepEqual([costs.topCost, costs.topNode], [item.cost, item.node]);
    costs.pop();
  }
  assert.ok(costs.empty);
});
