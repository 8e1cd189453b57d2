/**
 * One copy of each repeated string and of each repeated subtree of a snapshot, scoped to one read.
 *
 * Strings: `JSON.parse` and the YAML parser give every value its own string, and a cluster repeats the same few
 * values everywhere (`IfNotPresent`, `TCP`, image names, label values, namespaces): R15k holds 1.77 million string
 * values of which 85,000 differ.
 *
 * Subtrees: the pods of one ReplicaSet repeat its template's containers, volumes, tolerations, labels and owner
 * references. Below its top-level objects, R15k's slim snapshot holds 1.16 million objects and arrays of which
 * 190,000 differ; sharing them takes its heap from 86 to 35 MiB. Sharing is safe because nothing writes to a
 * snapshot object: a patch copies the path it changes (`applyOps`).
 */

/** Strings longer than this are kept as they are: long values are rarely repeated (certificates, scripts). */
const MAX_INTERNED_LENGTH = 256;

type Json = Record<string, unknown>;
type Node = Json | unknown[];

// Hash seeds and multipliers (any odd constants spread the bits; equal subtrees get equal hashes by construction).
const ARRAY_SEED = 0x3c6ef372;
const OBJECT_SEED = 0x6a09e667;
const KEY_MIX = 0x85ebca6b;
const VALUE_MIX = 0x9e3779b1;
const NULL_HASH = 0x27d4eb2d;
const TRUE_HASH = 0x5bd1e995;
const FALSE_HASH = 0x1b873593;

/** The strings, subtrees and List item paths of one read, each kept once. */
export class Interner {
  private readonly stringIds = new Map<string, number>();
  private readonly texts: string[] = [];
  private readonly itemPaths: (readonly ['items', number])[] = [];
  /** The first subtree seen with each hash, and the later ones with the same hash that differ from it. */
  private readonly subtrees = new Map<number, Node>();
  private readonly collisions = new Map<number, Node[]>();
  /** The hash of the subtree `share` returned last (read by its caller, so no hash is stored on the object). */
  private lastHash = 0;
  private readonly keysSeen: string[] = [];

  /** The one copy of `text` (the first one seen). */
  string(text: string): string {
    if (text.length > MAX_INTERNED_LENGTH) return text;
    return this.texts[this.stringId(text)]!;
  }

  /** The one `['items', index]` path of List item `index` (locations are read-only, so they can share it). */
  itemPath(index: number): readonly ['items', number] {
    let path = this.itemPaths[index];
    if (path === undefined) {
      path = Object.freeze(['items', index] as ['items', number]);
      this.itemPaths[index] = path;
    }
    return path;
  }

  /**
   * Replaces, in place, every string below `object` by its one copy and every object or array below it by the one
   * copy of an equal subtree (same keys in the same order, same values). `object` itself stays as it is.
   */
  shareBelow(object: Json): void {
    for (const key in object) {
      const value = object[key];
      if (typeof value === 'string') object[key] = this.string(value);
      else if (typeof value === 'object' && value !== null) object[key] = this.share(value as Node);
    }
  }

  private stringId(text: string): number {
    let id = this.stringIds.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.stringIds.set(text, id);
    }
    return id;
  }

  /** Children first, then the node: its children are already the shared copies, so equal nodes compare shallowly. */
  private share(node: Node): Node {
    let hash: number;
    if (Array.isArray(node)) {
      hash = ARRAY_SEED ^ node.length;
      for (let i = 0; i < node.length; i++) {
        hash = Math.imul(hash ^ this.shareChild(node, i, node[i]), VALUE_MIX);
      }
    } else {
      hash = OBJECT_SEED;
      for (const key in node) {
        hash = Math.imul(hash ^ keyHash(key), KEY_MIX);
        hash = Math.imul(hash ^ this.shareChild(node, key, node[key]), VALUE_MIX);
      }
    }
    this.lastHash = hash;
    const first = this.subtrees.get(hash);
    if (first === undefined) {
      this.subtrees.set(hash, node);
      return node;
    }
    if (this.same(first, node)) return first;
    const others = this.collisions.get(hash);
    if (others === undefined) {
      this.collisions.set(hash, [node]);
      return node;
    }
    for (const other of others) if (this.same(other, node)) return other;
    others.push(node);
    return node;
  }

  /** Stores the shared copy of `parent[at]` in place and returns its hash. */
  private shareChild(parent: Node, at: number | string, value: unknown): number {
    if (typeof value === 'string') {
      if (value.length > MAX_INTERNED_LENGTH)
        return value.length ^ Math.imul(value.charCodeAt(value.length >> 1), 31);
      const id = this.stringId(value);
      (parent as Json)[at] = this.texts[id];
      return id;
    }
    if (typeof value === 'object' && value !== null) {
      (parent as Json)[at] = this.share(value as Node);
      return this.lastHash;
    }
    if (typeof value === 'number') return Number.isInteger(value) ? value | 0 : (value * 0x10000) | 0;
    return value === true ? TRUE_HASH : value === false ? FALSE_HASH : NULL_HASH;
  }

  /** Shallow equality of two nodes whose children are shared copies: same key order, identical values. */
  private same(a: Node, b: Node): boolean {
    if (Array.isArray(a) || Array.isArray(b)) {
      if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!identical(a[i], b[i])) return false;
      return true;
    }
    // Written by index and never truncated: emptying the array dropped its store, and growing it again on every
    // comparison was a gigabyte of garbage at R150k.
    const keys = this.keysSeen;
    let count = 0;
    for (const key in a) keys[count++] = key;
    let i = 0;
    for (const key in b) {
      if (i === count || keys[i] !== key || !identical(a[key], b[key])) return false;
      i++;
    }
    return i === count;
  }
}

function keyHash(key: string): number {
  return key.length === 0
    ? 0
    : Math.imul(key.length, 31) ^ (key.charCodeAt(0) << 8) ^ key.charCodeAt(key.length - 1);
}

/** `===`, except that 0 and -0 differ (so sharing never changes a value `JSON.parse` gave). */
function identical(a: unknown, b: unknown): boolean {
  return a === b && (a !== 0 || Object.is(a, b));
}
