/**
 * `--format html`: one self-contained page that works offline. The one thing and its patch on top, then the
 * plan and the risk per threat model, then the attack graph (the union of the top paths) drawn by cytoscape,
 * which the CLI reads from node_modules and passes in the context; the reporter itself stays pure.
 */
import type { Report } from './contract.js';
import { findingKey } from './fingerprint.js';
import { HTML_CLIENT } from './html-client.js';
import { escapeHtml as h, jsonForScript, scriptBody } from './html-escape.js';
import { gapsHtml, headerHtml, oneThingHtml, planHtml, riskHtml } from './html-sections.js';
import { HTML_STYLE } from './html-style.js';
import { type DrawnGraph, pathGraph } from './path-graph.js';

/** What the page embeds besides the report: the graph library's source. */
export interface HtmlAssets {
  readonly cytoscape?: string;
}

/** The graph data the page's script reads: nodes, edges, and each drawn path as node and edge ids. */
function graphData(graph: DrawnGraph): unknown {
  return {
    nodes: graph.nodes,
    edges: graph.edges,
    paths: graph.paths.map((path) => ({
      threatModel: path.threatModel,
      nodes: [...new Set([path.entry, ...path.steps.flatMap((s) => [s.from, s.to]), path.jewel])],
      edges: path.steps.map((s) => findingKey(s)),
    })),
  };
}

function option(value: string, text: string): string {
  return `<option value="${h(value)}">${h(text)}</option>`;
}

/** The graph section: filters, legend, canvas and the evidence panel. */
function graphHtml(report: Report, graph: DrawnGraph): string {
  const tms = report.threatModels.filter((tm) => tm.enabled).map((tm) => option(tm.name, tm.name));
  const namespaces = [
    ...new Set(graph.nodes.flatMap((n) => (n.namespace === undefined ? [] : [n.namespace]))),
  ]
    .sort()
    .map((ns) => option(ns, ns));
  const shown = `${graph.paths.length} of ${report.stats.paths} path(s)`;
  return (
    `<section><h2>The attack graph (${h(shown)}, most valuable first)</h2>` +
    '<div class="filters">' +
    `<label>Threat model <select id="filter-threat-model">${option('all', 'all')}${tms.join('')}</select></label>` +
    `<label>Namespace <select id="filter-namespace">${option('all', 'all')}${namespaces.join('')}</select></label>` +
    '<label><input type="checkbox" id="filter-highlight" checked> Highlight what the one thing cuts</label>' +
    '<span class="legend muted"><span>■ entry (orange)</span><span>⬣ crown jewel (red)</span><span>- - removed by the one thing</span></span>' +
    '</div><div class="graph-wrap"><div id="graph" role="img" aria-label="attack graph"></div>' +
    '<aside id="evidence"><p class="muted">Click a node to see its evidence. Scroll to zoom, drag to pan.</p></aside></div></section>'
  );
}

/** The report as one HTML page; `assets.cytoscape` is inlined as is. */
export function renderHtml(report: Report, assets: HtmlAssets = {}): string {
  const graph = pathGraph(report);
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>chokepoint report</title><style>${HTML_STYLE}</style></head><body>`,
    headerHtml(report),
    '<main>',
    gapsHtml(report),
    oneThingHtml(report),
    planHtml(report),
    riskHtml(report),
    graphHtml(report, graph),
    '</main>',
    `<script type="application/json" id="chokepoint-graph">${jsonForScript(graphData(graph))}</script>`,
    `<script>${scriptBody(assets.cytoscape ?? '')}</script>`,
    `<script>${scriptBody(HTML_CLIENT)}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}
