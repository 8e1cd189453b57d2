/** A binary min-heap of Dijkstra items ordered by (cost, hops, via node, node): deterministic pops. */

/** One queued item. */
export interface HeapItem {
  readonly cost: number;
  readonly hops: number;
  readonly via: number;
  readonly node: number;
}

/** Min-heap keyed on (cost, hops, via, node). */
export class MinHeap {
  private readonly items: HeapItem[] = [];

  /** Adds an item. */
  push(cost: number, hops: number, via: number, node: number): void {
    const items = this.items;
    items.push({ cost, hops, via, node });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  /** Removes and returns the smallest item. */
  pop(): HeapItem | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && less(items[left]!, items[smallest]!)) smallest = left;
      if (right < items.length && less(items[right]!, items[smallest]!)) smallest = right;
      if (smallest === i) return top;
      [items[i], items[smallest]] = [items[smallest]!, items[i]!];
      i = smallest;
    }
  }
}

function less(a: HeapItem, b: HeapItem): boolean {
  if (a.cost !== b.cost) return a.cost < b.cost;
  if (a.hops !== b.hops) return a.hops < b.hops;
  if (a.via !== b.via) return a.via < b.via;
  return a.node < b.node;
}

/**
 * A binary min-heap of (cost, node) in parallel typed arrays, for a Dijkstra that needs only distances (no route
 * tie-breaks): no object per push. Ties pop the lower node first.
 */
export class CostHeap {
  private costs = new Float64Array(1024);
  private nodes = new Int32Array(1024);
  private size = 0;

  /** True when nothing is queued. */
  get empty(): boolean {
    return this.size === 0;
  }

  /** The smallest cost queued; read before `pop`. */
  get topCost(): number {
    return this.costs[0]!;
  }

  /** The node with the smallest cost; read before `pop`. */
  get topNode(): number {
    return this.nodes[0]!;
  }

  /** Adds an item. */
  push(cost: number, node: number): void {
    if (this.size === this.costs.length) {
      this.costs = doubled(this.costs);
      this.nodes = doubled(this.nodes);
    }
    const { costs, nodes } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pc = costs[parent]!;
      if (pc < cost || (pc === cost && nodes[parent]! <= node)) break;
      costs[i] = pc;
      nodes[i] = nodes[parent]!;
      i = parent;
    }
    costs[i] = cost;
    nodes[i] = node;
  }

  /** Removes the smallest item (read it first with `topCost` and `topNode`). */
  pop(): void {
    const { costs, nodes } = this;
    const last = --this.size;
    if (last <= 0) return;
    const cost = costs[last]!;
    const node = nodes[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (
        right < last &&
        (costs[right]! < costs[child]! || (costs[right] === costs[child] && nodes[right]! < nodes[child]!))
      )
        child = right;
      if (costs[child]! > cost || (costs[child] === cost && nodes[child]! >= node)) break;
      costs[i] = costs[child]!;
      nodes[i] = nodes[child]!;
      i = child;
    }
    costs[i] = cost;
    nodes[i] = node;
  }
}

/** A typed array twice as long, starting with `array`'s items: the growth of the queues' parallel arrays. */
export function doubled<T extends Int32Array | Float64Array>(array: T): T {
  const grown = new (array.constructor as new (length: number) => T)(array.length * 2);
  grown.set(array);
  return grown;
}
