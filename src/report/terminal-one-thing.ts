/** The one thing: the change, the attack path it breaks, and the exact patch with its kubectl command. */
import { stringify } from 'yaml';
import type { PatchOp } from '../collect/patch.js';
import type { PathReport, PlanItem, Report } from './contract.js';
import { type Canvas, heading, jewelWords, percent, plural, riskNumber, wrap } from './terminal-style.js';

/** A target with its location when known: `Deployment/shop/web — k8s/web.yaml:12`. */
export function targetWords(target: string, location: string | undefined): string {
  return location === undefined ? target : `${target} — ${location}`;
}

/** What the change is, where, what it costs, removes and may break. */
function changeLines(item: PlanItem, report: Report, canvas: Canvas): string[] {
  const { paint, width } = canvas;
  const removed = item.riskBefore - item.riskAfter;
  const facts = [
    `Effort: ${item.effort} (${item.effortHours} h).`,
    `Removes ${percent(removed, report.risk.total)} of the risk (${riskNumber(item.riskBefore)} → ${riskNumber(item.riskAfter)}) and cuts ${plural(item.pathsCut, 'attack path')}.`,
    ...(item.chokepoint ? ['Every path of a threat model goes through it (a chokepoint).'] : []),
  ].join(' ');
  return [
    ...wrap(item.title, { width, first: `  ${paint('→', 'green', 'bold')} `, rest: '    ' }).map((l) =>
      paint(l, 'bold'),
    ),
    `    on ${paint(targetWords(item.target, item.location), 'cyan')}`,
    ...(item.also === undefined
      ? []
      : [`    and ${item.also.target} — both are needed: either alone leaves a parallel path`]),
    ...wrap(facts, { width, first: '    ', rest: '    ' }),
    ...wrap(`May break: ${item.mayBreak}`, { width, first: '    ', rest: '    ' }).map((l) =>
      paint(l, 'yellow'),
    ),
  ];
}

/** An attack path as a short numbered story, one line per step, each with where its evidence is. */
export function pathLines(path: PathReport, canvas: Canvas): string[] {
  const lines: string[] = [];
  for (const [i, step] of path.steps.entries()) {
    const location = step.evidence.find((e) => e.location !== undefined)?.location;
    const says =
      location === undefined || step.says.includes(location) ? step.says : `${step.says} — ${location}`;
    const number = `${i + 1}.`.padEnd(3);
    lines.push(...wrap(says, { width: canvas.width, first: `  ${number} `, rest: '      ' }));
  }
  return lines;
}

/** The heading detail of a path: threat model, entry, jewel and likelihood. */
export function pathDetail(path: PathReport): string {
  const likelihood = percent(Math.round(path.likelihood * 1_000_000), 1_000_000);
  return `(${path.threatModel}: ${path.entry} → ${jewelWords(path.jewel)}, likelihood ${likelihood})`;
}

/** A JSON Patch, readable: as YAML, indented. */
function patchLines(ops: readonly PatchOp[], indent: string): string[] {
  return stringify(ops, { lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((line) => indent + line);
}

/** The exact change for one fix: the patch, then the kubectl command that applies it live. */
function fixLines(
  fix: { target: string; patch: readonly PatchOp[]; kubectl: string },
  canvas: Canvas,
): string[] {
  return [
    `  Patch ${fix.target}:`,
    ...patchLines(fix.patch, '    '),
    '  Or, on the live cluster:',
    `    ${canvas.paint(fix.kubectl, 'cyan')}`,
  ];
}

/** The whole one-thing block. */
export function oneThingLines(item: PlanItem, report: Report, canvas: Canvas): string[] {
  const lines = [heading(canvas, 'The one thing'), ...changeLines(item, report, canvas)];
  if (item.breaks !== undefined) {
    lines.push(
      '',
      heading(canvas, 'The attack path it breaks', pathDetail(item.breaks)),
      ...pathLines(item.breaks, canvas),
    );
  }
  lines.push('', heading(canvas, 'The change'), ...fixLines(item, canvas));
  if (item.also !== undefined) lines.push(...fixLines(item.also, canvas));
  return lines;
}
