/**
 * A fix's effect on risk estimated on the graph alone, without re-running the pipeline: the technique edges that
 * list the fix are dropped (a merged edge keeps its cheapest surviving twin), and only the nodes whose best route
 * crossed a dropped edge get new distances (a Dijkstra over that subtree of the best-path forest, seeded from its
 * border). It is exact when a patch removes exactly the edges that name it, which every technique keeps and the
 * tests check against full re-runs; fixes that can change entries are re-run instead (`CHANGES_ENTRIES`).
 */
import { edgeCost } from '../graph/graph.js';
import { TECHNIQUES_BY_ID } from '../techniques/index.js';
import type { RemediationId } from '../techniques/remediations.js';
import type { Edge, Fix, TechniqueId } from '../techniques/types.js';
import { THREAT_MODELS } from '../techniques/types.js';
import { BucketQueue, HeapQueue } from './bucket-queue.js';
import { jewelsOf } from './jewels.js';
import type { PipelineContext, ScoredRun } from './pipeline.js';
import { scoreOfCost } from './score.js';
import { spareInt32 } from './spare-arrays.js';

/**
 * Remediations that do more than remove the edges that name them: they can change the entries themselves (an
 * exposure, a leaked credential, an anonymous or probed port, the prior of an exposed container), or add edges
 * (isolating a workload moves it to a dedicated pool). The graph cannot see that, so the planner re-runs the
 * pipeline for them.
 */
export const CHANGES_ENTRIES: Readonly<Record<RemediationId, boolean>> = {
  'delete-legacy-token-secret': true,
  'disable-anonymous-auth': true,
  'disable-dashboard-skip-login': true,
  'disable-host-network': true,
  'disable-host-pid': false,
  'disable-insecure-port': true,
  'disable-kubelet-anonymous-auth': true,
  'disable-kubelet-read-only-port': true,
  'disable-share-process-namespace': false,
  'disable-token-automount': false,
  'drop-capability': false,
  'drop-privileged': false,
  'enable-user-namespace': false,
  'enforce-pod-security-baseline': false,
  'isolate-sensitive-workload': true,
  'make-service-internal': true,
  'remove-binding-subject': false,
  'remove-external-ips': true,
  'remove-host-path': false,
  'remove-ingress-backend': true,
  'require-etcd-client-cert-auth': true,
  'restrict-role-rule': false,
  'set-apparmor-runtime-default': false,
  'set-authorization-mode-rbac': true,
};

/** True when the graph estimate of `fixes` is exact: none of them can change an entry. */
export function estimable(fixes: readonly Fix[]): boolean {
  return fixes.every((fix) => !CHANGES_ENTRIES[fix.remediation]);
}

/**
 * Per-run lookups the estimate needs, built once per run. Raw edges are numbered as in the last full run
 * (`rawEdges`), and a graph edit keeps the edge numbers of the graph it edits, so a run made by graph edits shares
 * every lookup but the best-path forest and only marks raws dead.
 */
export interface RunIndex {
  readonly run: ScoredRun;
  /** The raw technique edges (before merging) of the last full run, and which of them this run still has. */
  readonly rawEdges: readonly Edge[];
  readonly alive: Uint8Array;
  /** Raw edges whose fixes target each ref (dead ones included: check `alive`). */
  readonly byTarget: ReadonlyMap<string, readonly number[]>;
  /** The merged graph edge of each raw edge (a dead raw keeps its edge: check `alive`), and its own cost. */
  readonly graphEdge: Int32Array;
  readonly rawCost: Int32Array;
  /** Raw edges of graph edge g are `raws[rawStart[g] .. rawStart[g+1])` (dead ones included: check `alive`). */
  readonly rawStart: Int32Array;
  readonly raws: Int32Array;
  /** Out-edges in CSR form (removed ones included: check `graph.removed`), and the best-path forest's children. */
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
  /** The source of each in-edge, in `graph.inEdges` order: the Dijkstra's inner loop reads it in sequence. */
  readonly inFrom: Int32Array;
  readonly childStart: Int32Array;
  readonly children: Int32Array;
  /** What carries over to a run made by graph edits: the same nodes and entries. */
  readonly carried: CarriedIndex;
}

/** Lookups over the nodes and entries, which a graph edit keeps. */
export interface CarriedIndex {
  /** Entry scores (indexes into `run.risk.entries`) at node v are `entryItems[entryStart[v] .. entryStart[v+1])`. */
  readonly entryStart: Int32Array;
  readonly entryItems: Int32Array;
  /** Each node's jewel cost, or infinity when it is no jewel. */
  readonly jewelAt: Float64Array;
  /** The node of each entry score (an index into `run.risk.entries`), or -1 when it is not in the graph. */
  readonly entryNode: Int32Array;
}

