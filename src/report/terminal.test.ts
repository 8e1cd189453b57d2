import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlanItem } from './contract.js';
import { REPORT_FORMATS, REPORTERS } from './formats.js';
import { renderTerminal } from './terminal.js';
import { SAMPLE_ONE_THING, sampleReport } from './terminal-fixture.js';

const PLAIN = { color: false, width: 100 };
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the ANSI escape is the point
const ANSI = /\u001b\[\d+m/g;

function indexOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.notEqual(at, -1, `missing ${JSON.stringify(needle)} in:\n${text}`);
  return at;
}

test('sections come in order: header, gaps, the one thing, its path, the change, plan, risk, hygiene', () => {
  const text = renderTerminal(sampleReport(), PLAIN);
  const order = [
    'chokepoint 9.9.9 · k8s/ · 12 objects, 3 workloads, 4 identities · 1 gap',
    'The scan is incomplete: 1 gap',
    'THE ONE THING',
    'THE ATTACK PATH IT BREAKS',
    'THE CHANGE',
    'NEXT IN THE PLAN',
    'RISK BY THREAT MODEL',
    'HYGIENE',
  ].map((s) => indexOf(text, s));
  assert.deepEqual(
    order,
    [...order].sort((a, b) => a - b),
  );
  assert.ok(text.startsWith('chokepoint 9.9.9'));
  assert.ok(text.endsWith('\n'));
});

test('the header names one file, a shared folder, or the first three files', () => {
  const header = (paths: string[]) =>
    renderTerminal(sampleReport({ source: { type: 'files', paths } }), PLAIN).split(' · ')[1];
  assert.equal(header(['k8s/a.yaml']), 'k8s/a.yaml');
  assert.equal(header(['k8s/apps/a.yaml', 'k8s/apps/b/c.yaml', 'k8s/apps/b/d.yaml']), 'k8s/apps/ (3 files)');
  assert.equal(header(['k8s/apps/a.yaml', 'k8s/db.yaml']), 'k8s/ (2 files)');
  assert.equal(header(['a.yaml', 'b.yaml', 'c/d.yaml', '<stdin>']), 'a.yaml, b.yaml, c/d.yaml and 1 more');
  assert.equal(header(['/a.yaml', '/b.yaml']), '/a.yaml, /b.yaml');
});

test('each gap is listed once at the top, its location not repeated', () => {
  const text = renderTerminal(sampleReport(), PLAIN);
  assert.match(
    text,
    /\n {2}! could not parse k8s\/broken\.yaml:7: unexpected end of the stream — fix the YAML\n/,
  );
  assert.equal(text.split('k8s/broken.yaml:7').length, 2);
  assert.doesNotMatch(renderTerminal(sampleReport({ gaps: [] }), PLAIN), /incomplete/);
});

test('the one thing: title, target with file:line, effort, risk removed as integers and %, paths, may break', () => {
  const text = renderTerminal(sampleReport(), PLAIN);
  assert.match(
    text,
    /Remove the subject from the binding\n\s+on ClusterRoleBinding\/web-admin — k8s\/rbac\.yaml:3\n/,
  );
  assert.match(
    text,
    /Effort: hours \(2 h\)\. Removes 75% of the risk \(1,000,000 → 250,000\) and cuts 3 attack paths\./,
  );
  assert.match(text, /May break: Whatever the subject does/);
  assert.match(text, /chokepoint\)/);
});

test('the path is a numbered story with each step located once', () => {
  const text = renderTerminal(sampleReport(), { color: false, width: 200 });
  assert.match(text, /\(external: lb:Service\/shop\/web:443 → cluster-admin, likelihood 27%\)/);
  assert.match(text, /\n {2}1\. +the internet reaches .* LoadBalancer — k8s\/web\.yaml:20\n/);
  assert.match(text, /\n {2}2\. +container app .*ServiceAccount\/shop\/web — k8s\/web\.yaml:1\n/);
  assert.match(text, /\n {2}3\. +ServiceAccount\/shop\/web is granted cluster-admin — k8s\/rbac\.yaml:3\n/);
  assert.equal(text.split('k8s/web.yaml:1\n').length, 2);
});

