/**
 * `--format markdown`: a short pull-request comment. The one thing with its patch, the attack paths, and the
 * plan folded in a `<details>` block so the comment stays short.
 */
import type { PlanItem, Report } from './contract.js';
import { grouped, likelihoodWords, pathHeadline, percentOf, removedShare } from './report-words.js';

/** Paths listed in the comment; the rest are counted. */
export const MARKDOWN_PATHS = 10;

/** Text safe inside a Markdown table cell or inline code: no pipes, backticks or newlines. */
export function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('`', "'").replaceAll(/\r?\n/g, ' ');
}

/** The one thing: what, where, what it removes, and the patch. */
export function oneThingMarkdown(item: PlanItem, total: number): string[] {
  const where = item.location === undefined ? '' : ` (${cell(item.location)})`;
  return [
    `**Fix this first:** ${item.title} — \`${cell(item.target)}\`${where}`,
    '',
    `Removes ${removedShare(item, total)} of the attack risk (${grouped(item.riskBefore)} → ${grouped(item.riskAfter)}) and cuts ${item.pathsCut} attack path(s). Effort: ${item.effort}. May break: ${item.mayBreak}`,
    '',
    '```sh',
    item.kubectl,
    ...(item.also === undefined ? [] : [item.also.kubectl]),
    '```',
  ];
}

/** The plan as a folded table. */
export function planMarkdown(report: Report): string[] {
  if (report.plan.length === 0) return [];
  const total = report.risk.total;
  const rows = report.plan.map(
    (item, i) =>
      `| ${i + 1} | ${cell(item.title)} | \`${cell(item.target)}\` | ${item.effort} | ${removedShare(item, total)} | ${item.pathsCut} |`,
  );
  return [
    '<details>',
    `<summary>The plan: ${report.plan.length} fix(es), risk ${grouped(total)} → ${grouped(report.plan.at(-1)!.riskAfter)}</summary>`,
    '',
    '| # | Fix | Target | Effort | Risk removed | Paths cut |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    '</details>',
  ];
}

/** The report as a pull-request comment. */
export function renderMarkdown(report: Report): string {
  const total = report.risk.total;
  const byTm = report.threatModels
    .filter((tm) => tm.enabled)
    .map((tm) => `${tm.name} ${percentOf(report.risk.byThreatModel[tm.name], total)}`)
    .join(', ');
  const lines = [
    `### chokepoint: ${report.stats.paths} attack path(s), risk ${grouped(total)}${total > 0 ? ` (${byTm})` : ''}`,
    '',
  ];
  if (report.gaps.length > 0)
    lines.push(
      `> **Incomplete scan:** ${report.gaps.length} input(s) could not be read; see the job log.`,
      '',
    );
  if (report.oneThing === null) lines.push('No attack path reaches cluster-admin, node root or Secrets.', '');
  else lines.push(...oneThingMarkdown(report.oneThing, total), '');
  if (report.paths.length > 0) {
    lines.push('**Attack paths**', '');
    for (const path of report.paths.slice(0, MARKDOWN_PATHS)) {
      const via = path.steps.map((s) => s.technique).join(' → ');
      lines.push(`- ${cell(pathHeadline(path))} — ${likelihoodWords(path.likelihood)}, via ${via}`);
    }
    const more = report.stats.paths - Math.min(report.paths.length, MARKDOWN_PATHS);
    if (more > 0) lines.push(`- and ${more} more`);
    lines.push('');
  }
  lines.push(...planMarkdown(report));
  return `${lines.join('\n').trimEnd()}\n`;
}