// Arrays dead as soon as a CSR is built, reused by every build: the fill cursors, and the best-path forest's
// parents. New ones per plan round were a sixth of the typed-array garbage of an R150k plan, which waits for a
// full collection.
let fillScratch = new Int32Array(0);
let parentScratch = new Int32Array(0);

/** A CSR of `count` buckets from (bucket, item) pairs: item i is in bucket `bucketOf[i]` (none when negative). */
function csr(count: number, bucketOf: Int32Array): { start: Int32Array; items: Int32Array } {
  // Indexed loops: these run once per full run, often before the code is optimised, where an iterator or a
  // callback per item allocates (78 MB per R150k plan).
  const start = spareInt32(count + 1).fill(0);
  for (let i = 0; i < bucketOf.length; i++) if (bucketOf[i]! >= 0) start[bucketOf[i]! + 1]!++;
  for (let i = 0; i < count; i++) start[i + 1]! += start[i]!;
  if (fillScratch.length < count) fillScratch = new Int32Array(count);
  const fill = fillScratch;
  fill.set(start.subarray(0, count));
  const items = spareInt32(start[count]!);
  for (let i = 0; i < bucketOf.length; i++) {
    const b = bucketOf[i]!;
    if (b >= 0) items[fill[b]!++] = i;
  }
  return { start, items };
}

/** Where each raw edge lies in the merged graph, its own cost, and the raw edges whose fixes target each ref. */
interface RawIndex {
  readonly rawEdges: readonly Edge[];
  readonly alive: Uint8Array;
  readonly graphEdge: Int32Array;
  readonly rawCost: Int32Array;
  readonly byTarget: ReadonlyMap<string, readonly number[]>;
}

/** Builds the lookups for one run. */
export function indexRun(run: ScoredRun, context: PipelineContext): RunIndex {
  const raw = rawIndexOf(run);
  const { graph } = run;
  const rawLists = csr(graph.edges.length, raw.graphEdge);
  const out = csr(graph.nodes.length, graph.from);
  return {
    ...raw,
    rawStart: rawLists.start,
    raws: rawLists.items,
    outStart: out.start,
    outEdges: out.items,
    inFrom: graph.inEdges.map((e) => graph.from[e]!),
    ...forestOf(run),
    run,
    carried: carriedIndexOf(run, jewelsOf(context.config).cost),
  };
}

/**
 * The lookups of a run made by graph edits from the run `old` indexes: the same raws, edges and nodes, so only
 * which raws live and the best-path forest are new.
 */
export function reindexRun(old: RunIndex, run: ScoredRun, alive: Uint8Array): RunIndex {
  return { ...old, alive, ...forestOf(run), run };
}

/** The raw-edge lookups, found by looking each raw edge up in the merged graph. */
function rawIndexOf(run: ScoredRun): RawIndex {
  const { graph } = run;
  // The graph built from these very edges recorded where each went (a graph edit keeps its parent's index).
  const graphEdge = graph.edgeOfInput;
  if (graphEdge === undefined || graphEdge.length !== run.edges.length)
    throw new Error('a full run must hold the graph built from its own technique edges');
  const rawCost = new Int32Array(run.edges.length);
  const byTarget = new Map<string, number[]>();
  const metaOf = (id: TechniqueId) => TECHNIQUES_BY_ID[id].meta;
  run.edges.forEach((edge, r) => {
    rawCost[r] = edgeCost(edge, metaOf);
    // Each target once per edge; an edge has a fix or two, so a set per edge (820,000 at R150k) is not needed.
    const { fixes } = edge;
    for (let i = 0; i < fixes.length; i++) {
      const target = fixes[i]!.target;
      let seen = false;
      for (let j = 0; j < i && !seen; j++) seen = fixes[j]!.target === target;
      if (seen) continue;
      const list = byTarget.get(target);
      if (list === undefined) byTarget.set(target, [r]);
      else list.push(r);
    }
  });
  return {
    rawEdges: run.edges,
    alive: new Uint8Array(run.edges.length).fill(1),
    graphEdge,
    rawCost,
    byTarget,
  };
}

