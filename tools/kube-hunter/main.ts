/**
 * kube-hunter 0.6.8 (passive only: its active mode writes to clusters) and `chokepoint probe` side by side, on
 * the same loopback services, and an agreement table. kube-hunter scans fixed ports, so each setup gets its own
 * loopback address (127.0.0.2x) with TCP forwarders from the standard ports to the real services.
 *
 *   python3 -m venv .cache/kube-hunter/venv && .cache/kube-hunter/venv/bin/pip install kube-hunter==0.6.8
 *   npm run compare:kube-hunter
 *
 * Exits 1 when chokepoint misses a true kube-hunter finding, kube-hunter wrote to an API server, or a step
 * ran out of time; 2 when kube-hunter is not installed. Raw reports go to .cache/kube-hunter/last-run.json.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPorts } from '../../src/probe/ports.js';
import { probe } from '../../src/probe/probe.js';
import { repoRoot } from '../../test/harness/control-plane.js';
import { auditOf } from './audit.js';
import { compareSetup, type Judged } from './compare.js';
import { within } from './deadline.js';
import { forward } from './forward.js';
import { type KhReport, KUBE_HUNTER, runKubeHunter } from './run-kube-hunter.js';
import { type Setup, startSetups } from './setups.js';
import { type Row, renderTable } from './table.js';
import { verdictOf } from './verdicts.js';

const KUBE_HUNTER_MS = 120_000;
const SETUP_MS = 240_000;
const log = (line: string) => process.stderr.write(`# ${line}\n`);

/** One setup: kube-hunter, then chokepoint, then a verdict per kube-hunter finding, then the audit log. */
async function runSetup(setup: Setup, address: string, recorded: Record<string, unknown>) {
  const forwarders = await forward(address, setup.forwards);
  try {
    log(`${setup.name}: kube-hunter --remote ${address} (passive)`);
    const kh: KhReport = await runKubeHunter(address, KUBE_HUNTER_MS);
    log(
      `${setup.name}: kube-hunter reported ${kh.vulnerabilities.length} finding(s); chokepoint probe ${address}`,
    );
    const ours = await probe({
      hosts: [address],
      ports: defaultPorts(),
      timeoutMs: 3000,
      concurrency: 8,
      rate: 100,
      targets: [address],
      version: 'compare',
    });
    const judged: Judged[] = [];
    for (const finding of kh.vulnerabilities) judged.push({ finding, verdict: await verdictOf(finding) });
    recorded[setup.name] = { kubeHunter: kh, judged, chokepoint: ours.findings.map((f) => f.id) };
    const compared = compareSetup(setup.name, judged, ours.findings);
    const audit = setup.cp === undefined ? undefined : auditOf(setup.cp.auditLogPath);
    const auditRow: Row[] =
      audit === undefined
        ? []
        : [
            {
              setup: setup.name,
              kubeHunter: 'audit log of the API server',
              request: `${audit.reads} kube-hunter read(s)`,
              status: '',
              verdict: audit.writes.length === 0 ? 'no writes' : `WRITES: ${audit.writes.join('; ')}`,
              chokepoint: '',
              why: 'passive mode must not write',
            },
          ];
    return {
      rows: [...compared.rows, ...auditRow],
      problems: [...compared.missed, ...(audit?.writes ?? [])],
    };
  } finally {
    await forwarders.close();
  }
}

async function main(): Promise<number> {
  if (!existsSync(KUBE_HUNTER)) {
    process.stderr.write(
      `kube-hunter is not installed at ${KUBE_HUNTER} — see the top of tools/kube-hunter/main.ts\n`,
    );
    return 2;
  }
  log('starting 3 API servers, 2 etcds and 3 kubelet responders');
  const setups = await within(SETUP_MS, 'starting the setups', startSetups());
  const rows: Row[] = [];
  const problems: string[] = [];
  const recorded: Record<string, unknown> = {};
  try {
    for (const [i, setup] of setups.entries()) {
      const result = await within(SETUP_MS, setup.name, runSetup(setup, `127.0.0.${21 + i}`, recorded));
      rows.push(...result.rows);
      problems.push(...result.problems);
    }
  } catch (error) {
    problems.push((error as Error).message);
  } finally {
    log('stopping every setup');
    await within(60_000, 'stopping the setups', Promise.all(setups.map((s) => s.stop()))).catch((e: Error) =>
      problems.push(e.message),
    );
  }
  writeFileSync(
    join(repoRoot(), '.cache', 'kube-hunter', 'last-run.json'),
    `${JSON.stringify(recorded, null, 2)}\n`,
  );
  process.stdout.write(`${renderTable(rows)}\n\n`);
  process.stdout.write(
    problems.length > 0
      ? `FAIL:\n${problems.map((p) => `  ${p}`).join('\n')}\n`
      : 'chokepoint finds every true kube-hunter finding; kube-hunter made no writes.\n',
  );
  return problems.length > 0 ? 1 : 0;
}

process.exitCode = await main();
// Child processes and sockets that ignore their close must not keep the script alive once it has answered.
process.exit();
