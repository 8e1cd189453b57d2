/**
 * Immediate dominators by Cooper, Harvey and Kennedy ("A Simple, Fast Dominance Algorithm", 2001): iterate
 * `idom(b) = intersect(processed predecessors)` in reverse postorder until nothing changes. Near-linear on the
 * shallow graphs attack paths make, and simple enough to check against brute force.
 */

/** A directed graph in CSR form: the successors of v are `targets[start[v] .. start[v+1])`. */
export interface Csr {
  readonly start: Int32Array;
  readonly targets: Int32Array;
}

/** Builds CSR successors from edge lists. */
export function csrOf(nodeCount: number, from: ArrayLike<number>, to: ArrayLike<number>): Csr {
  const start = new Int32Array(nodeCount + 1);
  for (let i = 0; i < from.length; i++) start[from[i]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, nodeCount);
  const targets = new Int32Array(from.length);
  for (let i = 0; i < from.length; i++) targets[fill[from[i]!]!++] = to[i]!;
  return { start, targets };
}

/** Reverse postorder of the nodes reachable from `root` (iterative DFS, successors in stored order). */
function reversePostorder(graph: Csr, root: number): number[] {
  const n = graph.start.length - 1;
  const seen = new Uint8Array(n);
  const post: number[] = [];
  const stack: number[] = [root];
  const cursor = new Int32Array(n);
  seen[root] = 1;
  cursor[root] = graph.start[root]!;
  while (stack.length > 0) {
    const v = stack[stack.length - 1]!;
    if (cursor[v]! < graph.start[v + 1]!) {
      const w = graph.targets[cursor[v]!++]!;
      if (!seen[w]) {
        seen[w] = 1;
        cursor[w] = graph.start[w]!;
        stack.push(w);
      }
    } else {
      post.push(v);
      stack.pop();
    }
  }
  return post.reverse();
}

/** The immediate dominator of every node: `idom[root] = root`, -1 when unreachable from `root`. */
export function immediateDominators(graph: Csr, root: number): Int32Array {
  const n = graph.start.length - 1;
  const order = reversePostorder(graph, root);
  const rank = new Int32Array(n).fill(-1);
  order.forEach((v, i) => {
    rank[v] = i;
  });
  // Predecessors among reachable nodes, in CSR form (typed arrays: this runs once per plan round).
  const predStart = new Int32Array(n + 1);
  for (const v of order)
    for (let k = graph.start[v]!; k < graph.start[v + 1]!; k++) predStart[graph.targets[k]! + 1]!++;
  for (let v = 0; v < n; v++) predStart[v + 1]! += predStart[v]!;
  const fill = predStart.slice(0, n);
  const preds = new Int32Array(predStart[n]!);
  for (const v of order)
    for (let k = graph.start[v]!; k < graph.start[v + 1]!; k++) preds[fill[graph.targets[k]!]!++] = v;
  const idom = new Int32Array(n).fill(-1);
  idom[root] = root;
  const intersect = (a: number, b: number): number => {
    let x = a;
    let y = b;
    while (x !== y) {
      while (rank[x]! > rank[y]!) x = idom[x]!;
      while (rank[y]! > rank[x]!) y = idom[y]!;
    }
    return x;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const v of order) {
      if (v === root) continue;
      let next = -1;
      for (let k = predStart[v]!; k < predStart[v + 1]!; k++) {
        const p = preds[k]!;
        if (idom[p] === -1) continue;
        next = next === -1 ? p : intersect(p, next);
      }
      if (next !== -1 && idom[v] !== next) {
        idom[v] = next;
        changed = true;
      }
    }
  }
  return idom;
}

/** The strict dominators of `node` (root included), from its immediate dominator up; empty when unreachable. */
export function dominatorsOf(idom: Int32Array, node: number): number[] {
  if (idom[node] === -1) return [];
  const out: number[] = [];
  for (let v = node; idom[v] !== v; ) {
    v = idom[v]!;
    out.push(v);
  }
  return out;
}
