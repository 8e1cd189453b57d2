import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PathReport, Report } from '../report/contract.js';
import { failsOn, parseFailOn } from './fail-on.js';
import { type Parsed, parseBudget, parseKubeVersion, parsePlanCount, parseThreatModels } from './options.js';

function value<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) assert.fail(parsed.message);
  return parsed.value;
}

function message<T>(parsed: Parsed<T>): string {
  if (parsed.ok) assert.fail(`expected an error, got ${JSON.stringify(parsed.value)}`);
  return parsed.message;
}

test('threat models: a subset in report order, duplicates and spaces tolerated, unknown names listed', () => {
  assert.deepEqual(value(parseThreatModels('credentials, external,external')), ['external', 'credentials']);
  assert.match(
    message(parseThreatModels('external,insider,cloud')),
    /"insider", "cloud" — .*: external, container, credentials$/,
  );
  assert.match(message(parseThreatModels('')), /no threat model given/);
});

test('budget: h hours, d 8-hour days, w 40-hour weeks', () => {
  assert.equal(value(parseBudget('4h')), 4);
  assert.equal(value(parseBudget('2d')), 16);
  assert.equal(value(parseBudget('1w')), 40);
  assert.equal(value(parseBudget('1.5d')), 12);
  for (const bad of ['2', '0h', 'd', '2 days', '-1h'])
    assert.match(message(parseBudget(bad)), /is not a budget/);
});

test('plan count and kube version', () => {
  assert.equal(value(parsePlanCount('3')), 3);
  for (const bad of ['0', '-1', '1.5', 'x']) assert.match(message(parsePlanCount(bad)), /is not a count/);
  assert.equal(value(parseKubeVersion('v1.37.2')), '1.37');
  assert.match(message(parseKubeVersion('1')), /major\.minor/);
});

function path(jewel: string, via: readonly string[] = []): PathReport {
  const steps = [...via, jewel].map((to) => ({
    technique: 'privileged-container' as const,
    from: 'x',
    to,
    says: '',
    evidence: [],
  }));
  return { threatModel: 'container', entry: 'x', jewel, likelihood: 0.5, score: 500_000, steps };
}

function report(paths: readonly PathReport[], total = paths.length * 500_000): Report {
  return {
    risk: { total, byThreatModel: { external: 0, container: total, credentials: 0 } },
    paths,
    stats: { paths: paths.length, pathsByJewel: {} },
  } as unknown as Report;
}

test('--fail-on levels parse, and unknown ones list the valid levels', () => {
  assert.deepEqual(value(parseFailOn('none')), { kind: 'none' });
  assert.deepEqual(value(parseFailOn('path:any')), { kind: 'path', jewel: 'any' });
  assert.deepEqual(value(parseFailOn('path:node-root')), { kind: 'path', jewel: 'node-root' });
  assert.deepEqual(value(parseFailOn('risk>1000')), { kind: 'risk', above: 1000 });
  for (const bad of ['path:', 'path:toString', 'risk>', 'risk>-1', 'all']) {
    assert.match(
      message(parseFailOn(bad)),
      /unknown level .* use one of: none, path:any, path:cluster-admin/,
    );
  }
});

test('--fail-on: a path counts for its jewel and for every jewel it passes through', () => {
  const viaNode = report([path('jewel:cluster-admin', ['jewel:node-root/workers'])]);
  assert.equal(failsOn(viaNode, value(parseFailOn('path:cluster-admin'))), true);
  assert.equal(failsOn(viaNode, value(parseFailOn('path:node-root'))), true);
  assert.equal(failsOn(viaNode, value(parseFailOn('path:secrets'))), false);
  assert.equal(failsOn(viaNode, value(parseFailOn('path:any'))), true);
  assert.equal(failsOn(viaNode, value(parseFailOn('none'))), false);
  const secrets = report([path('jewel:secrets/shop')]);
  assert.equal(failsOn(secrets, value(parseFailOn('path:secrets'))), true);
  assert.equal(failsOn(secrets, value(parseFailOn('path:cluster-admin'))), false);
  const clean = report([]);
  assert.equal(failsOn(clean, value(parseFailOn('path:any'))), false);
});

test('--fail-on path:<jewel> is judged from every entry, not only the capped paths[]', () => {
  const capped = {
    ...report([]),
    stats: { paths: 300, pathsByJewel: { 'node-root': 120, 'cluster-admin': 40 } },
  } as unknown as Report;
  assert.equal(failsOn(capped, value(parseFailOn('path:node-root'))), true);
  assert.equal(failsOn(capped, value(parseFailOn('path:cluster-admin'))), true);
  assert.equal(failsOn(capped, value(parseFailOn('path:secrets'))), false);
  assert.equal(failsOn(capped, value(parseFailOn('path:any'))), true);
});

test('--fail-on risk>N is strictly above N', () => {
  const r = report([path('jewel:secrets/shop')], 1234);
  assert.equal(failsOn(r, value(parseFailOn('risk>1233'))), true);
  assert.equal(failsOn(r, value(parseFailOn('risk>1234'))), false);
});
