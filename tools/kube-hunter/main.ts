/**
 * kube-hunter 0.6.8 (passive only: its active mode writes to clusters) and `chokepoint probe` side by side, on
 * the same loopback services, and an agreement table. kube-hunter scans fixed ports, so each configuration gets
 * its own loopback address (127.0.0.2x) with TCP forwarders from the standard ports to the real services.
 *
 *   python3 -m venv .cache/kube-hunter/venv && .cache/kube-hunter/venv/bin/pip install kube-hunter==0.6.8
 *   npx tsc -p tsconfig.json && node dist/tools/kube-hunter/main.js
 *
 * Exits 1 when chokepoint misses a true kube-hunter finding or kube-hunter wrote to the API server.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { defaultPorts } from '../../src/probe/ports.js';
import { probe } from '../../src/probe/probe.js';
import type { ProbeResults } from '../../src/probe/types.js';
import { type ControlPlane, repoRoot, startControlPlane } from '../../test/harness/control-plane.js';
import { startEtcd } from '../../test/probe/etcd-process.js';
import { startKubeletResponder, startReadOnlyResponder } from '../../test/probe/kubelet-responder.js';
import { makeCert } from '../../test/probe/test-pki.js';
import { type KhFinding, verdictOf } from './verdicts.js';

const KUBE_HUNTER = join(repoRoot(), '.cache', 'kube-hunter', 'venv', 'bin', 'kube-hunter');

/** One configuration: standard port → real loopback port, and how to stop it. */
interface Setup {
  readonly name: string;
  readonly forwards: Readonly<Record<number, number>>;
  readonly cp?: ControlPlane;
  readonly stop: () => Promise<unknown>;
}

function forward(address: string, from: number, to: number): Promise<Server> {
  const server = createServer((client) => {
    const upstream = connect(to, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(from, address, () => resolve(server));
  });
}

async function setups(): Promise<Setup[]> {
  const port = (cp: ControlPlane) => Number(new URL(cp.url).port);
  const cert = makeCert('DNS:localhost,IP:127.0.0.1');
  const hardenedCp = await startControlPlane({
    controllers: false,
    apiserverArgs: ['--anonymous-auth=false'],
  });
  const tlsEtcd = await startEtcd({ tls: true });
  const defaultCp = await startControlPlane({ controllers: false });
  const grantsCp = await startControlPlane({ controllers: false });
  await grantsCp.request('admin', 'POST', '/apis/rbac.authorization.k8s.io/v1/clusterroles', {
    metadata: { name: 'anon-pods' },
    rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['list'] }],
  });
  await grantsCp.request('admin', 'POST', '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {
    metadata: { name: 'anon-pods' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'anon-pods' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'system:anonymous' }],
  });
  const plainEtcd = await startEtcd({ tls: false });
  const kubeletOpen = await startKubeletResponder('open', cert);
  const kubeletForbidden = await startKubeletResponder('forbidden', cert);
  const readOnly = await startReadOnlyResponder();
  return [
    {
      name: 'hardened',
      forwards: { 6443: port(hardenedCp), 2379: tlsEtcd.clientPort },
      cp: hardenedCp,
      stop: () => Promise.all([hardenedCp.stop(), tlsEtcd.stop()]),
    },
    { name: 'default', forwards: { 6443: port(defaultCp) }, cp: defaultCp, stop: () => defaultCp.stop() },
    {
      name: 'anonymous-grants',
      forwards: { 6443: port(grantsCp) },
      cp: grantsCp,
      stop: () => grantsCp.stop(),
    },
    { name: 'etcd-plain-http', forwards: { 2379: plainEtcd.clientPort }, stop: () => plainEtcd.stop() },
    {
      name: 'kubelet-open (responder)',
      forwards: { 10250: kubeletOpen.port },
      stop: () => kubeletOpen.close(),
    },
    {
      name: 'kubelet-403 (responder)',
      forwards: { 10250: kubeletForbidden.port },
      stop: () => kubeletForbidden.close(),
    },
    { name: 'read-only-port (responder)', forwards: { 10255: readOnly.port }, stop: () => readOnly.close() },
  ];
}

