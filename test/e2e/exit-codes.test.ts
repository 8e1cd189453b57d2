import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report } from '../../src/report/contract.js';
import { REPORT_FORMATS } from '../../src/report/formats.js';
import { CLUSTER, runCli, STACK_LINE } from './run-cli.js';

function json(stdout: string): Report {
  return JSON.parse(stdout) as Report;
}

/** Usage errors: exit 2, one clear message on stderr, nothing on stdout, no stack. */
function assertUsage(args: readonly string[], message: RegExp): void {
  const run = runCli(args);
  assert.equal(run.code, 2, `exit code of ${args.join(' ')}; stderr: ${run.stderr}`);
  assert.match(run.stderr, message);
  assert.doesNotMatch(run.stderr, STACK_LINE);
  assert.equal(run.stdout, '');
}

test('a scan of the fixture cluster exits 0 with the default --fail-on none, and finds a plan of two or more', () => {
  const run = runCli(['scan', CLUSTER, '--format', 'json']);
  assert.equal(run.code, 0, run.stderr);
  const report = json(run.stdout);
  assert.ok(report.risk.total > 0);
  assert.notEqual(report.oneThing, null);
  assert.ok(report.plan.length >= 2, `plan has ${report.plan.length} items`);
  assert.ok(report.stats.objects >= 10);
});

test('--fail-on: path levels and risk>N exit 1 when reached, 0 when not', () => {
  assert.equal(runCli(['scan', CLUSTER, '--format', 'json', '--fail-on', 'path:any']).code, 1);
  assert.equal(runCli(['scan', CLUSTER, '--format', 'json', '--fail-on', 'path:cluster-admin']).code, 1);
  assert.equal(runCli(['scan', CLUSTER, '--format', 'json', '--fail-on', 'path:secrets']).code, 1);
  const total = json(runCli(['scan', CLUSTER, '--format', 'json']).stdout).risk.total;
  assert.equal(runCli(['scan', CLUSTER, '--format', 'json', '--fail-on', `risk>${total - 1}`]).code, 1);
  assert.equal(runCli(['scan', CLUSTER, '--format', 'json', '--fail-on', `risk>${total}`]).code, 0);
  // Only the batch path is left when the shop is out of the input: nothing reaches cluster-admin.
  assert.equal(runCli(['scan', `${CLUSTER}/batch.yaml`, '--fail-on', 'path:cluster-admin']).code, 0);
});

test('usage errors exit 2 and say what to do', () => {
  assertUsage(['scan'], /no input — give files or folders/);
  assertUsage(
    ['scan', CLUSTER, '--fail-on', 'path:everything'],
    /--fail-on: unknown level "path:everything" — use one of: none, path:any/,
  );
  assertUsage(
    ['scan', CLUSTER, '--format', 'xml'],
    new RegExp(`--format: unknown format "xml" — use one of: ${REPORT_FORMATS.join(', ')}`),
  );
  assertUsage(['scan', CLUSTER, '--apply-plan', '1'], /--apply-plan needs --out-dir/);
  assertUsage(
    ['scan', CLUSTER, '--apply-plan', 'all', '--out-dir', 'x'],
    /--apply-plan: "all" is not a count/,
  );
  assertUsage(['scan', CLUSTER, '--budget', '3 days'], /--budget: "3 days" is not a budget/);
  assertUsage(
    ['scan', CLUSTER, '--kube-version', 'latest'],
    /--kube-version: "latest" is not a Kubernetes version/,
  );
  assertUsage(['scan', CLUSTER, '--no-such-option'], /unknown option '--no-such-option'/);
  assertUsage(['frobnicate'], /unknown command 'frobnicate'/);
  assertUsage(
    ['who-can', 'get', 'widgets', CLUSTER],
    /cannot tell the API group of "widgets" — pass --group/,
  );
});

test('--threat-model: unknown names list the allowed values; a subset turns the others off', () => {
  assertUsage(
    ['scan', CLUSTER, '--threat-model', 'external,insider'],
    /unknown threat model "insider" — .*external, container, credentials/,
  );
  assertUsage(['scan', CLUSTER, '--threat-model', ','], /no threat model given/);
  const run = runCli(['scan', CLUSTER, '--format', 'json', '--threat-model', 'external']);
  assert.equal(run.code, 0, run.stderr);
  const report = json(run.stdout);
  assert.deepEqual(
    report.threatModels.map((t) => [t.name, t.enabled]),
    [
      ['external', true],
      ['container', false],
      ['credentials', false],
    ],
  );
  assert.equal(report.risk.byThreatModel.container, 0);
  assert.ok(report.paths.every((p) => p.threatModel === 'external'));
});

