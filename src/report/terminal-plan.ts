/** The rest of the plan and the risk per threat model. */
import { THREAT_MODELS } from '../techniques/types.js';
import type { PlanItem, Report } from './contract.js';
import { targetWords } from './terminal-one-thing.js';
import { type Canvas, heading, percent, plural, riskNumber, wrap } from './terminal-style.js';

/** Plan items shown after the one thing; the JSON has all of them. */
export const NEXT_ITEMS = 5;

/** The same fix: remediation, target and patch. */
function sameFix(a: PlanItem, b: PlanItem): boolean {
  return (
    a.remediation === b.remediation &&
    a.target === b.target &&
    JSON.stringify(a.patch) === JSON.stringify(b.patch)
  );
}

/** The plan after the one thing, up to NEXT_ITEMS items, each numbered by its place in the plan. */
export function nextLines(report: Report, canvas: Canvas, title = 'Next in the plan'): string[] {
  const { oneThing } = report;
  const rest = report.plan
    .map((item, i) => ({ item, place: i + 1 }))
    .filter(({ item }) => oneThing === null || !sameFix(item, oneThing));
  if (rest.length === 0) return [];
  const lines = [heading(canvas, title)];
  for (const { item, place } of rest.slice(0, NEXT_ITEMS)) {
    const number = `${place}.`.padEnd(3);
    lines.push(...wrap(item.title, { width: canvas.width, first: `  ${number} `, rest: '      ' }));
    const also = item.also === undefined ? '' : ` and ${item.also.target}`;
    const detail = `${targetWords(item.target, item.location)}${also} · ${item.effort} · risk after ${riskNumber(item.riskAfter)} (${percent(item.riskAfter, report.risk.total)}) · cuts ${plural(item.pathsCut, 'path')}`;
    lines.push(
      ...wrap(detail, { width: canvas.width, first: '      ', rest: '        ' }).map((l) =>
        canvas.paint(l, 'dim'),
      ),
    );
  }
  if (rest.length > NEXT_ITEMS) {
    lines.push(
      canvas.paint(`  … and ${rest.length - NEXT_ITEMS} more (--format json lists them all)`, 'dim'),
    );
  }
  return lines;
}

/** One line per threat model: its risk and share of the total, or `off`. */
export function riskLines(report: Report, canvas: Canvas): string[] {
  const total = report.risk.total;
  const numbers = THREAT_MODELS.map((tm) => riskNumber(report.risk.byThreatModel[tm] ?? 0));
  const numberWidth = Math.max(...numbers.map((n) => n.length));
  const lines = [heading(canvas, 'Risk by threat model', `(total ${riskNumber(total)})`)];
  for (const [i, tm] of THREAT_MODELS.entries()) {
    const enabled = report.threatModels.find((t) => t.name === tm)?.enabled ?? false;
    const label = `  ${tm.padEnd(13)}`;
    if (!enabled) {
      lines.push(canvas.paint(`${label}off`, 'dim'));
      continue;
    }
    const risk = report.risk.byThreatModel[tm] ?? 0;
    lines.push(`${label}${numbers[i]!.padStart(numberWidth)}  ${percent(risk, total).padStart(4)}`);
  }
  return lines;
}
