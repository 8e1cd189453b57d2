/**
 * Turns parsed documents of one file into snapshot objects and gaps: List expansion, kind and namespace rules,
 * refs and locations. Items of a streamed List are held until the List's own kind is known, since kubectl writes
 * `kind: List` after the items.
 */
import type { DuplicateKey, Duplicates } from './duplicate-keys.js';
import { gapAt } from './gaps.js';
import type { Interner } from './interner.js';
import { depthOf, type Limits, limitGap } from './limits.js';
import { projectObject, X_CHOKEPOINT } from './prune.js';
import { namespaceFor } from './scope.js';
import { type Gap, type Location, objectRef, type SnapshotObject } from './snapshot.js';

/** Where a document or item starts. */
export interface At {
  readonly line: number;
  readonly doc: number;
  readonly item?: number;
  readonly template?: string;
}

/** The kind and apiVersion a `*List` gives items that lack their own (API list responses omit them). */
export interface ListHints {
  readonly kind?: string;
  readonly apiVersion?: string;
}

/** One parsed List item of a streamed List, with its text length and any duplicated keys. */
export interface HeldItem {
  readonly raw: unknown;
  readonly at: At;
  readonly bytes: number;
  readonly hints: ListHints;
  readonly duplicates?: Duplicates;
}

/** How a document was parsed: its items' lines, and its duplicated keys with every reading of them. */
export interface ParsedDocument {
  readonly itemLines?: readonly number[];
  readonly duplicates?: Duplicates;
}

/** Limits the ingest itself enforces: nesting depth and documents per file. */
export interface IngestOptions {
  /** Raw List items held in case the List turns out to be an object with an `items` field. */
  readonly maxHeldBytes: number;
  readonly limits: Limits;
  /** Keeps one copy of each repeated string, subtree and item path across the files of a read. */
  readonly interner?: Interner;
}

type Json = Record<string, unknown>;
type Pending =
  | SnapshotObject
  | Gap
  | { readonly raw: Json; readonly at: At; readonly duplicates: Duplicates | undefined };

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** True for `List` and every `*List` kind. */
export function isListKind(kind: string | undefined): boolean {
  return kind?.endsWith('List') === true;
}

