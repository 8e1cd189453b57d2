/** Hygiene: facts that lie on no attack path, counted by fact id, ranked below everything on a path. */
import type { FactReport, Report } from './contract.js';
import { type Canvas, heading, plural, wrap } from './terminal-style.js';

/** Fact ids listed; the rest are counted. */
export const HYGIENE_IDS = 6;

/** Fact ids by count, most first, then by id. */
function byCount(facts: readonly FactReport[]): { fact: string; count: number; first: FactReport }[] {
  const groups = new Map<string, { fact: string; count: number; first: FactReport }>();
  for (const fact of facts) {
    const group = groups.get(fact.fact);
    if (group === undefined) groups.set(fact.fact, { fact: fact.fact, count: 1, first: fact });
    else group.count++;
  }
  return [...groups.values()].sort(
    (a, b) => b.count - a.count || (a.fact < b.fact ? -1 : a.fact > b.fact ? 1 : 0),
  );
}

/** The hygiene block: each top fact id with its count and one example. */
export function hygieneLines(report: Report, canvas: Canvas): string[] {
  const hygiene = report.facts.filter((f) => !f.onPath);
  if (hygiene.length === 0) return [heading(canvas, 'Hygiene', '(nothing off the attack paths)')];
  const groups = byCount(hygiene);
  const lines = [heading(canvas, 'Hygiene', `(${plural(hygiene.length, 'finding')} on no attack path)`)];
  const idWidth = Math.max(...groups.slice(0, HYGIENE_IDS).map((g) => `${g.fact} ×${g.count}`.length));
  for (const group of groups.slice(0, HYGIENE_IDS)) {
    const where =
      group.first.location === undefined
        ? group.first.object
        : `${group.first.object} — ${group.first.location}`;
    const label = `${group.fact} ×${group.count}`.padEnd(idWidth);
    lines.push(
      ...wrap(`e.g. ${where}`, { width: canvas.width, first: `  ${label}  `, rest: ' '.repeat(idWidth + 4) }),
    );
  }
  if (groups.length > HYGIENE_IDS) {
    const more = groups.slice(HYGIENE_IDS).reduce((sum, g) => sum + g.count, 0);
    lines.push(
      canvas.paint(
        `  … and ${plural(more, 'more finding')} of ${plural(groups.length - HYGIENE_IDS, 'other kind')}`,
        'dim',
      ),
    );
  }
  return lines;
}
