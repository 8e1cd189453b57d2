/**
 * SARIF results: the plan first (the one thing at the top, then each item, with the share of the risk it
 * removes as level and rank), then the findings on attack paths by the value of the paths they serve, then the
 * rest. Fingerprints are the ones `diff` uses.
 */
import { TECHNIQUES_BY_ID } from '../techniques/index.js';
import type { FindingReport, PlanItem, Report } from './contract.js';
import { FINGERPRINT_NAME, findingKey, fingerprint, planKey } from './fingerprint.js';
import {
  type Place,
  placesOf,
  renderedLocation,
  type SarifLocation,
  sarifLocation,
} from './sarif-locations.js';
import { type Level, planLevel, shareRank } from './severity.js';
import { describeNode } from './step-sentence.js';

/** A SARIF `result`, as far as chokepoint fills it. */
export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: Level;
  readonly rank: number;
  readonly message: { readonly text: string };
  readonly locations: readonly SarifLocation[];
  readonly relatedLocations?: readonly SarifLocation[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** What results need besides the report: where each rule sits in `tool.driver.rules`. */
export interface ResultContext {
  readonly ruleIndex: ReadonlyMap<string, number>;
}

const percent = (part: number, whole: number): string =>
  whole > 0 ? `${Math.round((100 * part) / whole)}%` : '0%';

function located(ref: string, places: ReadonlyMap<string, Place>) {
  const place = places.get(ref);
  const related = renderedLocation(ref, place);
  return {
    locations: [sarifLocation(ref, place)],
    ...(related.length > 0 ? { relatedLocations: related } : {}),
  };
}

/** What every result builder needs: the rule indexes and where each object is. */
type BuildContext = ResultContext & { readonly places: ReadonlyMap<string, Place> };

function planResult(item: PlanItem, index: number | 'one', report: Report, ctx: BuildContext): SarifResult {
  const total = report.risk.total;
  const removed = item.riskBefore - item.riskAfter;
  const lead = index === 'one' ? 'Fix this first (the one thing)' : `Plan item ${index + 1}`;
  const also =
    item.also === undefined ? '' : ` together with ${item.also.remediation} on ${item.also.target}`;
  const example =
    item.breaks === undefined
      ? ''
      : ` It breaks the path from ${describeNode(item.breaks.entry)} to ${describeNode(item.breaks.jewel)}.`;
  const text =
    `${lead}: ${item.title} — ${item.target}${also}. It removes ${percent(removed, total)} of the attack risk ` +
    `and cuts ${item.pathsCut} attack path(s).${example} Effort: ${item.effort}. Apply: ${item.kubectl}. ` +
    `May break: ${item.mayBreak}`;
  return {
    ruleId: item.remediation,
    ruleIndex: ctx.ruleIndex.get(item.remediation) ?? -1,
    level: planLevel(removed, total, index === 'one'),
    rank: shareRank(removed, total),
    message: { text },
    ...located(item.target, ctx.places),
    partialFingerprints: { [FINGERPRINT_NAME]: fingerprint(`plan|${planKey(item)}`) },
    properties: {
      oneThing: index === 'one',
      riskBefore: item.riskBefore,
      riskAfter: item.riskAfter,
      pathsCut: item.pathsCut,
      effort: item.effort,
      patch: item.patch,
    },
  };
}

/** The place a finding should be fixed: its first fix target with a file, else its first evidence with one. */
function findingRef(finding: FindingReport, places: ReadonlyMap<string, Place>): string {
  const target = finding.fixes.find((fix) => places.has(fix.target))?.target;
  return target ?? finding.evidence.find((e) => places.has(e.ref))?.ref ?? finding.from.split('#')[0]!;
}

function findingResult(
  finding: FindingReport,
  context: BuildContext & { readonly pathScore: number },
): SarifResult {
  const meta = TECHNIQUES_BY_ID[finding.technique].meta;
  const because = finding.evidence.map((e) => e.says).join('; ');
  const where = finding.onPath ? 'on an attack path' : 'on no attack path (hygiene)';
  return {
    ruleId: finding.technique,
    ruleIndex: context.ruleIndex.get(finding.technique) ?? -1,
    level: finding.onPath ? 'warning' : 'note',
    rank: Math.round(finding.likelihood * 1000) / 10,
    message: {
      text: `${meta.title}: ${describeNode(finding.from)} → ${describeNode(finding.to)}, ${where}. Because: ${because}.`,
    },
    ...located(findingRef(finding, context.places), context.places),
    partialFingerprints: { [FINGERPRINT_NAME]: fingerprint(`finding|${findingKey(finding)}`) },
    properties: {
      onPath: finding.onPath,
      from: finding.from,
      to: finding.to,
      bestPathScore: context.pathScore,
    },
  };
}

/**
 * The first `limit` results, most important first, and how many there are in all. Only the results kept are
 * built: a 150,000-pod cluster has 339,381 findings, and building each result to keep 25,000 peaked at 2,153 MiB.
 */
export function sarifResults(
  report: Report,
  ctx: ResultContext,
  limit: number,
): { readonly results: SarifResult[]; readonly total: number } {
  const places = placesOf(report);
  const build: BuildContext = { ...ctx, places };
  const out: SarifResult[] = [];
  const oneKey = report.oneThing === null ? undefined : planKey(report.oneThing);
  if (report.oneThing !== null) out.push(planResult(report.oneThing, 'one', report, build));
  report.plan.forEach((item, i) => {
    if (planKey(item) !== oneKey) out.push(planResult(item, i, report, build));
  });
  const total = out.length + report.findings.length;
  if (out.length >= limit) return { results: out.slice(0, limit), total };
  const pathScore = new Map<string, number>();
  for (const path of report.paths) {
    for (const step of path.steps) {
      const key = findingKey(step);
      pathScore.set(key, Math.max(pathScore.get(key) ?? 0, path.score));
    }
  }
  const scored = report.findings.map((finding) => {
    const key = findingKey(finding);
    return { finding, key, score: pathScore.get(key) ?? 0 };
  });
  scored.sort(
    (a, b) =>
      Number(b.finding.onPath) - Number(a.finding.onPath) ||
      b.score - a.score ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  for (const { finding, score } of scored.slice(0, limit - out.length))
    out.push(findingResult(finding, { ...build, pathScore: score }));
  return { results: out, total };
}
