import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from './run-cli.js';

test('paths: k shortest routes, cheapest first, each step a sentence with its evidence location', () => {
  const run = runCli([
    'paths',
    'examples/shop',
    '--from',
    'Deployment/shop/web',
    '--to',
    'cluster-admin',
    '--limit',
    '3',
  ]);
  assert.equal(run.code, 0, run.stderr);
  const costs = [...run.stdout.matchAll(/\(cost (\d+)\)/g)].map((m) => Number(m[1]));
  assert.equal(costs.length, 3);
  assert.deepEqual(
    [...costs].sort((a, b) => a - b),
    costs,
    'cheapest first',
  );
  assert.match(
    run.stdout,
    /mounts the token of ServiceAccount\/ci\/deployer \(automount is on.*\) — examples\/shop\/ci\.yaml:\d+/,
  );
  assert.match(run.stdout, /ServiceAccount\/ci\/deployer is granted cluster-admin/);
});

test('paths: an unknown --from or --to is a usage error that says what to give', () => {
  const from = runCli(['paths', 'examples/shop', '--from', 'Deployment/nowhere/x', '--to', 'cluster-admin']);
  assert.equal(from.code, 2);
  assert.match(from.stderr, /--from Deployment\/nowhere\/x: no such node .* e\.g\. Deployment\/shop\/web/);
  const to = runCli(['paths', 'examples/shop', '--from', 'Deployment/shop/web', '--to', 'the-moon']);
  assert.equal(to.code, 2);
  assert.match(to.stderr, /--to the-moon: no such jewel .* use cluster-admin, node-root/);
});

test('paths: no route is said plainly, and exits 0', () => {
  const run = runCli([
    'paths',
    'examples/shop',
    '--from',
    'Deployment/payments/ledger',
    '--to',
    'cluster-admin',
  ]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(
    run.stdout,
    /^(No attack path from Deployment\/payments\/ledger to cluster-admin\.|\d+ attack path)/,
  );
});
