/** `chokepoint diff` output: text for a terminal or a CI log, Markdown for a pull request, JSON for tools. */
import { THREAT_MODELS } from '../techniques/types.js';
import type { FindingReport, PathReport } from './contract.js';
import type { ReportDiff } from './diff.js';
import { findingKey, fingerprint, pathKey } from './fingerprint.js';
import { cell } from './markdown.js';
import { grouped, likelihoodWords, pathHeadline } from './report-words.js';

/** The formats `diff --format` accepts. */
export type DiffFormat = 'json' | 'markdown' | 'terminal';

/** What the two sides were, as the user named them. */
export interface DiffLabels {
  readonly base: string;
  readonly head: string;
}

const signed = (n: number): string => (n > 0 ? `+${grouped(n)}` : n < 0 ? `−${grouped(-n)}` : '±0');

function riskLines(diff: ReportDiff): string[] {
  const { before, after } = diff.risk;
  return [
    `Risk: ${grouped(before.total)} → ${grouped(after.total)} (${signed(after.total - before.total)})`,
    ...THREAT_MODELS.map(
      (tm) =>
        `  ${tm.padEnd(12)} ${grouped(before.byThreatModel[tm]).padStart(10)} → ${grouped(after.byThreatModel[tm]).padStart(10)}`,
    ),
  ];
}

function evidenceLine(finding: FindingReport): string[] {
  return finding.evidence.map(
    (e) =>
      `      ${e.ref}${e.path === undefined ? '' : ` ${e.path}`}: ${e.says}${e.location === undefined ? '' : ` — ${e.location}`}`,
  );
}

function pathLines(sign: string, path: PathReport, withSteps: boolean): string[] {
  const head = `  ${sign} ${pathHeadline(path)} (${likelihoodWords(path.likelihood)})`;
  return withSteps ? [head, ...path.steps.map((s, i) => `      ${i + 1}. ${s.says}`)] : [head];
}

function terminal(diff: ReportDiff, labels: DiffLabels): string {
  const { added, removed, changed } = diff.paths;
  const lines = [
    `chokepoint diff: ${labels.base} → ${labels.head}`,
    ...riskLines(diff),
    `Paths: ${added.length} added, ${removed.length} removed, ${changed.length} changed`,
  ];
  if (diff.knownInBaseline > 0)
    lines.push(`(${diff.knownInBaseline} new item(s) already in the baseline, not counted)`);
  if (added.length > 0) lines.push('', 'ADDED PATHS', ...added.flatMap((p) => pathLines('+', p, true)));
  if (removed.length > 0)
    lines.push('', 'REMOVED PATHS', ...removed.flatMap((p) => pathLines('-', p, false)));
  if (changed.length > 0)
    lines.push('', 'CHANGED PATHS', ...changed.flatMap((c) => pathLines('~', c.after, true)));
  if (diff.findings.added.length > 0) {
    lines.push('', 'NEW FINDINGS');
    for (const f of diff.findings.added)
      lines.push(`  + ${f.technique}: ${f.from} → ${f.to}`, ...evidenceLine(f));
  }
  if (diff.findings.removed.length > 0) {
    lines.push('', 'FIXED FINDINGS');
    for (const f of diff.findings.removed) lines.push(`  - ${f.technique}: ${f.from} → ${f.to}`);
  }
  return `${lines.join('\n')}\n`;
}

function markdown(diff: ReportDiff, labels: DiffLabels): string {
  const { added, removed, changed } = diff.paths;
  const { before, after } = diff.risk;
  const verdict = added.length > 0 ? `⚠️ ${added.length} new attack path(s)` : 'No new attack path';
  const lines = [
    `### chokepoint: ${verdict}`,
    '',
    `Risk ${grouped(before.total)} → ${grouped(after.total)} (${signed(after.total - before.total)}); paths: ${added.length} added, ${removed.length} removed, ${changed.length} changed. Compared \`${cell(labels.base)}\` → \`${cell(labels.head)}\`.`,
    '',
  ];
  if (added.length > 0) {
    lines.push('**New attack paths**', '');
    for (const p of added) {
      lines.push(`- ${cell(pathHeadline(p))} — ${likelihoodWords(p.likelihood)}`);
      for (const s of p.steps) lines.push(`  1. ${cell(s.says)}`);
    }
    lines.push('');
  }
  if (removed.length > 0) {
    lines.push('**Removed attack paths**', '', ...removed.map((p) => `- ~~${cell(pathHeadline(p))}~~`), '');
  }
  if (diff.findings.added.length > 0) {
    lines.push('<details>', `<summary>New findings (${diff.findings.added.length})</summary>`, '');
    for (const f of diff.findings.added) {
      const where = f.evidence.find((e) => e.location !== undefined)?.location;
      lines.push(
        `- \`${f.technique}\`: \`${cell(f.from)}\` → \`${cell(f.to)}\`${where === undefined ? '' : ` (${cell(where)})`}`,
      );
    }
    lines.push('', '</details>');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function json(diff: ReportDiff, labels: DiffLabels): string {
  const path = (p: PathReport) => ({ fingerprint: fingerprint(pathKey(p)), ...p });
  const finding = (f: FindingReport) => ({ fingerprint: fingerprint(findingKey(f)), ...f });
  const out = {
    base: labels.base,
    head: labels.head,
    risk: diff.risk,
    paths: {
      added: diff.paths.added.map(path),
      removed: diff.paths.removed.map(path),
      changed: diff.paths.changed.map((c) => ({ before: path(c.before), after: path(c.after) })),
    },
    findings: { added: diff.findings.added.map(finding), removed: diff.findings.removed.map(finding) },
    knownInBaseline: diff.knownInBaseline,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The renderer of each diff format. */
export const DIFF_RENDERERS: Readonly<Record<DiffFormat, (diff: ReportDiff, labels: DiffLabels) => string>> =
  {
    json,
    markdown,
    terminal,
  };
