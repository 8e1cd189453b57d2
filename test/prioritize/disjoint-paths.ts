/** Edge-disjoint routes from the entries to one jewel, by unit-capacity max flow (stops once `enough` are found). */
import type { Graph } from '../../src/graph/graph.js';

/** How many edge-disjoint paths lead from any of `sources` to `target`, up to `enough`. */
export function disjointPaths(
  graph: Graph,
  sources: readonly number[],
  target: number,
  enough: number,
): number {
  const n = graph.nodes.length;
  const m = graph.edges.length;
  const used = new Uint8Array(m);
  const out: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < m; e++) out[graph.from[e]!]!.push(e);
  const into: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < m; e++) into[graph.to[e]!]!.push(e);
  let flow = 0;
  while (flow < enough) {
    // BFS in the residual graph: forward along unused edges, backward along used ones.
    const via = new Int32Array(n).fill(-2);
    const queue = [...sources];
    for (const s of sources) via[s] = -1;
    while (queue.length > 0 && via[target] === -2) {
      const v = queue.shift()!;
      for (const e of out[v]!) {
        const w = graph.to[e]!;
        if (used[e] || via[w] !== -2) continue;
        via[w] = e + 1;
        queue.push(w);
      }
      for (const e of into[v]!) {
        const w = graph.from[e]!;
        if (!used[e] || via[w] !== -2) continue;
        via[w] = -(e + 3);
        queue.push(w);
      }
    }
    if (via[target] === -2) break;
    for (let v = target; via[v] !== -1; ) {
      const code = via[v]!;
      if (code > 0) {
        used[code - 1] = 1;
        v = graph.from[code - 1]!;
      } else {
        used[-code - 3] = 0;
        v = graph.to[-code - 3]!;
      }
    }
    flow++;
  }
  return flow;
}
