/**
 * `--format terminal`: the report for a person. Gaps first, then the one thing and the path it breaks, the
 * exact change, the rest of the plan, risk by threat model and hygiene. Pure: colour only when asked.
 */
import type { Report } from './contract.js';
import { gapLines, headerLines } from './terminal-header.js';
import { hygieneLines } from './terminal-hygiene.js';
import { oneThingLines, pathDetail, pathLines } from './terminal-one-thing.js';
import { nextLines, riskLines } from './terminal-plan.js';
import { type Canvas, heading, painter } from './terminal-style.js';

/** Narrower than this and wrapping helps nobody. */
const MIN_WIDTH = 60;

/** Sections of the report when some path reaches a jewel. */
function riskSections(report: Report, canvas: Canvas): string[][] {
  if (report.oneThing !== null) {
    return [
      oneThingLines(report.oneThing, report, canvas),
      nextLines(report, canvas),
      riskLines(report, canvas),
    ];
  }
  // Risk remains but no single change within the one-thing effort limit helps: show the worst path and the plan.
  const worst = report.paths[0];
  const lines = [
    heading(canvas, 'The one thing'),
    canvas.paint(
      '  Attack paths reach crown jewels, but no change small enough for a first step cuts one.',
      'bold',
    ),
  ];
  const path =
    worst === undefined
      ? []
      : [heading(canvas, 'The worst attack path', pathDetail(worst)), ...pathLines(worst, canvas)];
  return [lines, path, nextLines(report, canvas, 'The plan'), riskLines(report, canvas)];
}

/** Renders the whole terminal report, ending with a newline. */
export function renderTerminal(
  report: Report,
  context: { readonly color: boolean; readonly width: number },
): string {
  const canvas: Canvas = { paint: painter(context.color), width: Math.max(MIN_WIDTH, context.width) };
  const noRisk = report.oneThing === null && report.risk.total === 0;
  const sections = [
    headerLines(report, canvas),
    gapLines(report, canvas),
    ...(noRisk
      ? [[canvas.paint('No attack path reaches a crown jewel.', 'green', 'bold')]]
      : riskSections(report, canvas)),
    hygieneLines(report, canvas),
  ];
  return `${sections
    .filter((s) => s.length > 0)
    .map((s) => s.join('\n'))
    .join('\n\n')}\n`;
}
