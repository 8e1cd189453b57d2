/**
 * The scoring rules, applied to one unit's analysis. Only expectations whose basis is scored count. A positive
 * tag is found when a mapped finding or fact touches its resource (an outcome: when a real path reaches its
 * jewel from the resource or the unit's attack start); a `not:<tag>` reported on its resource is a false
 * positive; a `not-manifest-visible` resource with an escape or RBAC finding that starts from it is a false
 * positive too (a finding that only cites it, say as a victim on a node, invents nothing about it).
 */
import type { Graph } from '../../src/graph/graph.js';
import type { Model } from '../../src/model/model.js';
import type { Report } from '../../src/report/contract.js';
import { SCORED_BASES, type Unit } from './corpus.js';
import { bindingSubjects, type Observation, observe } from './observe.js';
import { type OutcomePath, outcomePath } from './outcomes.js';
import { kindOf, namespaceOf, objectOf } from './refs.js';
import { type Family, ruleOf, TAG_MAP, type TagRule, UNSCORED_TAGS } from './tag-map.js';

/** What one scored tag of one expectation came to. */
export interface TagResult {
  readonly source: string;
  readonly unit: string;
  readonly resource: string;
  /** The tag without `not:`. */
  readonly tag: string;
  readonly family: Family;
  /** `positive`: expected present; `negative`: a `not:` tag; `hidden`: a not-manifest-visible resource. */
  readonly kind: 'positive' | 'negative' | 'hidden';
  /** Positive: found (a hit). Negative and hidden: reported anyway (a false positive). */
  readonly reported: boolean;
  /** The path that made an outcome tag a hit. */
  readonly path?: OutcomePath;
}

/** One unit's analysis, as the scorer reads it. */
export interface UnitAnalysis {
  readonly unit: Unit;
  readonly report: Report;
  readonly model: Model;
  readonly graph: Graph;
}

/** Families whose findings a not-manifest-visible resource must not get. */
const HIDDEN_FAMILIES: ReadonlySet<Family> = new Set(['escapes', 'rbac']);

/** A token mount is in the manifest, so reporting it is no invention. */
const MANIFEST_VISIBLE_IDS: ReadonlySet<string> = new Set(TAG_MAP['sa-token-automount']?.ids ?? []);

/** Technique and fact ids of the escape and RBAC families, for the not-manifest-visible rule. */
const HIDDEN_IDS: ReadonlySet<string> = new Set(
  Object.values(TAG_MAP)
    .filter((rule) => HIDDEN_FAMILIES.has(rule.family))
    .flatMap((rule) => rule.ids)
    .filter((id) => !MANIFEST_VISIBLE_IDS.has(id)),
);

function matches(observation: Observation, rule: TagRule): boolean {
  if (!(rule.ids as readonly string[]).includes(observation.id)) return false;
  return (
    rule.detail === undefined || new RegExp(`(^|[^A-Z_])${rule.detail}([^A-Z_]|$)`).test(observation.says)
  );
}

/** Scores every scored expectation of one unit; unknown tags are returned apart, never scored. */
export function scoreUnit(analysis: UnitAnalysis): { results: TagResult[]; unknownTags: string[] } {
  const { unit, report, model, graph } = analysis;
  const observations = observe(report, model);
  const subjects = bindingSubjects(model);
  const nodesOf = new Map<string, number[]>();
  graph.nodes.forEach((ref, i) => {
    const object = objectOf(ref);
    nodesOf.set(object, [...(nodesOf.get(object) ?? []), i]);
  });
  const startsOf = (resource: string): number[] => [
    ...(nodesOf.get(resource) ?? []),
    ...(subjects.get(resource) ?? []).flatMap((s) => nodesOf.get(s) ?? []),
  ];
  const attackStarts = unit.expectations
    .filter((e) => e.expect.includes('attack-start'))
    .flatMap((e) => startsOf(e.resource));
  const results: TagResult[] = [];
  const unknownTags: string[] = [];
  for (const e of unit.expectations) {
    if (!SCORED_BASES.has(e.basis)) continue;
    const base = { source: unit.source, unit: unit.name, resource: e.resource };
    const seen = observations.get(e.resource) ?? [];
    if (e.expect.includes('not-manifest-visible')) {
      const invented = seen.some((o) => o.finding && o.origin && HIDDEN_IDS.has(o.id));
      results.push({
        ...base,
        tag: 'not-manifest-visible',
        family: 'escapes',
        kind: 'hidden',
        reported: invented,
      });
    }
    for (const raw of e.expect) {
      const negative = raw.startsWith('not:');
      const tag = negative ? raw.slice(4) : raw;
      if (UNSCORED_TAGS.has(tag)) continue;
      const rule = ruleOf(tag);
      if (rule === undefined) {
        unknownTags.push(raw);
        continue;
      }
      const kind = negative ? 'negative' : 'positive';
      if (rule.jewels !== undefined) {
        const starts = negative ? startsOf(e.resource) : [...startsOf(e.resource), ...attackStarts];
        const secretsOf = kindOf(e.resource) === 'Secret' ? namespaceOf(e.resource) : undefined;
        const path = outcomePath(graph, { starts, rule, ...(secretsOf === undefined ? {} : { secretsOf }) });
        results.push({
          ...base,
          tag,
          family: rule.family,
          kind,
          reported: path !== undefined,
          ...(path ? { path } : {}),
        });
        continue;
      }
      results.push({ ...base, tag, family: rule.family, kind, reported: seen.some((o) => matches(o, rule)) });
    }
  }
  return { results, unknownTags };
}
