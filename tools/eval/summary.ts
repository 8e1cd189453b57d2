/**
 * The evaluator's printout. Recall is hits / positive tags. Precision is true positives / (true positives + false
 * positives), where a false positive is a `not:<tag>` reported on its resource or a not-manifest-visible resource
 * given an escape or RBAC finding. The last line scores the core families only.
 */
import type { Evaluation } from './evaluate.js';
import type { OutcomePath } from './outcomes.js';
import type { TagResult } from './score.js';
import { CORE_FAMILIES, FAMILIES, type Family } from './tag-map.js';

/** Counts over a set of results. */
export interface Score {
  readonly positives: number;
  readonly hits: number;
  readonly negatives: number;
  readonly falsePositives: number;
}

/** Sums results into a score. */
export function scoreOf(results: readonly TagResult[]): Score {
  let positives = 0;
  let hits = 0;
  let negatives = 0;
  let falsePositives = 0;
  for (const r of results) {
    if (r.kind === 'positive') {
      positives++;
      if (r.reported) hits++;
    } else {
      negatives++;
      if (r.reported) falsePositives++;
    }
  }
  return { positives, hits, negatives, falsePositives };
}

/** hits / positives; 1 when nothing was expected. */
export function recallOf(s: Score): number {
  return s.positives === 0 ? 1 : s.hits / s.positives;
}

/** TP / (TP + FP); 1 when nothing was reported. */
export function precisionOf(s: Score): number {
  return s.hits + s.falsePositives === 0 ? 1 : s.hits / (s.hits + s.falsePositives);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [header, ...rows].map(line);
}

function scoreRow(name: string, s: Score): string[] {
  return [
    name,
    `${s.hits}/${s.positives}`,
    recallOf(s).toFixed(3),
    `${s.falsePositives}/${s.negatives}`,
    precisionOf(s).toFixed(3),
  ];
}

const HEADER = ['', 'found', 'recall', 'false+', 'precision'];

function groupBy(results: readonly TagResult[], key: (r: TagResult) => string): Map<string, TagResult[]> {
  const out = new Map<string, TagResult[]>();
  for (const r of results) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A small seeded generator (mulberry32), so the sampled paths are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pathText(path: OutcomePath): string {
  return [path.from, ...path.steps.map((s) => `-[${s.technique}]-> ${s.to}`)].join(' ');
}

/** The whole printout; its last line is exactly `recall R precision P` over the core families. */
export function formatEvaluation(evaluation: Evaluation, options: { seed: number; misses: boolean }): string {
  const { results } = evaluation;
  const lines: string[] = [`units ${evaluation.units}, scored tags ${results.length}`, '', 'per source'];
  lines.push(
    ...table(
      HEADER,
      [...groupBy(results, (r) => r.source)].map(([k, v]) => scoreRow(k, scoreOf(v))),
    ),
  );
  lines.push('', 'per tag');
  lines.push(
    ...table(
      HEADER,
      [...groupBy(results, (r) => `${r.family} ${r.tag}`)].map(([k, v]) => scoreRow(k, scoreOf(v))),
    ),
  );
  if (options.misses) {
    lines.push('', 'misses');
    for (const r of results.filter((x) => x.kind === 'positive' && !x.reported))
      lines.push(`  ${r.family} ${r.tag}: ${r.resource} (${r.unit})`);
  }
  lines.push('', 'per family');
  const byFamily = (families: readonly Family[]) => results.filter((r) => families.includes(r.family));
  lines.push(
    ...table(
      HEADER,
      FAMILIES.map((f) => scoreRow(f, scoreOf(byFamily([f])))),
    ),
  );
  lines.push('', 'false positives (not: tags reported, not-manifest-visible resources given a finding)');
  const falsePositives = results.filter((r) => r.kind !== 'positive' && r.reported);
  for (const r of falsePositives)
    lines.push(`  ${r.kind === 'hidden' ? r.tag : `not:${r.tag}`}: ${r.resource} (${r.unit})`);
  if (falsePositives.length === 0) lines.push('  (none)');
  lines.push('', `paths counted as hits (5 chosen with seed ${options.seed})`);
  const withPaths = results.filter((r) => r.kind === 'positive' && r.path !== undefined);
  const random = seeded(options.seed);
  const picked = new Set<number>();
  while (picked.size < Math.min(5, withPaths.length)) picked.add(Math.floor(random() * withPaths.length));
  for (const i of [...picked].sort((a, b) => a - b)) {
    const r = withPaths[i]!;
    lines.push(`  ${r.tag} ${r.resource}: ${pathText(r.path!)}`);
  }
  if (evaluation.unknownTags.length > 0)
    lines.push(
      '',
      'tags the table does not know (not scored)',
      ...evaluation.unknownTags.map((t) => `  ${t}`),
    );
  if (evaluation.unusable.length > 0)
    lines.push('', 'units with nothing usable', ...evaluation.unusable.map((u) => `  ${u}`));
  const hygiene = scoreOf(byFamily(['hygiene']));
  lines.push(
    '',
    `hygiene recall ${recallOf(hygiene).toFixed(3)} precision ${precisionOf(hygiene).toFixed(3)}`,
  );
  const core = scoreOf(byFamily(CORE_FAMILIES));
  lines.push(`recall ${recallOf(core).toFixed(3)} precision ${precisionOf(core).toFixed(3)}`);
  return `${lines.join('\n')}\n`;
}