/** The children of each node in the run's best-path forest, in CSR form. */
function forestOf(run: ScoredRun): { childStart: Int32Array; children: Int32Array } {
  const { graph } = run;
  const { next } = run.risk.distances;
  const n = graph.nodes.length;
  if (parentScratch.length !== n) parentScratch = new Int32Array(n);
  const parent = parentScratch;
  for (let v = 0; v < n; v++) parent[v] = next[v]! < 0 ? -1 : graph.to[next[v]!]!;
  const tree = csr(n, parent);
  return { childStart: tree.start, children: tree.items };
}

/** The entries at each node and each node's jewel cost. */
function carriedIndexOf(run: ScoredRun, jewelCost: (ref: string) => number | undefined): CarriedIndex {
  const { graph } = run;
  const atNode = new Int32Array(run.risk.entries.length).fill(-1);
  run.risk.entries.forEach((scored, i) => {
    atNode[i] = graph.index.get(scored.entry.node) ?? -1;
  });
  const entries = csr(graph.nodes.length, atNode);
  const jewelAt = new Float64Array(graph.nodes.length);
  graph.nodes.forEach((ref, v) => {
    jewelAt[v] = jewelCost(ref) ?? Number.POSITIVE_INFINITY;
  });
  return { entryStart: entries.start, entryItems: entries.items, jewelAt, entryNode: atNode };
}

/** The raw technique edges that name one of `fixes`: the edges a patch is expected to remove. */
export function killedRaws(
  index: RunIndex,
  fixes: readonly Fix[],
  keyOf: (fix: Fix) => string,
): ReadonlySet<number> {
  const killed = new Set<number>();
  for (const fix of fixes) {
    const key = keyOf(fix);
    for (const r of index.byTarget.get(fix.target) ?? []) {
      if (!index.alive[r]) continue;
      if (index.rawEdges[r]!.fixes.some((f) => f.target === fix.target && keyOf(f) === key)) killed.add(r);
    }
  }
  return killed;
}

/** Graph edges whose cost rises when the raw edges naming `fixes` are dropped, with their new cost. */
function raisedEdges(
  index: RunIndex,
  fixes: readonly Fix[],
  keyOf: (fix: Fix) => string,
): Map<number, number> {
  const killed = killedRaws(index, fixes, keyOf);
  const raised = new Map<number, number>();
  for (const r of killed) {
    const g = index.graphEdge[r]!;
    if (raised.has(g)) continue;
    let cost = Number.POSITIVE_INFINITY;
    for (let k = index.rawStart[g]!; k < index.rawStart[g + 1]!; k++) {
      const other = index.raws[k]!;
      if (index.alive[other] && !killed.has(other)) cost = Math.min(cost, index.rawCost[other]!);
    }
    if (cost > index.run.graph.cost[g]!) raised.set(g, cost);
  }
  return raised;
}

/** A set of node numbers: the members in the order found, and a membership test. */
export interface NodeSet {
  readonly nodes: Int32Array;
  /** The first `tops` members are the nodes whose own best route starts with a changed edge. */
  readonly tops: number;
  has(v: number): boolean;
  /** Node v is a member when `stamps[v] === epoch` (the same test as `has`, for hot loops). */
  readonly stamps: Uint32Array;
  readonly epoch: number;
}

// Membership stamps shared by every call: a node is in the latest set when its stamp is the current epoch. The
// planner judges thousands of candidates on graphs of 200k nodes, where a hash set per call cost most of the time.
let stamps = new Uint32Array(0);
let epoch = 0;
// The members of the latest set, in one array reused by every call (a growing list per estimate was 94 MB of an
// R150k plan's allocation).
let members = new Int32Array(0);

function freshStamps(size: number): Uint32Array {
  if (stamps.length < size || epoch === 0xffffffff) {
    stamps = new Uint32Array(Math.max(size, stamps.length));
    epoch = 0;
  }
  epoch++;
  return stamps;
}

/**
 * Nodes whose best route crosses a removed or dearer edge: the subtrees above those edges in the best-path forest.
 * The set is valid until the next call.
 */
export function affectedBy(index: RunIndex, changed: Iterable<number>): NodeSet {
  const { graph, risk } = index.run;
  const mark = freshStamps(graph.nodes.length);
  const at = epoch;
  if (members.length < graph.nodes.length) members = new Int32Array(graph.nodes.length);
  const nodes = members;
  let count = 0;
  for (const g of changed) {
    const u = graph.from[g]!;
    if (risk.distances.next[u] === g && mark[u] !== at) {
      mark[u] = at;
      nodes[count++] = u;
    }
  }
  const tops = count;
  // `nodes` doubles as the stack: every member is visited once, in the order found.
  for (let i = 0; i < count; i++) {
    const v = nodes[i]!;
    for (let k = index.childStart[v]!; k < index.childStart[v + 1]!; k++) {
      const c = index.children[k]!;
      if (mark[c] !== at) {
        mark[c] = at;
        nodes[count++] = c;
      }
    }
  }
  return { nodes: nodes.subarray(0, count), tops, has: (v) => mark[v] === at, stamps: mark, epoch: at };
}

