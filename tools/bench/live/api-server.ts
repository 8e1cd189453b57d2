/**
 * A read-only stand-in for a Kubernetes API server on loopback, serving a generated cluster folder
 * (`<namespace>/<plural>.json` and `_cluster/<plural>.json`, each a List) the way a live scan reads it: lists
 * paged by `limit` and `continue`, Secrets as Tables of names and types, the token-Secret metadata list, and
 * `/version`. Anything else (access reviews) is a 404. Nodes report kubelet 1.32 at 127.0.0.1, so the scan asks
 * no kubelet. Usage: `node api-server.js DIR`; prints the port on stdout, then serves until killed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { join } from 'node:path';

type Json = Record<string, unknown>;

const CLUSTER_FOLDER = '_cluster';
const TOKEN_TYPE = 'kubernetes.io/service-account-token';
const MAX_PAGE = 500;

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: api-server.js DIR');
const namespaces = readdirSync(dir)
  .filter((name) => name !== CLUSTER_FOLDER)
  .sort();

/** The List files that hold a collection: one namespace's, or every namespace's and the cluster folder's. */
function filesOf(plural: string, namespace: string | undefined): string[] {
  const folders = namespace === undefined ? [CLUSTER_FOLDER, ...namespaces] : [namespace];
  return folders.map((folder) => join(dir!, folder, `${plural}.json`)).filter((file) => existsSync(file));
}

/** The last file parsed, per file list: a page of 500 pods spans many files, and the next page starts there. */
const parsed = new Map<string, Json[]>();
function itemsOf(file: string): Json[] {
  let items = parsed.get(file);
  if (items === undefined) {
    parsed.clear();
    const list = JSON.parse(readFileSync(file, 'utf8')) as { items?: Json[] };
    items = list.items ?? [];
    parsed.set(file, items);
  }
  return items;
}

/** Up to `limit` items from the `continue` cursor (`file:item`), and the cursor after them. */
function page(
  files: readonly string[],
  cursor: string | null,
  limit: number,
  keep: (item: Json) => Json | undefined,
): { items: Json[]; next?: string } {
  let [file, item] = (cursor ?? '0:0').split(':').map(Number) as [number, number];
  const items: Json[] = [];
  while (file < files.length && items.length < limit) {
    const all = itemsOf(files[file]!);
    for (; item < all.length && items.length < limit; item++) {
      const kept = keep(all[item]!);
      if (kept !== undefined) items.push(kept);
    }
    if (item >= all.length) [file, item] = [file + 1, 0];
  }
  return file < files.length ? { items, next: `${file}:${item}` } : { items };
}

/** A list item as the API sends it: no kind or apiVersion, and nodes pointing their kubelet at loopback. */
function asServed(item: Json): Json {
  const { kind, apiVersion: _apiVersion, ...rest } = item;
  if (kind !== 'Node') return rest;
  const status = (rest.status ?? {}) as Json;
  return {
    ...rest,
    status: {
      ...status,
      addresses: [{ type: 'InternalIP', address: '127.0.0.1' }],
      nodeInfo: { ...((status.nodeInfo ?? {}) as Json), kubeletVersion: 'v1.32.0' },
    },
  };
}

function secretRow(item: Json): Json {
  const metadata = (item.metadata ?? {}) as Json;
  return { cells: [metadata.name, item.type ?? 'Opaque', 0, ''] };
}

function tokenMetadata(item: Json): Json | undefined {
  if (item.type !== TOKEN_TYPE) return undefined;
  const metadata = (item.metadata ?? {}) as Json;
  return {
    metadata: { name: metadata.name, namespace: metadata.namespace, annotations: metadata.annotations },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const LIST_PATH = /^\/(?:api\/v1|apis\/[^/]+\/v1)(?:\/namespaces\/([^/]+))?\/([a-z]+)$/;

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method !== 'GET') return send(res, 404, { kind: 'Status', status: 'Failure', code: 404 });
  if (url.pathname === '/version') return send(res, 200, { major: '1', minor: '32' });
  const match = LIST_PATH.exec(url.pathname);
  if (match === null) return send(res, 404, { kind: 'Status', status: 'Failure', code: 404 });
  const namespace = match[1] === undefined ? undefined : decodeURIComponent(match[1]);
  const plural = match[2]!;
  const files = filesOf(plural, namespace);
  const limit = Math.min(Number(url.searchParams.get('limit') ?? MAX_PAGE), MAX_PAGE);
  const cursor = url.searchParams.get('continue');
  const accept = req.headers.accept ?? '';
  if (accept.includes('as=Table')) {
    const { items, next } = page(files, cursor, limit, secretRow);
    const columnDefinitions = ['Name', 'Type', 'Data', 'Age'].map((name) => ({ name }));
    return send(res, 200, { kind: 'Table', columnDefinitions, rows: items, metadata: { continue: next } });
  }
  const keep = accept.includes('PartialObjectMetadataList') ? tokenMetadata : asServed;
  const { items, next } = page(files, cursor, limit, keep);
  send(res, 200, { kind: 'List', apiVersion: 'v1', metadata: { continue: next }, items });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  process.stdout.write(`${address.port}\n`);
});
