// Dumps the bootstrap RBAC of a real API server: every ClusterRole and ClusterRoleBinding, and the Roles and
// RoleBindings of kube-system and kube-public, as a Kubernetes List, with server-set metadata removed and items
// sorted, so the output depends only on the Kubernetes version. The controller manager runs meanwhile, so the
// aggregated roles (admin, edit, view) carry their rules.
//
//   npx tsc -p tsconfig.json && node dist/test/controlplane/dump-bootstrap-rbac.js [--out DIR] [VERSION...]
//
// Default: every version in test/controlplane/versions.txt, into data/bootstrap-rbac/v<major>.<minor>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type ControlPlane,
  minorOf,
  repoRoot,
  resolveVersion,
  startControlPlane,
  supportedVersions,
} from '../harness/control-plane.js';

export interface RbacObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface KubeList {
  apiVersion: 'v1';
  kind: 'List';
  items: RbacObject[];
}

const RBAC = '/apis/rbac.authorization.k8s.io/v1';
const NAMESPACES = ['kube-public', 'kube-system'];
const KIND_ORDER = ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'];
/** Metadata the server sets on its own; none of it belongs to the policy. */
const SERVER_SET = ['uid', 'resourceVersion', 'creationTimestamp', 'managedFields', 'generation', 'selfLink'];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function list(cp: ControlPlane, path: string, kind: string): Promise<RbacObject[]> {
  const r = await cp.request<{ items: RbacObject[] }>('admin', 'GET', path);
  if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${r.text}`);
  return r.json.items.map((item) => {
    const metadata: RbacObject['metadata'] = { ...item.metadata };
    for (const key of SERVER_SET) delete metadata[key];
    // Lists leave apiVersion and kind out of their items; put them back so each item stands alone.
    const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = item;
    return { apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata, ...rest };
  });
}

function compare(a: RbacObject, b: RbacObject): number {
  const byKind = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** One snapshot of the bootstrap RBAC of a running control plane. */
export async function collectBootstrapRbac(cp: ControlPlane): Promise<KubeList> {
  const items = [
    ...(await list(cp, `${RBAC}/clusterroles`, 'ClusterRole')),
    ...(await list(cp, `${RBAC}/clusterrolebindings`, 'ClusterRoleBinding')),
  ];
  for (const ns of NAMESPACES) {
    items.push(...(await list(cp, `${RBAC}/namespaces/${ns}/roles`, 'Role')));
    items.push(...(await list(cp, `${RBAC}/namespaces/${ns}/rolebindings`, 'RoleBinding')));
  }
  items.sort(compare);
  return { apiVersion: 'v1', kind: 'List', items };
}

/**
 * Waits until the aggregation controller has filled in every aggregated ClusterRole and the RBAC has stopped
 * changing, then returns it.
 */
export async function settledBootstrapRbac(cp: ControlPlane, timeoutMs = 120_000): Promise<KubeList> {
  const deadline = Date.now() + timeoutMs;
  let previous = '';
  for (;;) {
    const snapshot = await collectBootstrapRbac(cp);
    const text = serialize(snapshot);
    const unfilled = snapshot.items.filter(
      (o) =>
        o.kind === 'ClusterRole' &&
        o.aggregationRule !== undefined &&
        !(Array.isArray(o.rules) && o.rules.length > 0),
    );
    if (unfilled.length === 0 && text === previous) return snapshot;
    if (Date.now() > deadline) {
      const names = unfilled.map((o) => o.metadata.name).join(', ');
      throw new Error(
        `bootstrap RBAC did not settle in ${timeoutMs} ms${names ? ` (still empty: ${names})` : ''}`,
      );
    }
    previous = text;
    await sleep(1_500);
  }
}

export function serialize(list: KubeList): string {
  return `${JSON.stringify(list, null, 2)}\n`;
}

/** 'v1.36.json' for '1.36.3' */
export function dumpFileName(version: string): string {
  return `${minorOf(version)}.json`;
}

/** Starts a control plane of one version, dumps its bootstrap RBAC into outDir, and returns the file written. */
export async function dumpBootstrapRbac(version: string, outDir: string): Promise<string> {
  const v = resolveVersion(version);
  const cp = await startControlPlane({ version: v, controllers: true });
  try {
    const rbac = await settledBootstrapRbac(cp);
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, dumpFileName(v));
    writeFileSync(file, serialize(rbac));
    return file;
  } finally {
    await cp.stop();
  }
}

async function main(argv: string[]): Promise<void> {
  let outDir = join(repoRoot(), 'data', 'bootstrap-rbac');
  const versions: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out') outDir = argv[++i] ?? outDir;
    else if (arg.startsWith('--out=')) outDir = arg.slice('--out='.length);
    else versions.push(arg);
  }
  for (const version of versions.length > 0 ? versions : supportedVersions()) {
    const file = await dumpBootstrapRbac(version, outDir);
    console.log(`bootstrap RBAC of Kubernetes v${resolveVersion(version)} -> ${file}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
