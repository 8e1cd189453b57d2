// The probe's pure parts: port lists, target expansion, which certificate names leak, the rate limiter's order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { probeOptions } from '../../src/cli/probe-command.js';
import { mapBounded } from '../../src/probe/limiter.js';
import { defaultPorts, expectedService, parsePorts } from '../../src/probe/ports.js';
import { CONFIRM_ABOVE, expandTargets } from '../../src/probe/targets.js';
import { leakingNames } from '../../src/probe/tls-names.js';

const FLAGS = {
  nodePorts: false,
  rate: '50',
  concurrency: '16',
  timeout: '3000',
  format: 'terminal',
  yes: false,
  failOn: 'none',
};

test('the default port table holds every port the issue lists', () => {
  assert.deepEqual(
    defaultPorts(),
    [443, 2379, 2380, 6443, 8001, 8080, 8443, 10249, 10250, 10255, 10256, 10257, 10259, 30000],
  );
  assert.equal(expectedService(8080), 'insecure-apiserver');
  assert.equal(expectedService(31000), 'node-port');
  assert.equal(expectedService(31000, { 31000: 'kubelet' }), 'kubelet');
});

test('--ports: lists, ranges and PORT=SERVICE; mistakes are named', () => {
  const parsed = parsePorts('6443,7443=apiserver');
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value, { ports: [6443, 7443], named: { 7443: 'apiserver' } });
  assert.deepEqual(parsePorts('10250-10252,443'), {
    ok: true,
    value: { ports: [443, 10250, 10251, 10252], named: {} },
  });
  for (const bad of ['0', '70000', 'http', '10255-10250', '7443=apiservr'])
    assert.equal(parsePorts(bad).ok, false, bad);
});

test('targets: hosts, addresses and CIDRs; only what is given', () => {
  assert.deepEqual(expandTargets(['127.0.0.1', 'localhost', '::1']), {
    ok: true,
    value: ['127.0.0.1', 'localhost', '::1'],
  });
  const cidr = expandTargets(['10.0.0.0/30']);
  assert.deepEqual(cidr, { ok: true, value: ['10.0.0.1', '10.0.0.2'] });
  assert.deepEqual(expandTargets(['10.0.0.7/32']), { ok: true, value: ['10.0.0.7'] });
  for (const bad of ['10.0.0.0/33', '10.0.0.0/8', 'no_such host', '::/64'])
    assert.equal(expandTargets([bad]).ok, false, bad);
});

test(`more than ${CONFIRM_ABOVE} addresses need --yes`, () => {
  const big = probeOptions(['10.0.0.0/23'], FLAGS);
  assert.equal(typeof big, 'string');
  assert.match(big as string, /--yes/);
  const confirmed = probeOptions(['10.0.0.0/23'], { ...FLAGS, yes: true });
  assert.equal(typeof confirmed === 'string' ? confirmed : confirmed.hosts.length, 510);
  const small = probeOptions(['10.0.0.0/24'], FLAGS);
  assert.equal(typeof small === 'string' ? small : small.hosts.length, 254);
  const nodePorts = probeOptions(['127.0.0.1'], { ...FLAGS, nodePorts: true });
  assert.equal(typeof nodePorts === 'string' ? nodePorts : nodePorts.ports.length, 14 + 2767);
});

test('certificate names: internal hosts and private addresses leak; the target, loopback and API names do not', () => {
  assert.deepEqual(
    leakingNames(
      [
        'kubernetes',
        'kubernetes.default.svc.cluster.local',
        'localhost',
        '127.0.0.1',
        '10.96.0.1',
        'ip-10-0-1-5',
        'api.example.com',
        '203.0.113.9',
        'etcd.kube-system.svc',
      ],
      'api.example.com',
    ),
    ['10.96.0.1', 'etcd.kube-system.svc', 'ip-10-0-1-5'],
  );
  assert.deepEqual(leakingNames(['10.0.0.5'], '10.0.0.5'), []);
});

test('bounded concurrency: never more in flight than asked, results in order', async () => {
  let inFlight = 0;
  let most = 0;
  const out = await mapBounded([5, 4, 3, 2, 1, 0], 2, async (n) => {
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise((r) => setTimeout(r, n));
    inFlight--;
    return n * 10;
  });
  assert.deepEqual(out, [50, 40, 30, 20, 10, 0]);
  assert.equal(most, 2);
});
