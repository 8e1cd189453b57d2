/**
 * examples/ci/chokepoint.yml stays runnable: it is valid YAML, and every chokepoint command in it, run by the
 * real CLI on the bundled example (paths swapped, nothing else), ends as the workflow expects.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parse } from 'yaml';
import { runCli } from './run-cli.js';

const WORKFLOW = 'examples/ci/chokepoint.yml';
const work = mkdtempSync(join(tmpdir(), 'chokepoint-ci-'));
after(() => rmSync(work, { recursive: true, force: true }));

interface Workflow {
  readonly jobs: Record<string, { readonly steps: readonly { readonly run?: string }[] }>;
}

/** The chokepoint command lines of the workflow, split into arguments (its quoting is plain double quotes). */
function commands(): string[][] {
  const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as Workflow;
  return Object.values(workflow.jobs)
    .flatMap((job) => job.steps.flatMap((step) => (step.run ?? '').split('\n')))
    .map((line) => line.trim())
    .filter((line) => line.startsWith('chokepoint '))
    .map((line) =>
      line
        .split(/\s+/)
        .slice(1)
        .map((arg) => arg.replaceAll('"', '')),
    );
}

test('every chokepoint command of the CI example runs on the bundled example', () => {
  const found = commands();
  assert.deepEqual(
    found.map((args) => args[0]),
    ['scan', 'scan', 'diff'],
  );
  for (const args of found) {
    const swapped = args.map((arg) =>
      arg
        .replace('../base/$MANIFESTS', 'examples/shop')
        .replace('$MANIFESTS', 'examples/shop')
        .replace(/^chokepoint\./, `${work}/chokepoint.`)
        .replace(/^chokepoint-diff\.md$/, `${work}/chokepoint-diff.md`),
    );
    const run = runCli(swapped);
    assert.equal(run.code, 0, `chokepoint ${swapped.join(' ')}: ${run.stderr}`);
  }
  assert.match(readFileSync(`${work}/chokepoint.sarif`, 'utf8'), /"version": "2\.1\.0"/);
  assert.match(readFileSync(`${work}/chokepoint-diff.md`, 'utf8'), /^### chokepoint: No new attack path/);
});
