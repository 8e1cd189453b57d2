/**
 * Microsoft's SARIF Multitool validates the example's SARIF (schema plus its own rules, as GitHub's ingestion
 * follows them): zero errors and zero warnings. Skips, saying why, when the Multitool binary is not installed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadInput } from '../cli/load.js';
import { analyze } from '../prioritize/analyze.js';
import { DEFAULT_CONFIG } from '../prioritize/config.js';
import { buildReport } from './build-report.js';
import { renderSarif } from './sarif.js';

const MULTITOOL = 'node_modules/.bin/sarif-multitool';

interface Finding {
  readonly level?: string;
  readonly ruleId: string;
  readonly message: { readonly text?: string; readonly arguments?: readonly string[] };
}

/** Runs `sarif-multitool validate` on the SARIF text and returns what it reported. */
function validate(sarif: string): Finding[] {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-sarif-'));
  try {
    const input = join(dir, 'report.sarif');
    const output = join(dir, 'validation.sarif');
    writeFileSync(input, sarif);
    const run = spawnSync(MULTITOOL, ['validate', input, '-o', output, '--log', 'ForceOverwrite'], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    });
    assert.ok(existsSync(output), `the Multitool wrote no output: ${run.stdout}${run.stderr}`);
    const log = JSON.parse(readFileSync(output, 'utf8')) as { runs: { results?: Finding[] }[] };
    return log.runs.flatMap((r) => r.results ?? []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const skip = existsSync(MULTITOOL) ? false : `${MULTITOOL} is not installed (npm ci installs it)`;

test('the SARIF Multitool finds no error and no warning in the example SARIF', { skip }, async () => {
  const loaded = await loadInput(['examples/shop'], undefined);
  const report = buildReport(analyze(loaded.snapshot, DEFAULT_CONFIG, loaded.builtIn), { version: '0.1.0' });
  const findings = validate(renderSarif(report));
  const serious = findings.filter(
    (f) => f.level === undefined || f.level === 'error' || f.level === 'warning',
  );
  assert.deepEqual(
    serious.map((f) => `${f.ruleId}: ${f.message.text ?? f.message.arguments?.join(' ')}`),
    [],
  );
});

test('the Multitool is not a rubber stamp: it reports a broken log', { skip }, () => {
  const broken = JSON.stringify({
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'x' } }, results: [{}] }],
  });
  assert.ok(validate(broken).length > 0);
});
