/**
 * Helpers of the live suites: load manifests into the real control plane as admin (kubectl server-side apply,
 * rejected objects listed), scan it live and offline through the same pipeline, and compare the reports.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInput, loadSnapshot } from '../../src/cli/load.js';
import { collectFiles } from '../../src/collect/collect-files.js';
import { collectLive, type LiveOptions } from '../../src/collect/live/collect-live.js';
import type { Snapshot } from '../../src/collect/snapshot.js';
import { analyze } from '../../src/prioritize/analyze.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';
import { buildReport } from '../../src/report/build-report.js';
import type { Report } from '../../src/report/contract.js';
import { type ControlPlane, SYSTEM_NAMESPACES } from '../harness/control-plane.js';

/** The analysis config of both sides: the defaults at a fixed moment, so reports compare byte for byte. */
function configFor(kubeVersion: string) {
  return {
    ...DEFAULT_CONFIG,
    now: '2026-01-01T00:00:00.000Z',
    model: { ...DEFAULT_CONFIG.model, kubeVersion },
  } as typeof DEFAULT_CONFIG;
}

/** The report of a snapshot, as `chokepoint scan --format json` builds it. */
export async function reportOf(snapshot: Snapshot, kubeVersion?: string): Promise<Report> {
  const loaded = await loadSnapshot(snapshot, kubeVersion);
  return buildReport(analyze(loaded.snapshot, configFor(loaded.kubeVersion), loaded.builtIn), {
    version: 'test',
  });
}

/** The report of files read offline, as the given Kubernetes version. */
export async function offlineReport(paths: readonly string[], kubeVersion: string): Promise<Report> {
  const loaded = await loadInput(paths, kubeVersion);
  return buildReport(analyze(loaded.snapshot, configFor(loaded.kubeVersion), loaded.builtIn), {
    version: 'test',
  });
}

/** A live snapshot as a static user of the control plane; throws when the cluster cannot be read at all. */
export async function liveSnapshot(
  cp: ControlPlane,
  user: string,
  options: LiveOptions = {},
): Promise<Snapshot> {
  const result = await collectLive({ kubeconfig: cp.kubeconfigFor(user) }, options);
  if (!result.ok) throw new Error(result.message);
  return result.snapshot;
}

/**
 * The parts of a report that must agree between live and offline: everything but `source`, `stats`, `gaps` and
 * the scanner's own edges and fact (they describe how it was read), with `location` and the `— file:line`
 * ending sentences removed (provenance that live objects cannot have: theirs is the ref and resourceVersion).
 */
export function comparable(report: Report): unknown {
  const { source: _s, stats: _t, gaps: _g, ...rest } = report;
  // Only a live scan knows who it ran as: its scanner-access edges and scanner-identity fact describe the scan,
  // not the objects (they are off every path, so risk, paths and plan are compared unchanged).
  const objectsOnly = {
    ...rest,
    findings: rest.findings.filter((f) => f.technique !== 'scanner-access'),
    facts: rest.facts.filter((f) => f.fact !== 'scanner-identity'),
  };
  return JSON.parse(
    JSON.stringify(objectsOnly, (key, value) => {
      // Patches and their kubectl commands are computed against each side's own object, and the server adds
      // defaults (the kubernetes.io/metadata.name label, nodePorts): same remediation and target, other ops.
      if (key === 'location' || key === 'patch' || key === 'kubectl') return undefined;
      // Sentences end with the evidence's file:line offline; live objects have none.
      return typeof value === 'string' ? value.replace(/ — [^ ]+:\d+$/, '') : value;
    }),
  );
}

/** What loading a unit did: the objects the server accepted (as an offline input) and the documents it refused. */
export interface Applied {
  /** Files to scan offline: the unit's files plus the namespaces created for it. */
  readonly paths: readonly string[];
  readonly rejected: readonly string[];
}

/**
 * Applies manifests as admin with kubectl server-side apply, after creating the namespaces they use (and writing
 * those Namespace objects to a file, so the offline side reads the same objects). Refused objects are listed.
 */
export async function applyUnit(cp: ControlPlane, files: readonly string[]): Promise<Applied> {
  const collected = await collectFiles(files);
  const declared = new Set(collected.objects.filter((o) => o.kind === 'Namespace').map((o) => o.name));
  const used = new Set(
    collected.objects.map((o) => o.namespace).filter((ns): ns is string => ns !== undefined),
  );
  const created = [...used].filter((ns) => !declared.has(ns) && !SYSTEM_NAMESPACES.includes(ns)).sort();
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-live-'));
  const namespace = (ns: string) => `---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n`;
  const nsFile = join(dir, 'namespaces.yaml');
  writeFileSync(nsFile, created.map(namespace).join(''));
  if (created.length > 0) kubectl(cp, ['apply', '--server-side', '-f', nsFile]);
  // The namespaces every cluster has are objects the live side reads: the offline side reads them too.
  const systemFile = join(dir, 'system-namespaces.yaml');
  writeFileSync(systemFile, SYSTEM_NAMESPACES.map(namespace).join(''));
  const extra = created.length > 0 ? [nsFile, systemFile] : [systemFile];
  const rejected: string[] = [];
  // Namespaces first, so objects in a namespace the same unit declares find it.
  const ordered = [...files].sort((a, b) => Number(!/namespace/i.test(a)) - Number(!/namespace/i.test(b)));
  const refusedFiles = new Set<string>();
  for (const file of ordered) {
    const r = kubectl(cp, ['apply', '--server-side', '--force-conflicts', '--validate=false', '-f', file]);
    const errors = r.stderr
      .split('\n')
      .filter((line) => line.startsWith('error:') || line.startsWith('Error'));
    // A refused document is left out of the offline side too: its file is dropped (these units hold one
    // object per file, or files the server refuses whole, such as removed API versions).
    if (errors.length > 0 || r.status !== 0) refusedFiles.add(file);
    for (const line of errors) rejected.push(`${file}: ${line.trim()}`);
  }
  return { paths: [...files.filter((f) => !refusedFiles.has(f)), ...extra], rejected };
}

/** Runs kubectl as admin against the control plane. */
export function kubectl(
  cp: ControlPlane,
  args: readonly string[],
  user = 'admin',
  input = '',
): { status: number; stdout: string; stderr: string } {
  const r = spawnSync('kubectl', ['--kubeconfig', cp.kubeconfigFor(user), ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Deletes a unit's objects (those in system namespaces outlive a namespace reset), then resets the cluster. */
export async function unloadUnit(cp: ControlPlane, files: readonly string[]): Promise<void> {
  for (const file of files) {
    kubectl(cp, ['delete', '-f', file, '--ignore-not-found', '--grace-period=0', '--force', '--wait=false']);
  }
  await resetCluster(cp);
}

/** Deletes every non-system namespace and every ClusterRole and binding that is not bootstrap RBAC. */
export async function resetCluster(cp: ControlPlane): Promise<void> {
  await cp.resetNamespaces();
  await cp.resetClusterRbac();
}
