/**
 * The snapshot file `chokepoint snapshot -o FILE` writes and `chokepoint scan FILE` reads back: versioned JSON,
 * already redacted (it holds exactly the slim objects analysis reads, so no Secret value), one object per line.
 * Read back, it keeps its source (the cluster), so a scan of it is the scan of the cluster, offline. It is
 * written and read in pieces, an object at a time, as a cluster's own files are.
 */
import { open } from 'node:fs/promises';
import { Interner } from './interner.js';
import { DEFAULT_LIMITS } from './limits.js';
import { type ParsedObject, shareParsed } from './share-parsed.js';
import type { Snapshot, SnapshotObject } from './snapshot.js';
import { readSplitJsonFile } from './split-json-file.js';

/** The `kind` that marks a snapshot file; it is the file's first key, so a short read detects it. */
export const SNAPSHOT_FILE_KIND = 'ChokepointSnapshot';
/** The format version; a reader refuses versions it does not know. */
export const SNAPSHOT_FILE_VERSION = 1;

const HEAD = /^\s*\{\s*"kind"\s*:\s*"ChokepointSnapshot"/;

/** Characters gathered before a piece is handed out: the file of a 150,000-pod cluster is about 800 M characters. */
const PIECE_CHARS = 1 << 16;

/**
 * The file's text in pieces of about 64 Ki characters: the snapshot with the format marker first, then one object
 * per line. Never one string: past V8's limit of 512 Mi characters, joining them throws.
 */
export function* snapshotFilePieces(snapshot: Snapshot): Generator<string> {
  const { objects, ...rest } = snapshot;
  const head = JSON.stringify({ kind: SNAPSHOT_FILE_KIND, schemaVersion: SNAPSHOT_FILE_VERSION, ...rest });
  let pending = `${head.slice(0, -1)},\n"objects":[\n`;
  for (let i = 0; i < objects.length; i++) {
    pending += `${i === 0 ? '' : ',\n'}${JSON.stringify(objects[i])}`;
    if (pending.length < PIECE_CHARS) continue;
    yield pending;
    pending = '';
  }
  yield `${pending}\n]}\n`;
}

/** True when the file starts like a snapshot file (false for anything unreadable). */
export async function isSnapshotFile(path: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(128);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return HEAD.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/** Reads a snapshot file, or says what is wrong with it. */
export async function readSnapshotFile(
  path: string,
): Promise<
  { readonly ok: true; readonly snapshot: Snapshot } | { readonly ok: false; readonly message: string }
> {
  const again = 'take it again with chokepoint snapshot';
  const read = readObjectsOf(path);
  if ('why' in read)
    return { ok: false, message: `${path}: not a readable snapshot file (${read.why}) — ${again}` };
  const { header, objects } = read;
  if (header.schemaVersion !== SNAPSHOT_FILE_VERSION) {
    return {
      ok: false,
      message: `${path}: snapshot format ${String(header.schemaVersion)} is not ${SNAPSHOT_FILE_VERSION} — take it again with this version of chokepoint`,
    };
  }
  const source = header.source as Snapshot['source'] | undefined;
  if (objects === undefined || typeof source !== 'object' || source === null) {
    return { ok: false, message: `${path}: snapshot file without objects or source — take it again` };
  }
  const { kind: _kind, schemaVersion: _version, objects: _objects, ...snapshot } = header;
  return { ok: true, snapshot: { ...(snapshot as unknown as Omit<Snapshot, 'objects'>), objects } };
}

/**
 * The file's top-level fields and, read one at a time through the read's interner, its objects (undefined when
 * the file has no `objects` array); or why the file cannot be read. A read shares strings and subtrees as a read
 * of the cluster's files does: without that, the snapshot of a 150,000-pod cluster held 1,031 MiB of heap after
 * `gc()`, against 256 MiB.
 */
function readObjectsOf(
  path: string,
):
  | { readonly header: Record<string, unknown>; readonly objects?: SnapshotObject[] }
  | { readonly why: string } {
  const interner = new Interner();
  const objects: SnapshotObject[] = [];
  const read = readSplitJsonFile(path, {
    splitKey: 'objects',
    maxTextBytes: DEFAULT_LIMITS['document-bytes'],
    item(value, line) {
      if (!isSnapshotObject(value)) throw new RangeError(`line ${line}: not a snapshot object`);
      shareParsed(value, interner);
      if (value.location !== undefined) value.location.file = interner.string(value.location.file);
      objects.push(value as unknown as SnapshotObject);
    },
  });
  if ('why' in read) return read;
  return read.split ? { header: read.header, objects } : { header: read.header };
}

function isSnapshotObject(value: unknown): value is ParsedObject {
  if (typeof value !== 'object' || value === null) return false;
  const object = value as Partial<Record<keyof ParsedObject, unknown>>;
  const location = object.location as { file?: unknown } | undefined;
  return (
    typeof object.ref === 'string' &&
    typeof object.kind === 'string' &&
    typeof object.apiVersion === 'string' &&
    typeof object.name === 'string' &&
    (object.namespace === undefined || typeof object.namespace === 'string') &&
    typeof object.object === 'object' &&
    object.object !== null &&
    !Array.isArray(object.object) &&
    (location === undefined ||
      (typeof location === 'object' && location !== null && typeof location.file === 'string'))
  );
}