// Stamps and members of the damaged set, apart from the affected set's: both are read while it is made. A node is
// damaged when its stamp is the epoch, and known to keep its cost when it is epoch + 1.
let damageStamps = new Uint32Array(0);
let damageEpoch = 0;
let damagedMembers = new Int32Array(0);

/**
 * The affected nodes whose cost can rise; every other node keeps its cost, so the Dijkstra need not visit it. Costs
 * never fall, so a node keeps its cost when an edge still there leads at that cost to a node known to keep its own:
 * one outside the affected set, or one found to keep it before. Tops (whose own route starts with a changed edge) are
 * judged first, then the forest children of each damaged node in turn; a node below a kept one keeps its route and
 * its cost. A fix beside a twin route of equal cost affects whole subtrees: one fix at R150k affects 82,000 nodes,
 * and six of them cost more after it.
 */
function damagedWithin(index: RunIndex, affected: NodeSet, raised: ReadonlyMap<number, number>): NodeSet {
  const { graph, risk } = index.run;
  const n = graph.nodes.length;
  if (damageStamps.length < n || damageEpoch >= 0xfffffffe) {
    damageStamps = new Uint32Array(Math.max(n, damageStamps.length));
    damagedMembers = new Int32Array(Math.max(n, damagedMembers.length));
    damageEpoch = 0;
  }
  damageEpoch += 2;
  const at = damageEpoch - 1;
  const kept = damageEpoch;
  const mark = damageStamps;
  const nodes = damagedMembers;
  const { dist: oldDist } = risk.distances;
  const { jewelAt } = index.carried;
  const { cost: edgeCost, to, removed } = graph;
  const { outStart, outEdges } = index;
  const keepsCost = (u: number): boolean => {
    let best = jewelAt[u]!;
    for (let k = outStart[u]!; k < outStart[u + 1]!; k++) {
      const e = outEdges[k]!;
      const w = to[e]!;
      if (removed[e] || (affected.stamps[w] === affected.epoch && mark[w] !== kept)) continue;
      const through = (raised.get(e) ?? edgeCost[e]!) + oldDist[w]!;
      if (through < best) best = through;
    }
    return best === oldDist[u];
  };
  let count = 0;
  for (let i = 0; i < affected.tops; i++) {
    const u = affected.nodes[i]!;
    if (keepsCost(u)) mark[u] = kept;
    else {
      mark[u] = at;
      nodes[count++] = u;
    }
  }
  const tops = count;
  // Every top is judged before the walk, so one met below a damaged node is skipped here.
  for (let i = 0; i < count; i++) {
    const v = nodes[i]!;
    for (let k = index.childStart[v]!; k < index.childStart[v + 1]!; k++) {
      const c = index.children[k]!;
      if (mark[c] === at || mark[c] === kept) continue;
      if (keepsCost(c)) mark[c] = kept;
      else {
        mark[c] = at;
        nodes[count++] = c;
      }
    }
  }
  return { nodes: nodes.subarray(0, count), tops, has: (v) => mark[v] === at, stamps: mark, epoch: at };
}

// Scratch for `redistance`, reused across calls: distances, settled stamps, and the raised edge costs by stamp.
let scratchDist = new Float64Array(0);
let settled = new Uint32Array(0);
let settledEpoch = 0;
let raisedCost = new Float64Array(0);
let raisedStamp = new Uint32Array(0);

const buckets = new BucketQueue();
const widestCosts = new WeakMap<Int32Array, number>();

/**
 * The largest cost of a raw edge: a bound on every edge's cost, raised or not, which is always the cost of one of
 * its raw edges (the runs made by graph edits share the array, so it is read once per full run).
 */
function widestRawCost(rawCost: Int32Array): number {
  let widest = widestCosts.get(rawCost);
  if (widest === undefined) {
    widest = 0;
    for (let r = 0; r < rawCost.length; r++) if (rawCost[r]! > widest) widest = rawCost[r]!;
    widestCosts.set(rawCost, widest);
  }
  return widest;
}

/**
 * New distances of the affected nodes (read them at their numbers): Dijkstra inside the set, seeded from its border.
 * A fix near a jewel affects most of the graph (85,000 nodes at R150k), so the loops read typed arrays only.
 */