test('the patch reads as YAML and the kubectl command is printed whole, even when narrow', () => {
  const text = renderTerminal(sampleReport(), { color: false, width: 60 });
  assert.match(text, /Patch ClusterRoleBinding\/web-admin:\n {4}- op: remove\n {6}path: \/subjects\/0\n/);
  assert.ok(text.includes(`\n    ${SAMPLE_ONE_THING.kubectl}\n`));
});

test('next in the plan skips the one thing, keeps plan numbers, and caps at five', () => {
  const text = renderTerminal(sampleReport(), PLAIN);
  const next = text.slice(indexOf(text, 'NEXT IN THE PLAN'), indexOf(text, 'RISK BY THREAT MODEL'));
  assert.match(
    next,
    /\n {2}1\. +Stop mounting the service-account token\n.*minutes · risk after 500,000 \(50%\) · cuts 2 paths/,
  );
  assert.match(next, /\n {2}3\. +Stop exposing the Service/);
  assert.doesNotMatch(next, /Remove the subject/);
  const many: PlanItem[] = Array.from({ length: 9 }, (_, i) => ({
    ...SAMPLE_ONE_THING,
    target: `ClusterRoleBinding/b${i}`,
  }));
  const long = renderTerminal(sampleReport({ plan: [SAMPLE_ONE_THING, ...many] }), PLAIN);
  assert.match(long, /\n {2}6\. /);
  assert.doesNotMatch(long, /\n {2}7\. /);
  assert.match(long, /… and 4 more/);
});

test('risk by threat model: integer and share per enabled model, off for a disabled one', () => {
  const text = renderTerminal(sampleReport(), PLAIN);
  assert.match(
    text,
    /RISK BY THREAT MODEL \(total 1,000,000\)\n {2}external +750,000 +75%\n {2}container +250,000 +25%\n {2}credentials +off\n/,
  );
});

test('hygiene counts off-path facts by id, most first, and leaves on-path facts out', () => {
  const text = renderTerminal(sampleReport(), PLAIN);
  const hygiene = text.slice(indexOf(text, 'HYGIENE'));
  assert.match(
    hygiene,
    /\(3 findings on no attack path\)\n {2}image-latest ×2 .*\n {2}privileged ×1 +e\.g\. Deployment\/ops\/agent#agent — k8s\/agent\.yaml:9\n/,
  );
  assert.doesNotMatch(hygiene, /automount-token/);
});

test('with no risk it says so plainly, then hygiene, and no plan', () => {
  const text = renderTerminal(
    sampleReport({
      oneThing: null,
      plan: [],
      paths: [],
      risk: { total: 0, byThreatModel: { external: 0, container: 0, credentials: 0 } },
    }),
    PLAIN,
  );
  assert.ok(indexOf(text, 'No attack path reaches a crown jewel.') < indexOf(text, 'HYGIENE'));
  assert.doesNotMatch(text, /THE ONE THING|NEXT IN THE PLAN/);
});

test('with risk but no first step small enough, it shows the worst path and the whole plan', () => {
  const text = renderTerminal(sampleReport({ oneThing: null }), PLAIN);
  assert.match(text, /no change small enough for a first step/);
  assert.match(text, /THE WORST ATTACK PATH/);
  assert.match(text, /THE PLAN\n {2}1\. .*\n.*\n {2}2\. +Remove the subject/);
});

test('colour only when asked, and the same text once colour is stripped', () => {
  const plain = renderTerminal(sampleReport(), PLAIN);
  const colored = renderTerminal(sampleReport(), { color: true, width: 100 });
  assert.doesNotMatch(plain, ANSI);
  assert.match(colored, ANSI);
  assert.equal(colored.replace(ANSI, ''), plain);
});

test('prose wraps to the width; only unbreakable words run past it', () => {
  const text = renderTerminal(sampleReport(), { color: false, width: 64 });
  for (const line of text.split('\n')) {
    if (line.length <= 64) continue;
    assert.ok(line.trim().startsWith('kubectl ') || !line.trim().includes(' '), `too wide: ${line}`);
  }
});

test('the format table has json, terminal and the derived formats, sorted', () => {
  assert.deepEqual(REPORT_FORMATS, ['dot', 'html', 'json', 'markdown', 'mermaid', 'sarif', 'terminal']);
  assert.equal(REPORTERS.json(sampleReport(), PLAIN).startsWith('{'), true);
  assert.equal(REPORTERS.terminal(sampleReport(), PLAIN), renderTerminal(sampleReport(), PLAIN));
});
