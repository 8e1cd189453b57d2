/** Files a report format inlines, read here so reporters stay pure: the graph library of the HTML report. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ReportFormat } from '../report/formats.js';
import type { HtmlAssets } from '../report/html.js';

/** The minified cytoscape build that ships with the installed package. */
export function cytoscapePath(): string {
  return createRequire(import.meta.url).resolve('cytoscape/dist/cytoscape.min.js');
}

/** The assets `format` inlines; a missing file is a broken install, so it throws. */
export async function reportAssets(format: ReportFormat): Promise<HtmlAssets> {
  if (format !== 'html') return {};
  return { cytoscape: await readFile(cytoscapePath(), 'utf8') };
}
