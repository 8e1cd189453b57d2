import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BucketQueue, HeapQueue } from './bucket-queue.js';
import { numbers } from './test-helpers.js';

test('BucketQueue pops in cost order with monotone pushes between pops, its ring wrapping many times', () => {
  const random = numbers(11);
  const queue = new BucketQueue();
  const span = 7;
  queue.start(100, span);
  const pushed: [number, number][] = [];
  const popped: [number, number][] = [];
  let last = 100;
  for (let round = 0; round < 5000; round++) {
    // Costs within one span of the last pop, zero steps included, so buckets are reused and ties are common.
    const item: [number, number] = [last + Math.floor(random() * (span + 1)), round];
    queue.push(...item);
    pushed.push(item);
    if (round >= 20) {
      const node = queue.pop();
      popped.push([queue.cost, node]);
      last = queue.cost;
    }
  }
  for (let node = queue.pop(); node >= 0; node = queue.pop()) popped.push([queue.cost, node]);
  for (let i = 1; i < popped.length; i++) assert.ok(popped[i]![0] >= popped[i - 1]![0], `pop ${i} went back`);
  const byCostThenNode = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];
  assert.deepEqual([...popped].sort(byCostThenNode), [...pushed].sort(byCostThenNode));
  assert.ok(popped.at(-1)![0] > 100 + 10 * span, 'the scan went round the ring many times');
});

/** Shortest distances to node 0 over `edges` (from, to, cost), by Dijkstra with `queue`. */
function dijkstra(n: number, edges: readonly Edge[], queue: BucketQueue | HeapQueue): Float64Array {
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  dist[0] = 0;
  queue.start(0, Math.max(0, ...edges.map((edge) => edge[2])));
  queue.push(0, 0);
  for (let v = queue.pop(); v >= 0; v = queue.pop()) {
    const cost = queue.cost;
    if (cost !== dist[v]) continue;
    for (const [from, to, weight] of edges) {
      if (to !== v || cost + weight >= dist[from]!) continue;
      dist[from] = cost + weight;
      queue.push(cost + weight, from);
    }
  }
  return dist;
}

/** The same distances by Bellman-Ford: no queue at all. */
function bellmanFord(n: number, edges: readonly Edge[]): Float64Array {
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  dist[0] = 0;
  for (let round = 0; round < n; round++)
    for (const [from, to, weight] of edges)
      if (dist[to]! + weight < dist[from]!) dist[from] = dist[to]! + weight;
  return dist;
}

type Edge = readonly [from: number, to: number, cost: number];

test('Dijkstra with BucketQueue or HeapQueue gives the distances Bellman-Ford gives, zero-cost edges included', () => {
  const random = numbers(5);
  const buckets = new BucketQueue();
  for (let graph = 0; graph < 20; graph++) {
    const n = 60;
    const edges: Edge[] = [];
    for (let i = 0; i < 240; i++) {
      // The planner's costs: integers, a fifth of them 0 (certain steps), up to 6644 (likelihood 0.01).
      const cost = random() < 0.2 ? 0 : Math.floor(random() * 6645);
      edges.push([Math.floor(random() * n), Math.floor(random() * n), cost]);
    }
    const expected = bellmanFord(n, edges);
    assert.ok(
      expected.some((d, v) => v > 0 && d < Number.POSITIVE_INFINITY),
      'some node reaches node 0',
    );
    assert.deepEqual(dijkstra(n, edges, buckets), expected, `graph ${graph}, buckets`);
    assert.deepEqual(dijkstra(n, edges, new HeapQueue()), expected, `graph ${graph}, heap`);
  }
});

test('BucketQueue refuses what would break its order, and is reusable after draining', () => {
  const queue = new BucketQueue();
  queue.start(10, 5);
  assert.throws(() => queue.push(9, 1), RangeError);
  assert.throws(() => queue.push(16, 1), RangeError);
  assert.throws(() => queue.push(10.5, 1), RangeError);
  queue.push(15, 2);
  queue.push(10, 1);
  assert.throws(() => queue.start(0, 3), /did not drain/);
  assert.deepEqual([queue.pop(), queue.cost, queue.pop(), queue.cost, queue.pop()], [1, 10, 2, 15, -1]);
  assert.throws(() => queue.start(0, BucketQueue.MAX_WIDTH), RangeError);
  // A narrower use after a wider one: the ring is larger than needed and every bucket was left empty.
  queue.start(1000, 2);
  queue.push(1002, 7);
  queue.push(1000, 8);
  assert.deepEqual([queue.pop(), queue.cost, queue.pop(), queue.cost, queue.pop()], [8, 1000, 7, 1002, -1]);
});
