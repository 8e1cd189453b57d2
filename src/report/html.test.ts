/** The HTML report and the graph it draws: hostile text stays text, nothing is fetched, nodes are the path nodes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report } from './contract.js';
import { renderDot } from './dot.js';
import { renderHtml } from './html.js';
import { renderMermaid } from './mermaid.js';
import { namespaceOf, pathGraph } from './path-graph.js';
import { SAMPLE_ONE_THING, sampleReport } from './terminal-fixture.js';

const HOSTILE = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';

/** A node ref with quotes and markup in it. */
const ODD_REF = 'Ingress/shop/"web" <b>';

/** The sample report with attacker-chosen text in a ref, a sentence and some evidence. */
function hostileReport(): Report {
  const base = sampleReport();
  const path = { ...base.paths[0]!, entry: ODD_REF };
  const steps = path.steps.map((step, i) =>
    i === 0
      ? {
          ...step,
          from: ODD_REF,
          says: HOSTILE,
          evidence: [{ ref: `Service/shop/${HOSTILE}`, says: HOSTILE }],
        }
      : step,
  );
  return sampleReport({
    paths: [{ ...path, steps }],
    oneThing: { ...SAMPLE_ONE_THING, mayBreak: HOSTILE, title: HOSTILE },
  });
}

test('hostile text in refs, sentences and evidence never becomes markup', () => {
  const html = renderHtml(hostileReport(), { cytoscape: '/* lib */' });
  assert.equal(html.includes('<script>alert'), false);
  assert.equal(html.includes('<img src=x'), false);
  assert.ok(html.includes('&lt;/script&gt;'), 'escaped in the text sections');
  assert.ok(html.includes('\\u003c/script>'), 'escaped in the graph data');
  assert.equal(html.match(/<script/g)?.length, 3, 'only the data, the library and the page script');
});

test('the page is self-contained: no external script, style, image or link', () => {
  const html = renderHtml(sampleReport(), { cytoscape: '/* lib */' });
  assert.doesNotMatch(html, /\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
  assert.doesNotMatch(html, /@import|url\(/i);
  assert.ok(html.includes('/* lib */'), 'the library is inlined as given');
});

test('the drawn graph holds exactly the nodes of the drawn paths, and marks what the one thing removes', () => {
  const report = sampleReport();
  const graph = pathGraph(report);
  const expected = new Set(
    report.paths.flatMap((p) => [p.entry, p.jewel, ...p.steps.flatMap((s) => [s.from, s.to])]),
  );
  assert.deepEqual(new Set(graph.nodes.map((n) => n.id)), expected);
  assert.equal(graph.edges.length, report.paths[0]!.steps.length);
  assert.deepEqual(pathGraph(report, 0).nodes, []);
  const cut = {
    ...report,
    findings: report.paths[0]!.steps.map((s, i) => ({
      ...s,
      likelihood: 1,
      onPath: true,
      fixes:
        i === 2
          ? [{ remediation: SAMPLE_ONE_THING.remediation, target: SAMPLE_ONE_THING.target, patch: [] }]
          : [],
    })),
  };
  const marked = pathGraph(cut);
  assert.deepEqual(
    marked.edges.filter((e) => e.removed).map((e) => e.technique),
    ['cluster-admin-grant'],
  );
  assert.ok(
    marked.nodes.every((n) => n.cut),
    'every node of the cut path is on a cut path',
  );
});

test('namespaces of node refs: objects behind any prefix and Secrets jewels; none for hubs, pools, cluster scope', () => {
  assert.equal(namespaceOf('Deployment/shop/web#app'), 'shop');
  assert.equal(namespaceOf('lb:Service/shop/web:443'), 'shop');
  assert.equal(namespaceOf('jewel:secrets/payments'), 'payments');
  assert.equal(namespaceOf('hub:reach/Deployment/ci/runner'), 'ci');
  assert.equal(namespaceOf('hub:read-secrets/ci'), undefined, 'a hub has none of its own');
  assert.equal(namespaceOf('jewel:node-root/workers'), undefined, 'a pool is no namespace');
  assert.equal(namespaceOf('ClusterRoleBinding/admin'), undefined);
  assert.equal(namespaceOf('jewel:cluster-admin'), undefined);
});

test('DOT and Mermaid quote refs so that no ref breaks the syntax', () => {
  const report = hostileReport();
  const dot = renderDot(report);
  assert.ok(dot.includes('"Ingress/shop/\\"web\\" <b>"'), 'quotes escaped in DOT');
  for (const line of dot.split('\n').filter((l) => l.includes(' -> ')))
    assert.match(line, /^ {2}".*" -> ".*" \[.*\];$/);
  const mermaid = renderMermaid(report);
  assert.match(mermaid, /^flowchart LR\n/);
  assert.doesNotMatch(mermaid, /<script|<b>/);
  assert.ok(mermaid.includes('Ingress/shop/#quot;web#quot; #lt;b#gt;'), 'quotes and brackets as entities');
  for (const line of mermaid.split('\n').filter((l) => l.includes('-->')))
    assert.match(line, /^ {2}n\d+ -->\|[a-z-]+\| n\d+$/);
});
