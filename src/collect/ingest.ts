/**
 * Turns parsed documents of one file into snapshot objects and gaps: List expansion, kind and namespace rules,
 * refs and locations. Items of a streamed List are held until the List's own kind is known, since kubectl writes
 * `kind: List` after the items.
 */
import { gapAt } from './gaps.js';
import { projectObject } from './prune.js';
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

type Json = Record<string, unknown>;
type Pending = SnapshotObject | Gap | { readonly raw: Json; readonly at: At };

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

  constructor(
    readonly file: string,
    private readonly maxHeldBytes: number,
  ) {}

  /** Records a gap at a line of this file (or the whole file). */
  gap(kind: Gap['kind'], line: number | undefined, what: string, todo: string): void {
    this.gaps.push(
      gapAt(kind, line === undefined ? { file: this.file } : { file: this.file, line }, what, todo),
    );
  }

  /** A whole parsed document; a List in it is expanded, `itemLines` giving its items' lines. */
  document(raw: unknown, at: At, itemLines: readonly number[] = []): void {
    if (isObject(raw) && isListKind(str(raw.kind)) && Array.isArray(raw.items)) {
      const hints = { kind: str(raw.kind), apiVersion: str(raw.apiVersion) };
      raw.items.forEach((item, index) => {
        this.add(this.accept(item, { ...at, line: itemLines[index] ?? at.line, item: index }, hints));
      });
    } else this.add(this.accept(raw, at, {}));
  }

  /** One item of a streamed List, held until `listEnd`; `bytes` is its text length. */
  listItem(raw: unknown, at: At, bytes: number, hints: ListHints): void {
    this.holdRaw(raw, bytes);
    if (isObject(raw) && str(raw.kind) === undefined && hints.kind === undefined)
      this.pending.push({ raw, at });
    else this.pending.push(this.accept(raw, at, hints));
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
    for (const entry of pending) this.add('raw' in entry ? this.accept(entry.raw, entry.at, hints) : entry);
  }

  private holdRaw(raw: unknown, bytes: number): void {
    if (this.rawItems === undefined) return;
    this.rawBytes += bytes;
    if (this.rawBytes > this.maxHeldBytes) this.rawItems = undefined;
    else this.rawItems.push(raw);
  }

  private add(entry: SnapshotObject | Gap): void {
    if ('ref' in entry) this.objects.push(entry);
    else this.gaps.push(entry);
  }

  private accept(value: unknown, at: At, list: ListHints): SnapshotObject | Gap {
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
    let object: SnapshotObject['object'];
    try {
      object = projectObject(raw);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      return gapAt('limit-exceeded', place, 'object is nested too deeply to read', 'simplify or remove it');
    }
    const metadata = isObject(raw.metadata) ? raw.metadata : {};
    const name = str(metadata.name) ?? this.unnamed(str(metadata.generateName), at);
    const namespace = namespaceFor(kind, str(metadata.namespace));
    const location: Location = {
      file: this.file,
      line: at.line,
      doc: at.doc,
      ...(at.item !== undefined ? { itemPath: ['items', at.item] } : {}),
      ...(at.template !== undefined ? { template: at.template } : {}),
    };
    return {
      ref: objectRef(kind, namespace, name),
      kind,
      apiVersion: str(raw.apiVersion) ?? '',
      ...(namespace !== undefined ? { namespace } : {}),
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
