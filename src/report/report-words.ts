/** Numbers and refs in words, shared by the Markdown, HTML and diff reports so they read alike. */
import type { PathReport, PlanItem } from './contract.js';
import { describeNode } from './step-sentence.js';

/** An integer with thousands separators: 813,467. */
export function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `part` as a whole percentage of `whole`. */
export function percentOf(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)}%` : '0%';
}

/** A probability in [0, 1] as a percentage, one decimal below 10%. */
export function likelihoodWords(p: number): string {
  const pct = 100 * p;
  return pct < 10 ? `${Math.round(pct * 10) / 10}%` : `${Math.round(pct)}%`;
}

/** How much of the total risk a plan item removes. */
export function removedShare(item: PlanItem, total: number): string {
  return percentOf(item.riskBefore - item.riskAfter, total);
}

/** A path on one line: its threat model, then entry → jewel. */
export function pathHeadline(path: PathReport): string {
  return `${path.threatModel}: ${describeNode(path.entry)} → ${describeNode(path.jewel)}`;
}

/** The one thing in plain words for someone who does not run Kubernetes. */
export function managerSentence(item: PlanItem, total: number): string {
  const hours = item.effortHours === 1 ? '1 hour' : `${item.effortHours} hours`;
  const paths = item.pathsCut === 1 ? '1 way' : `${item.pathsCut} ways`;
  return (
    `One change, about ${hours} of work, removes ${removedShare(item, total)} of the measured attack risk: ` +
    `it closes ${paths} an attacker could take over the cluster, reach its nodes or read its secrets.`
  );
}