function itemKind(list: ListHints): string | undefined {
  return list.kind !== undefined && list.kind !== 'List' && isListKind(list.kind)
    ? list.kind.slice(0, -4)
    : undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** Collects the objects and gaps of one file. */
export class FileIngest {
  readonly objects: SnapshotObject[] = [];
  readonly gaps: Gap[] = [];
  private pending: Pending[] = [];
  private rawItems: unknown[] | undefined = [];
  private rawBytes = 0;
  private lastDoc = -1;
  private skipped: { count: number; line: number } | undefined;
  constructor(
    readonly file: string,
    private readonly options: IngestOptions,
  ) {}

  /**
   * False when document `doc` (0-based, in file order) is past the documents limit: it is not parsed, and
   * `finish` records one gap for all of them, at the first one's line.
   */
  admit(doc: number | undefined, line: number): boolean {
    if (doc === undefined || doc < this.options.limits.documents) return true;
    if (doc !== this.lastDoc) {
      this.lastDoc = doc;
      if (this.skipped === undefined) this.skipped = { count: 0, line };
      this.skipped.count++;
    }
    return false;
  }

  /** Ends the file: the gap for documents past the limit, if any. */
  finish(): void {
    if (this.skipped === undefined) return;
    const total = this.options.limits.documents + this.skipped.count;
    const place = { file: this.file, line: this.skipped.line };
    this.gaps.push(limitGap('documents', place, total, this.options.limits));
    this.skipped = undefined;
  }

  /** Records a gap at a line of this file (or the whole file). */
  gap(kind: Gap['kind'], line: number | undefined, what: string, todo: string): void {
    this.gaps.push(
      gapAt(kind, line === undefined ? { file: this.file } : { file: this.file, line }, what, todo),
    );
  }

  /**
   * A whole parsed document; a List in it is expanded, `itemLines` giving its items' lines. With duplicated keys,
   * every reading of the document is read, and the distinct objects they give are all kept (same ref).
   */
  document(raw: unknown, at: At, parsed: ParsedDocument = {}): void {
    const readings = parsed.duplicates?.variants ?? [raw];
    const keys = parsed.duplicates?.keys ?? [];
    const seen = new Set<string>();
    for (const reading of readings) {
      if (isObject(reading) && isListKind(str(reading.kind)) && Array.isArray(reading.items)) {
        const hints = { kind: str(reading.kind), apiVersion: str(reading.apiVersion) };
        reading.items.forEach((item, index) => {
          const place = { ...at, line: parsed.itemLines?.[index] ?? at.line, item: index };
          this.addReading(this.accept(item, place, hints, itemKeys(keys, index)), seen, keys.length > 0);
        });
      } else this.addReading(this.accept(reading, at, {}, keys), seen, keys.length > 0);
    }
  }

  /** One item of a streamed List, held until `listEnd`. */
  listItem(item: HeldItem): void {
    const { raw, at, hints, duplicates } = item;
    this.holdRaw(raw, item.bytes);
    if (isObject(raw) && str(raw.kind) === undefined && hints.kind === undefined)
      this.pending.push({ raw, at, duplicates });
    else for (const entry of this.readings(raw, at, hints, duplicates)) this.pending.push(entry);
  }

  /** An item that could not be parsed: its gap keeps its place among the held items. */
  listItemGap(gap: Gap): void {
    this.rawItems = undefined;
    this.pending.push(gap);
  }

  /** Ends a streamed List; `envelope` is the object without its items, `undefined` when it was cut short. */
  listEnd(envelope: unknown, at: At): void {
    const kind = isObject(envelope) ? str(envelope.kind) : undefined;
    const pending = this.pending;
    const rawItems = this.rawItems;
    this.pending = [];
    this.rawItems = [];
    this.rawBytes = 0;
    if (kind !== undefined && !isListKind(kind)) {
      // Not a List after all: an object with a top-level `items` field, read whole.
      if (rawItems !== undefined) this.add(this.accept({ ...(envelope as Json), items: rawItems }, at, {}));
      else {
        const gaps = pending.filter((entry): entry is Gap => 'message' in entry);
        if (gaps.length > 0) this.gaps.push(...gaps);
        else
          this.gap(
            'limit-exceeded',
            at.line,
            `${kind} has an items field too large to read`,
            'split the object',
          );
      }
      return;
    }
    if (kind === undefined && envelope !== undefined) {
      this.gap(
        'not-kubernetes',
        at.line,
        'list has no kind (is the file truncated?)',
        'add kind: List, or export it again',
      );
    }
    const hints = isObject(envelope) ? { kind, apiVersion: str(envelope.apiVersion) } : {};
    for (const entry of pending) {
      if (!('raw' in entry)) this.add(entry);
      else for (const read of this.readings(entry.raw, entry.at, hints, entry.duplicates)) this.add(read);
    }
  }

  /** The distinct objects an item gives under every reading of its duplicated keys. */
  private readings(
    raw: unknown,
    at: At,
    hints: ListHints,
    duplicates: Duplicates | undefined,
  ): (SnapshotObject | Gap)[] {
    if (duplicates === undefined) return [this.accept(raw, at, hints)];
    const out: (SnapshotObject | Gap)[] = [];
    const seen = new Set<string>();
    for (const reading of duplicates.variants) {
      const entry = this.accept(reading, at, hints, duplicates.keys);
      if (!('ref' in entry) || isNew(entry, seen)) out.push(entry);
    }
    return out;
  }

  private addReading(entry: SnapshotObject | Gap, seen: Set<string>, variants: boolean): void {
    if (!variants || !('ref' in entry) || isNew(entry, seen)) this.add(entry);
  }

  private holdRaw(raw: unknown, bytes: number): void {
    if (this.rawItems === undefined) return;
    this.rawBytes += bytes;
    if (this.rawBytes > this.options.maxHeldBytes) this.rawItems = undefined;
    else this.rawItems.push(raw);
  }

  private add(entry: SnapshotObject | Gap): void {
    if ('ref' in entry) this.objects.push(entry);
    else this.gaps.push(entry);
  }

  private accept(
    value: unknown,
    at: At,
    list: ListHints,
    duplicateKeys: readonly DuplicateKey[] = [],
  ): SnapshotObject | Gap {
    const place = { file: this.file, line: at.line };
    if (!isObject(value)) {
      const todo = Array.isArray(value)
        ? 'wrap the objects in a List (kind: List, items: [...])'
        : 'remove it, or give it apiVersion, kind and metadata';
      return gapAt('not-kubernetes', place, `document is ${describe(value)}, not a Kubernetes object`, todo);
    }
    const inherited = str(value.kind) === undefined ? itemKind(list) : undefined;
    const apiVersion =
      list.apiVersion !== undefined && value.apiVersion === undefined ? { apiVersion: list.apiVersion } : {};
    const raw = inherited === undefined ? value : { ...apiVersion, kind: inherited, ...value };
    const kind = str(raw.kind);
    if (kind === undefined)
      return gapAt('not-kubernetes', place, 'document has no kind', 'add apiVersion and kind, or remove it');
    const depth = depthOf(raw);
    if (depth > this.options.limits.depth) return limitGap('depth', place, depth, this.options.limits);
    let object: SnapshotObject['object'];
    try {
      object = projectObject(raw);
      this.options.interner?.shareBelow(object);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      return limitGap('depth', place, depth, this.options.limits);
    }
    if (duplicateKeys.length > 0) {
      const side = isObject(object[X_CHOKEPOINT]) ? object[X_CHOKEPOINT] : {};
      object = { ...object, [X_CHOKEPOINT]: { ...side, duplicateKeys } };
    }
    const metadata = isObject(raw.metadata) ? raw.metadata : {};
    const intern = this.options.interner;
    const keep = (text: string): string => (intern === undefined ? text : intern.string(text));
    const name = keep(str(metadata.name) ?? this.unnamed(str(metadata.generateName), at));
    const namespace = namespaceFor(kind, str(metadata.namespace));
    const itemPath = at.item === undefined ? undefined : (intern?.itemPath(at.item) ?? ['items', at.item]);
    const location: Location = {
      file: this.file,
      line: at.line,
      doc: at.doc,
      ...(itemPath !== undefined ? { itemPath } : {}),
      ...(at.template !== undefined ? { template: at.template } : {}),
    };
    return {
      ref: objectRef(kind, namespace, name),
      kind: keep(kind),
      apiVersion: keep(str(raw.apiVersion) ?? ''),
      ...(namespace !== undefined ? { namespace: keep(namespace) } : {}),
      name,
      object,
      location,
    };
  }

  /** A stable name for objects without one (component configs, `generateName` objects): their place in the input. */
  private unnamed(generateName: string | undefined, at: At): string {
    const base = this.file.split(/[\\/]/).pop() ?? this.file;
    return `${generateName ?? ''}@${base}#${at.doc}${at.item !== undefined ? `.${at.item}` : ''}`;
  }
}

/** True the first time an object with this ref and content is seen: readings that agree give one object. */
function isNew(entry: SnapshotObject, seen: Set<string>): boolean {
  const key = `${entry.ref}\n${JSON.stringify(entry.object)}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** The duplicated keys inside item `index` of a List document, as paths inside the item. */
function itemKeys(keys: readonly DuplicateKey[], index: number): readonly DuplicateKey[] {
  const prefix = `/items/${index}/`;
  return keys
    .filter((key) => key.path.startsWith(prefix))
    .map((key) => ({ ...key, path: key.path.slice(prefix.length - 1) }));
}
