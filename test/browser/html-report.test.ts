/**
 * The HTML report in headless Chromium (Debian's chromium and playwright-core): it loads offline with no
 * console error, draws exactly the nodes of the reported paths, shows a node's evidence ref on click, and
 * filters by threat model and namespace. Skips, saying why, when /usr/bin/chromium is absent.
 * UPDATE_SCREENSHOTS=1 also rewrites the screenshots under docs/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Report } from '../../src/report/contract.js';
import { GRAPH_PATHS } from '../../src/report/path-graph.js';
import { runCli } from '../e2e/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is absent — apt-get install -y chromium (.ci/run does)`;
const work = mkdtempSync(join(tmpdir(), 'chokepoint-html-'));
let browser: Browser | undefined;
let report: Report;
let page: Page;
const consoleErrors: string[] = [];
const outsideRequests: string[] = [];

before(async () => {
  if (skip) return;
  const html = join(work, 'report.html');
  const scan = runCli(['scan', 'examples/shop', '--format', 'html', '-o', html]);
  assert.equal(scan.code, 0, scan.stderr);
  report = JSON.parse(runCli(['scan', 'examples/shop', '--format', 'json']).stdout) as Report;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 1800 } });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  // Offline: anything but the file itself is refused and recorded.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    outsideRequests.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(html).href);
  await page.waitForFunction('window.chokepointGraph !== undefined');
});

after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Distinct graph nodes of the paths the page draws, optionally only those that pass a filter. */
function pathNodes(keep: (path: Report['paths'][number]) => boolean = () => true): Set<string> {
  const nodes = new Set<string>();
  for (const path of report.paths.slice(0, GRAPH_PATHS).filter(keep)) {
    nodes.add(path.entry);
    nodes.add(path.jewel);
    for (const step of path.steps) nodes.add(step.from).add(step.to);
  }
  return nodes;
}

async function visibleNodeIds(): Promise<string[]> {
  // `.hidden` is the filter's own class (display: none); reading it does not wait for a repaint.
  return (await page.evaluate(
    'window.chokepointGraph.nodes().filter((n) => !n.hasClass("hidden")).map((n) => n.id())',
  )) as string[];
}

test('the page loads offline with no console error and asks for nothing outside the file', {
  skip,
}, async () => {
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(outsideRequests, []);
  const top = await page.textContent('#one-thing');
  assert.ok(report.oneThing);
  assert.ok(top?.includes(report.oneThing.target), 'the one thing names its target');
  assert.ok(top?.includes(report.oneThing.kubectl), 'and shows its patch');
  assert.equal(await page.locator('#plan tbody tr').count(), report.plan.length);
});

test('the graph draws exactly the nodes of the reported paths', { skip }, async () => {
  const expected = pathNodes();
  assert.ok(expected.size > 0);
  assert.deepEqual(new Set(await visibleNodeIds()), expected);
});

test('clicking a node shows its evidence ref', { skip }, async () => {
  const step = report.oneThing!.breaks!.steps[0]!;
  const target = step.from;
  const box = (await page.evaluate(`(() => {
    const node = window.chokepointGraph.getElementById(${JSON.stringify(target)});
    const p = node.renderedPosition();
    const r = document.getElementById('graph').getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  })()`)) as { x: number; y: number };
  await page.mouse.click(box.x, box.y);
  await page.waitForSelector('#evidence .evidence-ref');
  assert.equal(await page.textContent('#evidence .node-ref'), target);
  const refs = await page.locator('#evidence .evidence-ref').allTextContents();
  for (const evidence of step.evidence) assert.ok(refs.includes(evidence.ref), `${evidence.ref} is shown`);
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    await page.screenshot({ path: 'docs/report-top.png', clip: { x: 0, y: 0, width: 1280, height: 900 } });
    await page.locator('#graph').scrollIntoViewIfNeeded();
    await page.locator('main > section').last().screenshot({ path: 'docs/report-graph.png' });
  }
});

test('filters: by threat model, then by namespace, show only the matching paths', { skip }, async () => {
  await page.selectOption('#filter-threat-model', 'credentials');
  assert.deepEqual(
    new Set(await visibleNodeIds()),
    pathNodes((p) => p.threatModel === 'credentials'),
  );
  await page.selectOption('#filter-threat-model', 'all');
  await page.selectOption('#filter-namespace', 'monitoring');
  const inMonitoring = pathNodes((p) =>
    [p.entry, ...p.steps.flatMap((s) => [s.from, s.to])].some((ref) =>
      /^[A-Z][A-Za-z]*\/monitoring\//.test(ref),
    ),
  );
  assert.ok(inMonitoring.size > 0 && inMonitoring.size < pathNodes().size);
  assert.deepEqual(new Set(await visibleNodeIds()), inMonitoring);
  await page.selectOption('#filter-namespace', 'all');
  assert.deepEqual(consoleErrors, []);
});
