/**
 * Objects defined more than once: the same ref in two files, or two readings of one document with duplicated
 * keys. `kubectl apply` of both files leaves the later one, `kubectl apply` of one leaves that one, and a file
 * with duplicated keys means different things to different tools; an attacker who controls one manifest could
 * shadow a dangerous object with a harmless twin. So the analysis keeps, per ref, the definition that gives the
 * most dangerous attack steps: the largest summed likelihood of the edges that cite it (its evidence, or it as
 * source or target), then the most facts, then the later definition. Definitions are compared in rounds (round
 * i takes every ref's i-th definition), so the cost is one model per round, not one per object.
 */
import type { Gap, Snapshot, SnapshotObject } from '../collect/snapshot.js';
import { buildModel } from '../model/build-model.js';
import { compareStrings } from '../model/read.js';
import { findFacts } from '../techniques/facts.js';
import { TECHNIQUES, TECHNIQUES_BY_ID } from '../techniques/index.js';
import { LIKELIHOOD } from '../techniques/likelihood.js';
import type { Edge } from '../techniques/types.js';
import type { PipelineContext } from './pipeline.js';

/** The danger of one definition: summed edge likelihood (fixed point), then facts. */
interface Danger {
  readonly edges: number;
  readonly steps: number;
  readonly facts: number;
}

function where(so: SnapshotObject): string {
  return so.location === undefined ? so.ref : `${so.location.file}:${so.location.line}`;
}

function sameContent(a: SnapshotObject, b: SnapshotObject): boolean {
  return JSON.stringify(a.object) === JSON.stringify(b.object);
}

/** True when `ref` is cited by the edge: as evidence, or as (a container of) its source or target. */
function cites(edge: Edge, ref: string): boolean {
  const owns = (node: string) => node === ref || node.startsWith(`${ref}#`);
  return owns(edge.from) || owns(edge.to) || edge.evidence.some((evidence) => evidence.ref === ref);
}

function dangerIn(
  snapshot: Snapshot,
  refs: readonly string[],
  context: PipelineContext,
): Map<string, Danger> {
  const model = buildModel(snapshot, { ...context.config.model, builtIn: context.builtIn });
  const edges = TECHNIQUES.flatMap((technique) => technique.find(model)).filter((edge) => !edge.structural);
  const facts = findFacts(model);
  const out = new Map<string, Danger>();
  for (const ref of refs) {
    const cited = edges.filter((edge) => cites(edge, ref));
    const weight = cited.reduce(
      (sum, edge) =>
        sum +
        Math.round(1e6 * LIKELIHOOD[edge.likelihood ?? TECHNIQUES_BY_ID[edge.technique].meta.likelihood]),
      0,
    );
    out.set(ref, {
      edges: weight,
      steps: cited.length,
      facts: facts.filter((fact) => fact.object === ref).length,
    });
  }
  return out;
}

function compareDanger(a: Danger, b: Danger): number {
  return a.edges - b.edges || a.facts - b.facts;
}

/** The snapshot with one definition per ref (the most dangerous) and a gap for each ref defined in two places. */
export function chooseDuplicates(snapshot: Snapshot, context: PipelineContext): Snapshot {
  const byRef = new Map<string, SnapshotObject[]>();
  for (const so of snapshot.objects) {
    const list = byRef.get(so.ref);
    if (list === undefined) byRef.set(so.ref, [so]);
    else list.push(so);
  }
  if (byRef.size === snapshot.objects.length) return snapshot;
  // Identical twins need no choice; only refs whose definitions differ are compared.
  const contested = [...byRef].filter(
    ([, list]) => list.length > 1 && list.some((so) => !sameContent(so, list[0]!)),
  );
  const rounds = Math.max(1, ...contested.map(([, list]) => list.length));
  const refs = contested.map(([ref]) => ref);
  const contestedRefs = new Set(refs);
  const dangers: Map<string, Danger>[] = [];
  for (let round = 0; round < rounds && refs.length > 0; round++) {
    const pick = (list: SnapshotObject[]) => list[Math.min(round, list.length - 1)]!;
    const objects = snapshot.objects.filter((so) => {
      const list = byRef.get(so.ref)!;
      return list.length === 1 || (contestedRefs.has(so.ref) ? pick(list) : list.at(-1)) === so;
    });
    dangers.push(dangerIn({ ...snapshot, objects }, refs, context));
  }
  const chosen = new Map<string, SnapshotObject>();
  const gaps: Gap[] = [];
  for (const [ref, list] of byRef) {
    if (list.length === 1) continue;
    const index = contestedIndex(ref, list, dangers);
    const kept = list[index]!;
    chosen.set(ref, kept);
    const others = list.filter((so) => so !== kept && where(so) !== where(kept));
    if (others.length === 0) continue; // readings of one document with duplicated keys: the fact says so
    const why =
      dangers.length === 0 || list.every((so) => sameContent(so, kept))
        ? 'the definitions are identical, and the later one is analysed'
        : `analysing the one at ${where(kept)}: ${reason(ref, index, list, dangers)}`;
    gaps.push({
      kind: 'unreadable',
      where: where(others[0]!),
      message: `${ref} is defined at ${[...new Set(list.map(where))].join(' and ')} — ${why}; remove all but one`,
    });
  }
  const objects = snapshot.objects.filter((so) => (chosen.get(so.ref) ?? so) === so);
  gaps.sort((a, b) => compareStrings(a.where, b.where) || compareStrings(a.message, b.message));
  return { ...snapshot, objects, gaps: [...snapshot.gaps, ...gaps] };
}

/** The index of the most dangerous definition; ties go to the later one, as `kubectl apply` of both would. */
function contestedIndex(
  ref: string,
  list: readonly SnapshotObject[],
  dangers: readonly Map<string, Danger>[],
): number {
  let best = list.length - 1;
  for (let i = list.length - 2; i >= 0; i--) {
    const a = dangers[i]?.get(ref);
    const b = dangers[best]?.get(ref);
    if (a !== undefined && b !== undefined && compareDanger(a, b) > 0) best = i;
  }
  return best;
}

function reason(
  ref: string,
  index: number,
  list: readonly SnapshotObject[],
  dangers: readonly Map<string, Danger>[],
): string {
  const kept = dangers[index]?.get(ref);
  const other = list
    .map((_, i) => dangers[i]?.get(ref))
    .filter((danger, i) => danger !== undefined && i !== index)
    .sort((a, b) => compareDanger(b!, a!))[0];
  if (kept === undefined || other === undefined || compareDanger(kept, other) === 0)
    return 'both give the same attack steps, and the later one wins, as kubectl apply of both would';
  return `it gives more dangerous attack steps (${kept.steps} steps and ${kept.facts} facts, against ${other.steps} and ${other.facts})`;
}
