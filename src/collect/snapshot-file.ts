/**
 * The snapshot file `chokepoint snapshot -o FILE` writes and `chokepoint scan FILE` reads back: versioned JSON,
 * already redacted (it holds exactly the slim objects analysis reads, so no Secret value), one object per line.
 * Read back, it keeps its source (the cluster), so a scan of it is the scan of the cluster, offline.
 */
import { open, readFile } from 'node:fs/promises';
import type { Snapshot } from './snapshot.js';

/** The `kind` that marks a snapshot file; it is the file's first key, so a short read detects it. */
export const SNAPSHOT_FILE_KIND = 'ChokepointSnapshot';
/** The format version; a reader refuses versions it does not know. */
export const SNAPSHOT_FILE_VERSION = 1;

const HEAD = /^\s*\{\s*"kind"\s*:\s*"ChokepointSnapshot"/;

/** The file's text: the snapshot with the format marker first, one object per line. */
export function snapshotFileText(snapshot: Snapshot): string {
  const { objects, ...rest } = snapshot;
  const head = JSON.stringify({ kind: SNAPSHOT_FILE_KIND, schemaVersion: SNAPSHOT_FILE_VERSION, ...rest });
  const lines = objects.map((object) => JSON.stringify(object));
  return `${head.slice(0, -1)},\n"objects":[\n${lines.join(',\n')}\n]}\n`;
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
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `${path}: not a readable snapshot file (${why}) — take it again with chokepoint snapshot`,
    };
  }
  if (parsed.schemaVersion !== SNAPSHOT_FILE_VERSION) {
    return {
      ok: false,
      message: `${path}: snapshot format ${String(parsed.schemaVersion)} is not ${SNAPSHOT_FILE_VERSION} — take it again with this version of chokepoint`,
    };
  }
  const source = parsed.source as Snapshot['source'] | undefined;
  if (!Array.isArray(parsed.objects) || typeof source !== 'object' || source === null) {
    return { ok: false, message: `${path}: snapshot file without objects or source — take it again` };
  }
  const { kind: _kind, schemaVersion: _version, ...snapshot } = parsed;
  return { ok: true, snapshot: snapshot as unknown as Snapshot };
}
