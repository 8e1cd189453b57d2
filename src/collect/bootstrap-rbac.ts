/**
 * The bootstrap RBAC of a Kubernetes minor version (cluster-admin, admin, edit, view, the `system:*` roles and
 * bindings), shipped as data dumped from a real API server. Offline scans need it, or a binding to `edit`
 * resolves to nothing.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Gap, type KubeObject, objectRef, type SnapshotObject } from './snapshot.js';

/** The shipped data folder: `data/bootstrap-rbac` at the package root (three levels above `dist/src/collect`). */
export const BOOTSTRAP_RBAC_DIR = fileURLToPath(new URL('../../../data/bootstrap-rbac/', import.meta.url));

/** Where gaps about the data point: the folder as the package names it, not an absolute path. */
const WHERE = 'data/bootstrap-rbac';

const RBAC_KINDS = new Set(['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']);

/** The bootstrap objects of one version, or a gap saying why there are none. */
export interface BootstrapRbac {
  readonly objects: SnapshotObject[];
  readonly gap?: Gap;
}

/** `1.36`, `v1.36` or `1.36.3` → `1.36`; anything else → undefined. */
export function minorVersion(version: string): string | undefined {
  const match = /^v?(\d+)\.(\d+)(\.\d+)?$/.exec(version.trim());
  return match ? `${Number(match[1])}.${Number(match[2])}` : undefined;
}

function compareMinor(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}

/** The versions with data present, oldest first (`['1.36', '1.37']`). */
export async function supportedKubeVersions(dir: string = BOOTSTRAP_RBAC_DIR): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => /^v(\d+\.\d+)\.json$/.exec(name)?.[1])
    .filter((v): v is string => v !== undefined)
    .sort(compareMinor);
}

/** The default `--kube-version`: the newest version with data present, or undefined when none is shipped. */
export async function defaultKubeVersion(dir: string = BOOTSTRAP_RBAC_DIR): Promise<string | undefined> {
  return (await supportedKubeVersions(dir)).at(-1);
}

function toSnapshotObject(item: unknown): SnapshotObject | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const object = item as KubeObject;
  const kind = object.kind;
  const name = object.metadata?.name;
  if (kind === undefined || !RBAC_KINDS.has(kind) || typeof name !== 'string') return undefined;
  const namespace = kind === 'Role' || kind === 'RoleBinding' ? object.metadata?.namespace : undefined;
  return {
    ref: objectRef(kind, namespace, name),
    kind,
    apiVersion: object.apiVersion ?? 'rbac.authorization.k8s.io/v1',
    ...(namespace !== undefined ? { namespace } : {}),
    name,
    object,
  };
}

/** Loads the bootstrap RBAC of `kubeVersion` (`1.36`, `v1.36` or `1.36.3`), sorted by ref. */
export async function loadBootstrapRbac(
  kubeVersion: string,
  options: { readonly dir?: string } = {},
): Promise<BootstrapRbac> {
  const dir = options.dir ?? BOOTSTRAP_RBAC_DIR;
  const minor = minorVersion(kubeVersion);
  const file = `v${minor ?? kubeVersion}.json`;
  let text: string | undefined;
  if (minor !== undefined) text = await readFile(`${dir}/${file}`, 'utf8').catch(() => undefined);
  if (text === undefined) {
    const supported = await supportedKubeVersions(dir);
    const choices = supported.length > 0 ? supported.join(', ') : '(none shipped with this build)';
    return {
      objects: [],
      gap: {
        kind: 'unreadable',
        where: WHERE,
        message: `no bootstrap RBAC for Kubernetes ${kubeVersion} — bindings to built-in roles such as edit resolve to nothing; use --kube-version with one of: ${choices}`,
      },
    };
  }
  let items: unknown;
  try {
    items = (JSON.parse(text) as { items?: unknown }).items;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      objects: [],
      gap: {
        kind: 'parse-error',
        where: `${WHERE}/${file}`,
        message: `${WHERE}/${file} is not valid JSON (${reason}) — reinstall chokepoint`,
      },
    };
  }
  const objects = (Array.isArray(items) ? items : [])
    .map(toSnapshotObject)
    .filter((o): o is SnapshotObject => o !== undefined)
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  return { objects };
}