/** Runs kube-hunter without blocking: the forwarders and responders live in this process. */
async function runKubeHunter(address: string): Promise<KhFinding[]> {
  // Passive only: no --active flag, ever.
  const r = await new Promise<{ status: number; stdout: string; stderr: string }>((resolve) =>
    execFile(
      KUBE_HUNTER,
      ['--remote', address, '--report', 'json', '--log', 'none'],
      { timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ status: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }),
    ),
  );
  const line = r.stdout.split('\n').find((l) => l.startsWith('{"nodes"'));
  if (line === undefined)
    throw new Error(`kube-hunter gave no JSON report (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
  return (JSON.parse(line) as { vulnerabilities: KhFinding[] }).vulnerabilities;
}

function auditWrites(cp: ControlPlane): { reads: number; writes: string[] } {
  const events = readFileSync(cp.auditLogPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(
      (l) =>
        JSON.parse(l) as {
          verb: string;
          requestURI: string;
          userAgent?: string;
          user?: { username?: string };
        },
    );
  const theirs = events.filter((e) => /python-requests|kube-hunter/i.test(e.userAgent ?? ''));
  const writes = theirs
    .filter((e) => !['get', 'list', 'watch'].includes(e.verb))
    .map((e) => `${e.verb} ${e.requestURI}`);
  return { reads: theirs.length - writes.length, writes };
}

async function main(): Promise<number> {
  if (!existsSync(KUBE_HUNTER)) {
    process.stderr.write(
      `kube-hunter is not installed at ${KUBE_HUNTER} — see the top of tools/kube-hunter/main.ts\n`,
    );
    return 2;
  }
  const all = await setups();
  const rows: string[][] = [
    ['configuration', 'kube-hunter', 'request', 'status', 'verdict', 'chokepoint', 'why'],
  ];
  let failed = false;
  try {
    for (const [i, setup] of all.entries()) {
      const address = `127.0.0.${21 + i}`;
      const servers = await Promise.all(
        Object.entries(setup.forwards).map(([from, to]) => forward(address, Number(from), to)),
      );
      process.stderr.write(`# ${setup.name}: kube-hunter --remote ${address} (passive)\n`);
      const kh = await runKubeHunter(address);
      const ours: ProbeResults = await probe({
        hosts: [address],
        ports: defaultPorts(),
        timeoutMs: 3000,
        concurrency: 8,
        rate: 100,
        targets: [address],
        version: 'compare',
      });
      const found = new Set(ours.findings.map((f) => f.id));
      const covered = new Set<string>();
      for (const finding of kh) {
        const v = await verdictOf(finding);
        const match = v.coveredBy.filter((id) => found.has(id));
        for (const id of match) covered.add(id);
        const missed = v.verdict === 'true' && match.length === 0;
        failed ||= missed;
        const ch =
          v.verdict === 'information'
            ? 'note (by design)'
            : match.length > 0
              ? match.join(', ')
              : missed
                ? 'MISSED'
                : '— (agrees: not a finding)';
        rows.push([
          setup.name,
          `${finding.vid} ${finding.vulnerability}`,
          v.request,
          String(v.status),
          v.verdict,
          ch,
          v.why,
        ]);
      }
      for (const f of ours.findings.filter((f) => !covered.has(f.id)))
        rows.push([
          setup.name,
          '—',
          f.evidence[0]?.request ?? '',
          String(f.evidence[0]?.status ?? ''),
          'chokepoint only',
          f.id,
          f.title,
        ]);
      if (kh.length === 0 && ours.findings.length === 0)
        rows.push([setup.name, '—', '', '', 'both: nothing', '—', '']);
      if (setup.cp !== undefined) {
        const audit = auditWrites(setup.cp);
        failed ||= audit.writes.length > 0;
        rows.push([
          setup.name,
          'audit log',
          `${audit.reads} kube-hunter read(s)`,
          '',
          audit.writes.length === 0 ? 'no writes' : `WRITES: ${audit.writes.join(' ')}`,
          '',
          '',
        ]);
      }
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    }
  } finally {
    await Promise.all(all.map((s) => s.stop()));
  }
  const widths =
    rows[0]?.map((_, c) => Math.min(60, Math.max(...rows.map((r) => (r[c] ?? '').length)))) ?? [];
  for (const row of rows)
    process.stdout.write(`${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')}\n`);
  process.stdout.write(
    failed
      ? '\nFAIL: a true kube-hunter finding was missed, or kube-hunter wrote.\n'
      : '\nchokepoint finds every true kube-hunter finding; kube-hunter made no writes.\n',
  );
  return failed ? 1 : 0;
}

process.exitCode = await main();
