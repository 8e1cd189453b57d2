import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { parseConfig } from '../config/parse-config.js';
import { DEFAULT_CONFIG } from '../prioritize/config.js';
import { type InitFlags, runInit } from './init-command.js';

/** Runs init in a temp folder with `typed` as the keyboard; returns what it printed and the parsed file. */
async function init(flags: InitFlags, typed: string) {
  const cwd = mkdtempSync(join(tmpdir(), 'chokepoint-init-'));
  try {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
    });
    input.end(typed);
    const outcome = await runInit(flags, { input, output, cwd });
    let config: ReturnType<typeof parseConfig> | undefined;
    try {
      config = parseConfig(readFileSync(join(cwd, 'chokepoint.yaml'), 'utf8'), {
        file: 'chokepoint.yaml',
        base: DEFAULT_CONFIG,
      });
    } catch {
      config = undefined;
    }
    return { outcome, printed, config, cwd };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

test('init asks each question in plain words and writes what the answers mean', async () => {
  const { outcome, printed, config } = await init(
    {},
    'no\nno\nno\nnone\nsecrets:payments,workload:Deployment/payments/ledger\n',
  );
  assert.equal(outcome.kind, 'done');
  assert.match(printed, /Is the Kubernetes API server reachable from the internet\?/);
  assert.match(printed, /other people's code, or many teams' apps/);
  assert.match(printed, /Which systems hold credentials to this cluster\?/);
  assert.match(printed, /What would hurt most if stolen or stopped\?/);
  assert.ok(config?.ok);
  assert.equal(config.config.threatModels.external.enabled, false, 'nothing is public');
  assert.equal(config.config.threatModels.container.weight, 30, 'single tenant');
  assert.equal(config.config.threatModels.credentials.weight, 10, 'no credential holders');
  assert.equal(config.config.jewelOverrides.secrets.payments, 1);
  assert.equal(config.config.jewelOverrides.workloads['Deployment/payments/ledger'], 1);
});

test('a wrong answer is asked again; an empty line or the end of input takes the default', async () => {
  const { printed, config } = await init({}, 'perhaps\nyes\n\n');
  assert.match(printed, /"perhaps" is not an answer — say yes or no/);
  assert.ok(config?.ok);
  assert.equal(
    config.config.threatModels.credentials.weight,
    100,
    'API server public, CI and laptops hold credentials',
  );
  assert.equal(config.config.threatModels.container.weight, 100);
});

test('flags answer without prompting; a bad flag is a usage error that lists the choices', async () => {
  const flags: InitFlags = {
    apiPublic: 'yes',
    appsPublic: 'no',
    multiTenant: 'yes',
    credentials: 'ci,operators',
    hurtMost: 'nodes',
  };
  const { printed, config } = await init(flags, '');
  assert.doesNotMatch(printed, /\?/);
  assert.ok(config?.ok);
  assert.equal(config.config.jewels.nodeRoot, 1);
  assert.equal(config.config.priors.credentials.legacyToken, 0.5);
  const bad = await init({ credentials: 'fax' }, '');
  assert.equal(bad.outcome.kind, 'failed');
  assert.match(
    bad.outcome.kind === 'failed' ? bad.outcome.failure.message : '',
    /^--credentials: "fax" — use a comma-separated list of: ci, laptops, operators, none$/,
  );
});

test('init never overwrites a file without --force', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'chokepoint-init-'));
  try {
    writeFileSync(join(cwd, 'chokepoint.yaml'), 'mine\n');
    const io = { input: new PassThrough(), output: new PassThrough(), cwd };
    const outcome = await runInit({ yes: true }, io);
    assert.equal(outcome.kind, 'failed');
    assert.equal(readFileSync(join(cwd, 'chokepoint.yaml'), 'utf8'), 'mine\n');
    assert.equal((await runInit({ yes: true, force: true }, io)).kind, 'done');
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});
