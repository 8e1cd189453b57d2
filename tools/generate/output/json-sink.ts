import { join } from 'node:path';
import type { KubeObject } from '../json-types.js';
import { BufferedFile } from './buffered-file.js';
import { formatJson } from './json-format.js';
import type { ObjectSink } from './sink.js';
import { pluralOf } from './sink.js';

/** Directory holding cluster-scoped kinds; underscores cannot occur in namespace names. */
export const CLUSTER_SCOPE_DIR = '_cluster';

const ITEM_PAD = '        ';
const LIST_HEAD = '{\n    "apiVersion": "v1",\n    "items": [\n';
const LIST_TAIL =
  '\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n';

interface OpenList {
  readonly file: BufferedFile;
  empty: boolean;
}

/**
 * Writes `kubectl get <kind> -n <ns> -o json` List documents, one file per kind and namespace:
 * `<out>/<namespace>/<plural>.json`, and `<out>/_cluster/<plural>.json` for cluster-scoped kinds.
 */
export class JsonSink implements ObjectSink {
  readonly #root: string;
  readonly #open = new Map<string, Map<string, OpenList>>();
  readonly #closed = new Set<string>();
  #bytes = 0;

  constructor(root: string) {
    this.#root = root;
  }

  write(object: KubeObject): void {
    const scope = object.metadata.namespace ?? CLUSTER_SCOPE_DIR;
    let lists = this.#open.get(scope);
    if (lists === undefined) {
      // Reopening would truncate a finished file; generation order must never need it.
      if (this.#closed.has(scope)) throw new Error(`${scope} was already written and closed`);
      lists = new Map();
      this.#open.set(scope, lists);
    }
    const plural = pluralOf(object.kind);
    let list = lists.get(plural);
    if (list === undefined) {
      list = { file: new BufferedFile(join(this.#root, scope, `${plural}.json`)), empty: true };
      list.file.write(LIST_HEAD);
      lists.set(plural, list);
    }
    list.file.write((list.empty ? ITEM_PAD : `,\n${ITEM_PAD}`) + formatJson(object, ITEM_PAD));
    list.empty = false;
  }

  endScope(namespace: string | undefined): void {
    const scope = namespace ?? CLUSTER_SCOPE_DIR;
    const lists = this.#open.get(scope);
    if (lists === undefined) return;
    for (const list of lists.values()) {
      list.file.write(LIST_TAIL);
      list.file.close();
      this.#bytes += list.file.bytes;
    }
    this.#open.delete(scope);
    this.#closed.add(scope);
  }

  finish(): number {
    for (const scope of [...this.#open.keys()])
      this.endScope(scope === CLUSTER_SCOPE_DIR ? undefined : scope);
    return this.#bytes;
  }
}
