/** The report formats: the one place a new format (sarif, html, markdown, dot) is added. */
import type { Report } from './contract.js';
import { renderDot } from './dot.js';
import { type HtmlAssets, renderHtml } from './html.js';
import { renderJson, renderJsonChunks } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderMermaid } from './mermaid.js';
import { renderSarif, renderSarifChunks } from './sarif.js';
import { renderTerminal } from './terminal.js';

/** Every output format `--format` accepts. */
export type ReportFormat = 'dot' | 'html' | 'json' | 'markdown' | 'mermaid' | 'sarif' | 'terminal';

/** How the output will be shown: colour only for a terminal that wants it, and its width in columns. */
export interface ReporterContext {
  readonly color: boolean;
  readonly width: number;
  /** Files a self-contained format inlines (the HTML graph library), read by the CLI. */
  readonly assets?: HtmlAssets;
}

/** A reporter: pure, returns the whole output. */
export type Reporter = (report: Report, context: ReporterContext) => string;

/** The reporter of each format. */
export const REPORTERS: Readonly<Record<ReportFormat, Reporter>> = {
  dot: (report) => renderDot(report),
  html: (report, context) => renderHtml(report, context.assets),
  json: (report) => renderJson(report),
  markdown: (report) => renderMarkdown(report),
  mermaid: (report) => renderMermaid(report),
  sarif: (report) => renderSarif(report),
  terminal: renderTerminal,
};

/** Formats that can hand out their text in pieces, for outputs too large to hold as one string. */
const IN_PIECES: Partial<Record<ReportFormat, (report: Report) => Iterable<string>>> = {
  json: renderJsonChunks,
  sarif: renderSarifChunks,
};

/** The output of a format: in pieces where the format allows, else its whole text. */
export function renderReport(
  format: ReportFormat,
  report: Report,
  context: ReporterContext,
): string | { readonly chunks: Iterable<string> } {
  const inPieces = IN_PIECES[format];
  return inPieces === undefined ? REPORTERS[format](report, context) : { chunks: inPieces(report) };
}

/** Every format, sorted, for `--help` and validation. */
export const REPORT_FORMATS = (Object.keys(REPORTERS) as ReportFormat[]).sort();

/** Narrows a user-supplied name to a format. */
export function isReportFormat(name: string): name is ReportFormat {
  return Object.hasOwn(REPORTERS, name);
}
