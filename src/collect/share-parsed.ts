/**
 * A snapshot object read back from JSON text (a parse worker's result, a snapshot file) made as a read on this
 * thread makes it: its strings and subtrees the read's shared copies, its List item path the shared one.
 */
import type { Interner } from './interner.js';

/** A snapshot object as `JSON.parse` gave it (so still writable). */
export interface ParsedObject {
  ref: string;
  kind: string;
  apiVersion: string;
  namespace?: string;
  name: string;
  object: Record<string, unknown>;
  location?: { file: string; template?: string; itemPath?: readonly unknown[] };
}

/** Shares, in place, everything of `parsed` but its location's file name, which the caller knows best. */
export function shareParsed(parsed: ParsedObject, interner: Interner): void {
  parsed.ref = interner.string(parsed.ref);
  parsed.kind = interner.string(parsed.kind);
  parsed.apiVersion = interner.string(parsed.apiVersion);
  if (parsed.namespace !== undefined) parsed.namespace = interner.string(parsed.namespace);
  parsed.name = interner.string(parsed.name);
  const location = parsed.location;
  if (location?.template !== undefined) location.template = interner.string(location.template);
  const item = location?.itemPath?.[1];
  if (location !== undefined && typeof item === 'number') location.itemPath = interner.itemPath(item);
  interner.shareBelow(parsed.object);
}
