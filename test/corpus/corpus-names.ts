/**
 * The names a corpus would leak into the code if the code were shaped to it: object names and namespaces of
 * every expectation and manifest, and the corpus' file names. Kubernetes built-ins and common words are not
 * specific to any corpus, so they are left out.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { collectFiles } from '../../src/collect/collect-files.js';

/** Names shorter than this are too generic to point at one corpus. */
export const MIN_NAME_LENGTH = 5;

/** A plain word (`failure`, `options`, `frontend`) is everyday vocabulary, too common to point at a corpus. */
const PLAIN_WORD = /^[A-Za-z]+$/;

/** Built-ins and everyday words that any Kubernetes code names, corpus or not. */
export const ALLOWED_NAMES: ReadonlySet<string> = new Set([
  'admin',
  'cluster-admin',
  'default',
  'edit',
  'expected',
  'kube-public',
  'kube-system',
  // The upstream Kubernetes Dashboard's own namespace and name, which recognising an exposed dashboard needs.
  'kubernetes-dashboard',
  'kube-node-lease',
  'nginx',
  'system:anonymous',
  'system:authenticated',
  'system:masters',
  'system:nodes',
  'system:unauthenticated',
  'view',
  // chokepoint's own vocabulary (technique ids, hub names) and the Kubernetes docs' example names.
  'create-pods',
  'egress-only',
  'ingress-only',
  'read-secrets',
  'secret-reader',
  'LICENSE',
  'NOTICE',
  'README',
  'SOURCE',
]);

async function filesUnder(dir: string, out: string[] = []): Promise<string[]> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await filesUnder(path, out);
    else out.push(path);
  }
  return out;
}

/** Every name the corpus under `root` is specific in, sorted. */
export async function corpusNames(root: string): Promise<string[]> {
  const names = new Set<string>();
  const files = await filesUnder(root);
  for (const file of files) {
    names.add(basename(file, extname(file)));
    if (basename(file) !== 'expected.json') continue;
    const entries = JSON.parse(await readFile(file, 'utf8')) as { resource?: unknown }[];
    for (const entry of entries) {
      if (typeof entry.resource !== 'string') continue;
      const [, namespace, ...name] = entry.resource.split('/');
      names.add(namespace ?? '');
      names.add(name.join('/'));
    }
  }
  const snapshot = await collectFiles([root]);
  for (const object of snapshot.objects) {
    const parts = object.ref.split('/');
    names.add(parts.at(-1) ?? '');
    if (parts.length > 2) names.add(parts[1] ?? '');
  }
  return [...names]
    .filter(
      (name) =>
        name.length >= MIN_NAME_LENGTH &&
        !PLAIN_WORD.test(name) &&
        !ALLOWED_NAMES.has(name) &&
        !name.startsWith('system:'),
    )
    .sort();
}

/** True when `text` holds `name` as a whole name (not inside a longer name or word). */
export function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_.:-])${escaped}($|[^A-Za-z0-9_:-])`).test(text);
}
