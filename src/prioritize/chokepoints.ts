/**
 * Chokepoints: the edges (and nodes) every path from a threat model's entries to any jewel must cross. Each
 * technique edge becomes a node of its own, so edge and node dominators of the super-sink come out of one
 * Cooper–Harvey–Kennedy run from the super-source. Hubs are never fixes: a fix is a chokepoint when the edges it
 * removes include a dominating edge, or every reachable in-edge of a dominating node (a hub's binding edges).
 */
import type { Edge } from '../techniques/types.js';
import { THREAT_MODELS } from '../techniques/types.js';
import { sameEntries } from './broken-path.js';
import { csrOf, dominatorsOf, immediateDominators } from './dominators.js';
import { jewelsOf } from './jewels.js';
import type { PipelineContext, ScoredRun } from './pipeline.js';
import type { EntryScore } from './risk.js';

/** What dominates the jewels, over every enabled threat model. */
export interface Chokepoints {
  /** Keys of dominating edges. */
  readonly edges: ReadonlySet<string>;
  /** Dominating nodes that are not entries, each with the keys of its in-edges reachable from the entries. */
  readonly nodes: ReadonlyMap<string, readonly string[]>;
}

/** Identity of an edge across pipeline runs. */
export function edgeKey(edge: Edge): string {
  return `${edge.technique}\u0000${edge.from}\u0000${edge.to}`;
}

/** The chokepoints of one pipeline run. */
export function chokepointsOf(run: ScoredRun, context: PipelineContext): Chokepoints {
  const { graph } = run;
  const n = graph.nodes.length;
  const m = graph.edges.length;
  const source = n + m;
  const sink = source + 1;
  const isJewel = jewelsOf(context.config).cost;
  const jewelNodes = graph.nodes.flatMap((ref, v) => (isJewel(ref) === undefined ? [] : [v]));
  const edges = new Set<string>();
  const nodes = new Map<string, readonly string[]>();
  // Split graph: v → (edge e) → to[e]; jewels → sink. Edges into nodes that reach no jewel lie on no path to the
  // sink, so they cannot change what dominates it and are left out.
  const reaches = (v: number) => Number.isFinite(run.risk.distances.dist[v]!);
  const from: number[] = [];
  const to: number[] = [];
  for (let e = 0; e < m; e++) {
    if (graph.removed[e] || !reaches(graph.to[e]!)) continue;
    from.push(graph.from[e]!, n + e);
    to.push(n + e, graph.to[e]!);
  }
  for (const v of jewelNodes) {
    from.push(v);
    to.push(sink);
  }
  const shared = from.length;
  for (const tm of THREAT_MODELS) {
    if (!context.config.threatModels[tm].enabled) continue;
    const entries = new Set<number>();
    for (const entry of run.entries) {
      const v = graph.index.get(entry.node);
      if (entry.threatModel === tm && v !== undefined && reaches(v)) entries.add(v);
    }
    if (entries.size === 0) continue;
    // source → this threat model's entries.
    from.length = shared;
    to.length = shared;
    for (const v of entries) {
      from.push(source);
      to.push(v);
    }
    const idom = immediateDominators(csrOf(sink + 1, from, to), source);
    for (const d of dominatorsOf(idom, sink)) {
      if (d === source) continue;
      if (d >= n) {
        edges.add(edgeKey(graph.edges[d - n]!));
      } else if (!entries.has(d)) {
        const incoming: string[] = [];
        for (let k = graph.inStart[d]!; k < graph.inStart[d + 1]!; k++) {
          const e = graph.inEdges[k]!;
          if (!graph.removed[e] && idom[graph.from[e]!] !== -1) incoming.push(edgeKey(graph.edges[e]!));
        }
        nodes.set(graph.nodes[d]!, incoming);
      }
    }
  }
  return { edges, nodes };
}

/** True when `after` has no edge with this key (looked up among the in-edges of its target, not a set of all). */
function goneIn(after: ScoredRun, key: string): boolean {
  const [technique, from, to] = key.split('\u0000') as [string, string, string];
  const { graph } = after;
  const v = graph.index.get(to);
  if (v === undefined) return true;
  for (let k = graph.inStart[v]!; k < graph.inStart[v + 1]!; k++) {
    const e = graph.inEdges[k]!;
    const edge = graph.edges[e]!;
    if (!graph.removed[e] && edge.from === from && edge.technique === technique) return false;
  }
  return true;
}

/**
 * True when the run after a fix lacks a dominating edge of the run before it, or every reachable in-edge of a
 * dominating node: the fix removed a chokepoint. Only the chokepoint keys are looked up.
 */
export function cutsChokepoint(chokepoints: Chokepoints, after: ScoredRun): boolean {
  for (const key of chokepoints.edges) if (goneIn(after, key)) return true;
  for (const incoming of chokepoints.nodes.values())
    if (incoming.length > 0 && incoming.every((key) => goneIn(after, key))) return true;
  return false;
}

const CHOKEPOINTS = new WeakMap<ScoredRun, ReturnType<typeof chokepointsOf>>();

/** Per threat model with an entry that reaches a jewel, the index of one such entry (its witness). */
type Witnesses = ReadonlyMap<string, number>;

const WITNESSES = new WeakMap<ScoredRun, Witnesses>();

/** The run's witnesses, every entry read unless `witnessesAfter` derived them already. */
function witnessesOf(run: ScoredRun): Witnesses {
  let witnesses = WITNESSES.get(run);
  if (witnesses === undefined) {
    const found = new Map<string, number>();
    run.risk.entries.forEach((scored, i) => {
      if (Number.isFinite(scored.cost) && !found.has(scored.entry.threatModel))
        found.set(scored.entry.threatModel, i);
    });
    witnesses = found;
    WITNESSES.set(run, witnesses);
  }
  return witnesses;
}

/**
 * The witnesses of `after`, from those of `run`. A graph edit keeps the entries in place and only raises costs, so
 * a model that did not reach before cannot reach after, and one whose witness still reaches needs no scan; only a
 * model whose witness was cut is looked for again (two scans of 94,573 entries per plan item at 150,000 pods).
 */
function witnessesAfter(run: ScoredRun, after: ScoredRun): Witnesses {
  if (WITNESSES.has(after) || !sameEntries(run, after)) return witnessesOf(after);
  const now = after.risk.entries;
  const witnesses = new Map<string, number>();
  for (const [tm, i] of witnessesOf(run)) {
    const reaching = (s: EntryScore) => s.entry.threatModel === tm && Number.isFinite(s.cost);
    const found = reaching(now[i]!) ? i : now.findIndex(reaching);
    if (found >= 0) witnesses.set(tm, found);
  }
  WITNESSES.set(after, witnesses);
  return witnesses;
}

/**
 * Whether the fix cuts a chokepoint of the run it was chosen on (dominators computed once per run). Every path of
 * a threat model crosses its chokepoints, so cutting one leaves no entry of that model reaching a jewel; the
 * dominators are only computed for a fix that does that.
 */
export function isChokepoint(run: ScoredRun, after: ScoredRun, context: PipelineContext): boolean {
  const still = witnessesAfter(run, after);
  if ([...witnessesOf(run).keys()].every((tm) => still.has(tm))) return false;
  let chokepoints = CHOKEPOINTS.get(run);
  if (chokepoints === undefined) {
    chokepoints = chokepointsOf(run, context);
    CHOKEPOINTS.set(run, chokepoints);
  }
  return cutsChokepoint(chokepoints, after);
}
