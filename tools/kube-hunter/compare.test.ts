import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ProbeFinding } from '../../src/probe/types.js';
import { auditOf } from './audit.js';
import { compareSetup } from './compare.js';
import { kubeHunterEnv, reportOf } from './run-kube-hunter.js';
import { judge, RULES, type Verdict } from './verdicts.js';

// A line as kube-hunter 0.6.8 prints it with --report json (recorded from a run against the kubelet-403 setup).
const RECORDED =
  '{"nodes": [{"type": "Node/Master", "location": "127.0.0.26"}], "services": [{"service": "Kubelet API", "location": "127.0.0.26:10250"}], "vulnerabilities": [{"location": "127.0.0.26:10250", "vid": "KHV036", "category": "Initial Access // General Sensitive Information", "severity": "high", "vulnerability": "Anonymous Authentication", "description": "The kubelet is misconfigured", "evidence": "", "avd_reference": "https://avd.aquasec.com/kube-hunter/khv036/", "hunter": "Kubelet Secure Ports Hunter"}]}';

const verdictFor = (vid: string, status: number): Verdict => {
  const rule = RULES[vid];
  assert.ok(rule, vid);
  return { request: `GET ${rule.path}`, status, ...judge(vid, rule, status), coveredBy: rule.coveredBy };
};

const ourFinding = (id: ProbeFinding['id']): ProbeFinding =>
  ({
    id,
    title: id,
    evidence: [{ request: 'GET /pods', status: 200, meaning: '' }],
  }) as unknown as ProbeFinding;

test('the JSON report is found among the other lines kube-hunter prints', () => {
  const report = reportOf(`~ Started\n${RECORDED}\n`, '', 0);
  assert.equal(report.vulnerabilities[0]?.vid, 'KHV036');
  assert.throws(() => reportOf('no report here\n', 'Traceback', 1), /no JSON report \(exit 1\): Traceback/);
});

test('a kubelet answering 403 to anonymous is a false positive, 200 is true, version answers are information', () => {
  assert.equal(verdictFor('KHV036', 403).verdict, 'false positive');
  assert.equal(verdictFor('KHV036', 401).verdict, 'false positive');
  assert.equal(verdictFor('KHV036', 200).verdict, 'true');
  assert.equal(verdictFor('KHV002', 200).verdict, 'information');
  assert.equal(verdictFor('KHV040', 404).verdict, 'true');
  assert.equal(verdictFor('KHV040', 405).verdict, 'false positive');
});

test('a true finding chokepoint does not report is missed; a false positive it does not report agrees', () => {
  const [finding] = reportOf(RECORDED, '', 0).vulnerabilities;
  assert.ok(finding);
  const falsePositive = compareSetup('kubelet-403', [{ finding, verdict: verdictFor('KHV036', 403) }], []);
  assert.deepEqual(falsePositive.missed, []);
  assert.match(falsePositive.rows[0]?.chokepoint ?? '', /agrees/);
  const missed = compareSetup('kubelet-open', [{ finding, verdict: verdictFor('KHV036', 200) }], []);
  assert.deepEqual(missed.missed, ['kubelet-open: KHV036 Anonymous Authentication']);
  const found = compareSetup(
    'kubelet-open',
    [{ finding, verdict: verdictFor('KHV036', 200) }],
    [ourFinding('kubelet-anonymous-access'), ourFinding('tls-san-internal-names')],
  );
  assert.deepEqual(found.missed, []);
  assert.deepEqual(
    found.rows.map((r) => [r.verdict, r.chokepoint]),
    [
      ['true', 'kubelet-anonymous-access'],
      ['chokepoint only', 'tls-san-internal-names'],
    ],
  );
});

test('the audit summary counts each kube-hunter request once and lists its writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kh-audit-'));
  try {
    const event = (auditID: string, stage: string, verb: string, userAgent: string) =>
      JSON.stringify({ auditID, stage, verb, requestURI: `/${auditID}`, userAgent });
    const path = join(dir, 'audit.log');
    writeFileSync(
      path,
      [
        event('a', 'RequestReceived', 'get', 'python-requests/2.34.2'),
        event('a', 'ResponseComplete', 'get', 'python-requests/2.34.2'),
        event('b', 'ResponseStarted', 'list', 'python-requests/2.34.2'),
        event('c', 'ResponseComplete', 'create', 'python-requests/2.34.2'),
        event('d', 'ResponseComplete', 'create', 'kubectl/v1.37'),
      ].join('\n'),
    );
    assert.deepEqual(auditOf(path), { reads: 2, writes: ['create /c'] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('kube-hunter runs without the CA-bundle variables that override its verify=False', () => {
  const env = kubeHunterEnv({ PATH: '/bin', REQUESTS_CA_BUNDLE: 'x', CURL_CA_BUNDLE: 'y' });
  assert.deepEqual(env, { PATH: '/bin' });
});