function redistance(index: RunIndex, affected: NodeSet, raised: ReadonlyMap<number, number>): Float64Array {
  const { graph, risk } = index.run;
  const n = graph.nodes.length;
  const m = graph.cost.length;
  // Fresh (zeroed) stamps whenever an array grows or the epoch would wrap, so no old stamp can match.
  if (settled.length < n || raisedStamp.length < m || settledEpoch === 0xffffffff) {
    scratchDist = new Float64Array(Math.max(n, scratchDist.length));
    settled = new Uint32Array(Math.max(n, settled.length));
    raisedStamp = new Uint32Array(Math.max(m, raisedStamp.length));
    raisedCost = new Float64Array(Math.max(m, raisedCost.length));
    settledEpoch = 0;
  }
  const done = ++settledEpoch;
  for (const [e, cost] of raised) {
    raisedStamp[e] = done;
    raisedCost[e] = cost;
  }
  const dist = scratchDist;
  const { jewelAt } = index.carried;
  const oldDist = risk.distances.dist;
  const { stamps, epoch } = affected;
  const { cost: edgeCost, to, inStart, inEdges, removed } = graph;
  const { inFrom } = index;
  let least = Number.POSITIVE_INFINITY;
  let most = Number.NEGATIVE_INFINITY;
  const members = affected.nodes;
  for (let i = 0; i < members.length; i++) {
    const u = members[i]!;
    let best = jewelAt[u]!;
    for (let k = index.outStart[u]!; k < index.outStart[u + 1]!; k++) {
      const e = index.outEdges[k]!;
      const w = to[e]!;
      if (stamps[w] === epoch || removed[e]) continue;
      const through = (raisedStamp[e] === done ? raisedCost[e]! : edgeCost[e]!) + oldDist[w]!;
      if (through < best) best = through;
    }
    dist[u] = best;
    if (best === Number.POSITIVE_INFINITY) continue;
    if (best < least) least = best;
    if (best > most) most = best;
  }
  if (least === Number.POSITIVE_INFINITY) return dist;
  // Every cost queued at once lies between the least seed and the largest seed or one edge past the cost popped.
  const span = Math.max(most - least, widestRawCost(index.rawCost));
  const queue = span < BucketQueue.MAX_WIDTH ? buckets : new HeapQueue();
  queue.start(least, span);
  for (let i = 0; i < members.length; i++)
    if (dist[members[i]!]! !== Number.POSITIVE_INFINITY) queue.push(dist[members[i]!]!, members[i]!);
  for (let v = queue.pop(); v >= 0; v = queue.pop()) {
    const cost = queue.cost;
    if (settled[v] === done || cost !== dist[v]) continue;
    settled[v] = done;
    for (let k = inStart[v]!; k < inStart[v + 1]!; k++) {
      const u = inFrom[k]!;
      if (stamps[u] !== epoch || settled[u] === done) continue;
      const e = inEdges[k]!;
      if (removed[e]) continue;
      const through = cost + (raisedStamp[e] === done ? raisedCost[e]! : edgeCost[e]!);
      if (through < dist[u]!) {
        dist[u] = through;
        queue.push(through, u);
      }
    }
  }
  return dist;
}

/** Total risk after dropping the edges that name `fixes`, computed on the graph of `index.run`. */
export function estimateRiskAfter(
  index: RunIndex,
  fixes: readonly Fix[],
  options: { readonly context: PipelineContext; readonly keyOf: (fix: Fix) => string },
): number {
  const { run } = index;
  const raised = raisedEdges(index, fixes, options.keyOf);
  const affected = affectedBy(index, raised.keys());
  if (affected.nodes.length === 0) return run.risk.total;
  const damaged = damagedWithin(index, affected, raised);
  const dist = redistance(index, damaged, raised);
  const byThreatModel = { ...run.risk.byThreatModel };
  const { entryStart, entryItems } = index.carried;
  const members = damaged.nodes;
  for (let i = 0; i < members.length; i++) {
    const v = members[i]!;
    for (let k = entryStart[v]!; k < entryStart[v + 1]!; k++) {
      const scored = run.risk.entries[entryItems[k]!]!;
      const score = scoreOfCost(scored.entry.priorCost + dist[v]!);
      byThreatModel[scored.entry.threatModel] += score - scored.score;
    }
  }
  let total = 0;
  const { threatModels } = options.context.config;
  for (const tm of THREAT_MODELS) {
    if (threatModels[tm].enabled) total += Math.floor((byThreatModel[tm] * threatModels[tm].weight) / 100);
  }
  return total;
}
