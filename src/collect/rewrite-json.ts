/**
 * Rewrites patched values of a JSON file: each patched top-level value or List item is parsed, patched and
 * re-serialised with the indentation it had; every other byte is copied. Works on dumps of any size.
 */
import { type Edit, readRanges } from './byte-edits.js';
import type { ChunkSource } from './collect-files.js';
import { JsonScanner } from './json-scanner.js';
import { changedSince, type FileTargets, patchDocument, patched } from './rewrite-targets.js';

type Range = readonly [number, number];

/** Serialises `value` the way `original` was laid out: compact, or indented with its unit and base indent. */
export function stringifyLike(value: unknown, original: string): string {
  const lines = original.split('\n');
  if (lines.length < 2) return JSON.stringify(value);
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const indentOf = (line: string): string => /^[ \t]*/.exec(line)![0];
  const base = indentOf(lines[lines.length - 1]!);
  const second = indentOf(lines[1]!);
  const unit = second.startsWith(base) && second.length > base.length ? second.slice(base.length) : '  ';
  return JSON.stringify(value, null, unit).split('\n').join(`${eol}${base}`);
}

/** Byte edits that apply `targets` to a JSON file. */
export async function jsonEdits(file: string, source: ChunkSource, targets: FileTargets): Promise<Edit[]> {
  const docs = new Map<number, Range>();
  const items = new Map<number, Range[]>();
  let failure: string | undefined;
  const scanner = new JsonScanner(
    {
      value: (v) => targets.has(v.doc) && docs.set(v.doc, [v.start, v.end]),
      envelope: (v) => targets.has(v.doc) && docs.set(v.doc, [v.start, v.end]),
      item: (v) => {
        if (!targets.has(v.doc)) return;
        const list = items.get(v.doc) ?? [];
        list.push([v.start, v.end]);
        items.set(v.doc, list);
      },
      error: (e) => {
        failure ??= `line ${e.line}: ${e.what}`;
      },
    },
    { maxTextBytes: Number.MAX_SAFE_INTEGER, capture: false },
  );
  for await (const chunk of source.open()) scanner.push(chunk);
  scanner.end();
  if (failure !== undefined) throw changedSince(file, failure);

  const needed = new Map<number, Range>();
  for (const [doc, target] of targets) {
    const range = docs.get(doc);
    if (range === undefined) throw changedSince(file, `value ${doc} is missing`);
    if (target.ops.length > 0) needed.set(range[0], range);
    else
      for (const index of target.items.keys()) {
        const itemRange = items.get(doc)?.[index];
        if (itemRange === undefined) throw changedSince(file, `item ${index} of value ${doc} is missing`);
        needed.set(itemRange[0], itemRange);
      }
  }
  const ranges = [...needed.values()].sort((a, b) => a[0] - b[0]);
  const texts = await readRanges(source.open(), ranges);
  const textAt = new Map(ranges.map((range, index) => [range[0], texts[index]!]));

  const edits: Edit[] = [];
  for (const [doc, target] of targets) {
    const range = docs.get(doc)!;
    if (target.ops.length > 0) {
      const text = textAt.get(range[0])!;
      edits.push(replace(range, patchDocument(JSON.parse(text), target, file), text));
      continue;
    }
    const itemRanges = items.get(doc) ?? [];
    const deleted = new Set<number>();
    for (const [index, ops] of target.items) {
      const itemRange = itemRanges[index]!;
      const text = textAt.get(itemRange[0])!;
      const value = patched(JSON.parse(text), ops);
      if (value === undefined) deleted.add(index);
      else edits.push(replace(itemRange, value, text));
    }
    for (const edit of deletions(itemRanges, deleted)) edits.push(edit);
  }
  return edits;
}

function replace(range: Range, value: unknown, original: string): Edit {
  return { start: range[0], end: range[1], text: value === undefined ? '' : stringifyLike(value, original) };
}

/** Removes deleted items with their separating commas: each run of deleted items goes with one neighbour comma. */
function deletions(ranges: readonly Range[], deleted: ReadonlySet<number>): Edit[] {
  const edits: Edit[] = [];
  for (let first = 0; first < ranges.length; first++) {
    if (!deleted.has(first)) continue;
    let last = first;
    while (deleted.has(last + 1)) last++;
    const after = ranges[last + 1];
    if (after !== undefined) edits.push({ start: ranges[first]![0], end: after[0], text: '' });
    else if (first > 0) edits.push({ start: ranges[first - 1]![1], end: ranges[last]![1], text: '' });
    else edits.push({ start: ranges[first]![0], end: ranges[last]![1], text: '' });
    first = last;
  }
  return edits;
}
