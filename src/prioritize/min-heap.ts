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
