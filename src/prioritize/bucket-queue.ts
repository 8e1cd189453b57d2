/** Monotone queues of (cost, node) for the planner's Dijkstra over integer route costs. */
import { CostHeap, doubled } from './min-heap.js';

/**
 * Dial's buckets: a ring with one bucket per cost of a window that holds every cost queued at once. Route costs
 * are integers (`costOfProbability` rounds), and an estimate near a jewel relabels 85,000 nodes at R150k, where
 * each pop of a binary heap walks 16 levels.
 *
 * Monotone: a push below the cost last popped is a bug. Ties pop in no set order (distances do not depend on it).
 */
export class BucketQueue {
  /** First entry of each bucket, or -1; every bucket is empty between uses. */
  private heads = new Int32Array(0);
  private nextEntry = new Int32Array(1024);
  private entryNode = new Int32Array(1024);
  private entries = 0;
  private queued = 0;
  private width = 0;
  /** The cost the scan stands at, and its bucket. */
  private at = 0;
  private slot = 0;
  /** The cost of the node `pop` returned last. */
  cost = 0;

  /** The widest window worth a ring (4 Mi buckets, 16 MiB); wider spans need a heap. */
  static readonly MAX_WIDTH = 1 << 22;

  /**
   * Starts a use: every cost pushed until the queue drains lies in [`least`, c + `span`], where c is the cost last
   * popped (or `least` before the first pop). Needs `span` < `MAX_WIDTH`.
   */
  start(least: number, span: number): void {
    if (this.queued !== 0) throw new Error('BucketQueue.start: the previous use did not drain');
    const width = span + 1;
    if (width > BucketQueue.MAX_WIDTH) throw new RangeError(`BucketQueue: a span of ${span} is too wide`);
    if (this.heads.length < width) this.heads = new Int32Array(width).fill(-1);
    this.width = width;
    this.at = least;
    this.slot = 0;
    this.entries = 0;
  }

  /** Queues `node` at integer `cost`. */
  push(cost: number, node: number): void {
    if (this.entries === this.nextEntry.length) {
      this.nextEntry = doubled(this.nextEntry);
      this.entryNode = doubled(this.entryNode);
    }
    const offset = cost - this.at;
    if (!(offset >= 0 && offset < this.width && offset === Math.floor(offset)))
      throw new RangeError(
        `BucketQueue.push: cost ${cost} is outside [${this.at}, ${this.at + this.width - 1}]`,
      );
    let bucket = this.slot + offset;
    if (bucket >= this.width) bucket -= this.width;
    const entry = this.entries++;
    this.entryNode[entry] = node;
    this.nextEntry[entry] = this.heads[bucket]!;
    this.heads[bucket] = entry;
    this.queued++;
  }

  /** Removes a node of the least queued cost and returns it (its cost is in `cost`), or -1 when empty. */
  pop(): number {
    if (this.queued === 0) return -1;
    const heads = this.heads;
    // Every queued cost lies within one window of the scan, so a whole empty window means an entry was lost.
    for (let scanned = 0; heads[this.slot] === -1; scanned++) {
      if (scanned === this.width) throw new Error('BucketQueue.pop: a queued entry was lost');
      this.at++;
      if (++this.slot === this.width) this.slot = 0;
    }
    const entry = heads[this.slot]!;
    heads[this.slot] = this.nextEntry[entry]!;
    this.queued--;
    this.cost = this.at;
    return this.entryNode[entry]!;
  }
}

/** `CostHeap` behind `BucketQueue`'s calls, for spans too wide for a ring. */
export class HeapQueue {
  private readonly heap = new CostHeap();
  cost = 0;

  start(_least: number, _span: number): void {}

  push(cost: number, node: number): void {
    this.heap.push(cost, node);
  }

  pop(): number {
    if (this.heap.empty) return -1;
    this.cost = this.heap.topCost;
    const node = this.heap.topNode;
    this.heap.pop();
    return node;
  }
}