test('--help and --version exit 0 and document the exit codes and --fail-on levels', () => {
  const help = runCli(['scan', '--help']);
  assert.equal(help.code, 0);
  for (const level of ['path:any', 'path:cluster-admin', 'path:node-root', 'path:secrets', 'risk>N']) {
    assert.ok(help.stdout.includes(level), `--help lacks ${level}`);
  }
  assert.match(help.stdout, /3 +the scan is incomplete/);
  const version = runCli(['--version']);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+/);
});

test('-o writes the report to the file and nothing to stdout', async (t) => {
  const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-o-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'out', 'report.json');
  const run = runCli(['scan', CLUSTER, '--format', 'json', '-o', file]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, '');
  assert.equal(json(readFileSync(file, 'utf8')).schemaVersion, '1.0');
});

test('the terminal report leads with the one thing and is the default format', () => {
  const run = runCli(['scan', CLUSTER]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^chokepoint \S+ · test\/fixtures\/e2e\/cluster\/ \(2 files\) · 10 objects, /);
  assert.match(run.stdout, /THE ONE THING\n/);
  assert.match(run.stdout, /kubectl (patch|delete) /);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: no colour when stdout is not a terminal
  assert.doesNotMatch(run.stdout, /\u001b\[/);
});

test('techniques lists the catalogue; who-can answers from the input plus bootstrap RBAC', () => {
  const techniques = runCli(['techniques']);
  assert.equal(techniques.code, 0);
  assert.match(techniques.stdout, /^ID +LIKELIHOOD +THREAT MODELS +TITLE\n/);
  assert.match(techniques.stdout, /\nprivileged-container +\w+ +[a-z,]+ +\S/);
  const who = runCli(['who-can', 'list', 'secrets', '-n', 'batch', CLUSTER]);
  assert.equal(who.code, 0, who.stderr);
  assert.match(who.stdout, /^Who can list secrets in namespace batch:\n/);
  assert.match(
    who.stdout,
    /ServiceAccount\/batch\/reporter +via RoleBinding\/batch\/reporter-reads-secrets → Role\/batch\/secret-reader \(namespace batch\)/,
  );
  assert.match(
    who.stdout,
    /ServiceAccount\/shop\/web +via ClusterRoleBinding\/web-admin → ClusterRole\/cluster-admin \(all namespaces\)/,
  );
  assert.match(who.stdout, /Group\/system:masters +via ClusterRoleBinding\/cluster-admin/);
  const exec = runCli(['who-can', 'create', 'pods/exec', '-n', 'batch', CLUSTER]);
  assert.doesNotMatch(exec.stdout, /reporter/);
  assert.match(exec.stdout, /ServiceAccount\/shop\/web/);
});

test('--kube-version picks the bootstrap RBAC; a version not shipped is a gap that lists the shipped ones', () => {
  const missing = runCli(['scan', CLUSTER, '--format', 'json', '--kube-version', '1.20', '--strict']);
  assert.equal(missing.code, 3, missing.stderr);
  assert.match(
    missing.stderr,
    /^warning: data\/bootstrap-rbac: no bootstrap RBAC for Kubernetes 1\.20 — .*one of: 1\.\d+/m,
  );
  // Without cluster-admin's definition the binding grants nothing: no path to cluster-admin.
  assert.ok((JSON.parse(missing.stdout) as Report).paths.every((p) => p.jewel !== 'jewel:cluster-admin'));
  const shipped = runCli(['scan', CLUSTER, '--format', 'json', '--kube-version', '1.36', '--strict']);
  assert.equal(shipped.code, 0, shipped.stderr);
  assert.match((JSON.parse(shipped.stdout) as Report).assumptions.join('\n'), /Kubernetes 1\.36/);
});

test('--budget limits the plan to the hours given', () => {
  const full = json(runCli(['scan', CLUSTER, '--format', 'json']).stdout);
  const hours = full.plan[0]!.effortHours;
  const budgeted = json(runCli(['scan', CLUSTER, '--format', 'json', '--budget', `${hours}h`]).stdout);
  assert.ok(budgeted.plan.length >= 1 && budgeted.plan.length < full.plan.length);
  assert.ok(budgeted.plan.reduce((sum, item) => sum + item.effortHours, 0) <= hours);
});

test('--check-plan is accepted, and the end state re-run agreeing, the plan is the same', () => {
  const plain = runCli(['scan', 'examples/shop', '--format', 'json']);
  const checked = runCli(['scan', 'examples/shop', '--format', 'json', '--check-plan']);
  assert.equal(checked.code, 0, checked.stderr);
  assert.ok(json(plain.stdout).plan.length >= 3);
  assert.equal(checked.stdout, plain.stdout);
});

test('the same input gives the same bytes, in both formats', () => {
  for (const format of ['json', 'terminal']) {
    const first = runCli(['scan', CLUSTER, '--format', format]);
    const second = runCli(['scan', CLUSTER, '--format', format]);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(second.stdout, first.stdout);
  }
});
