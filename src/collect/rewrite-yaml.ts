/**
 * Rewrites patched documents and List items of a YAML file through the yaml Document API, so comments and
 * layout outside the patched fields survive; every other byte is copied. It segments the file exactly as the
 * reader did, so document and item indexes mean the same thing.
 */
import { type Document, parseDocument } from 'yaml';
import type { Edit } from './byte-edits.js';
import type { ChunkSource } from './collect-files.js';
import { LineSplitter } from './line-splitter.js';
import { itemText, textOf } from './read-yaml.js';
import {
  changedSince,
  type DocTargets,
  type FileTargets,
  lastItem,
  patchDocument,
  patched,
} from './rewrite-targets.js';
import { YAML_OPTIONS } from './yaml-parse.js';
import { YamlSegmenter, type YamlUnit } from './yaml-segmenter.js';
import { syncNode } from './yaml-sync.js';

const MAX_UNIT_BYTES = 256 * 1024 * 1024;
const KEY_WITH_BLOCK = /^( *)(?:- )?[^\s#-][^#]*:[ \t]*(?:#.*)?$/;

/** Indentation and sequence style of the original, so re-rendered documents look like their neighbours. */
export function layoutOf(text: string): { readonly indent: number; readonly indentSeq: boolean } {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  for (let i = 0; i < lines.length - 1 && (indent === undefined || indentSeq === undefined); i++) {
    const key = KEY_WITH_BLOCK.exec(lines[i]!);
    const next = lines.slice(i + 1).find((line) => line.trim() !== '' && !line.trim().startsWith('#'));
    if (key === null || next === undefined) continue;
    const own = key[0].startsWith(`${key[1]}- `) ? key[1]!.length + 2 : key[1]!.length;
    const nextIndent = next.length - next.trimStart().length;
    if (next.trimStart().startsWith('- ')) indentSeq ??= nextIndent > own;
    else if (nextIndent > own) indent ??= nextIndent - own;
  }
  return { indent: indent ?? 2, indentSeq: indentSeq ?? true };
}

function render(doc: Document, original: string): string {
  const flowCollectionPadding = /[{[] [^\s}\]]/.test(original);
  const text = doc.toString({ ...layoutOf(original), lineWidth: 0, flowCollectionPadding });
  return original.includes('\r\n') ? text.replace(/\n/g, '\r\n') : text;
}

function parse(text: string, file: string, line: number): Document {
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length > 0) throw changedSince(file, `the document at line ${line} no longer parses`);
  return doc;
}

/** The new text of a whole document, or `''` when it is deleted. */
function rewriteDocument(lines: readonly string[], target: DocTargets, file: string, line: number): string {
  const text = textOf(lines);
  const doc = parse(text, file, line);
  const before: unknown = doc.toJS({ maxAliasCount: 100 });
  const after = patchDocument(before, target, file);
  if (after === undefined) return '';
  syncNode(doc, [], before, after);
  return render(doc, text);
}

/** The new text of a List item, indented under its `-` again, or `''` when it is deleted. */
function rewriteItem(unit: YamlUnit, ops: DocTargets['ops'], file: string): string {
  const text = itemText(unit);
  const doc = parse(text, file, unit.startLine);
  const before: unknown = doc.toJS({ maxAliasCount: 100 });
  const after = patched(before, ops);
  if (after === undefined) return '';
  syncNode(doc, [], before, after);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const pad = ' '.repeat(unit.indent ?? 0);
  const lines = render(doc, text).split(eol);
  if (lines[lines.length - 1] === '') lines.pop();
  return (
    lines.map((line, i) => (i === 0 ? `${pad}- ${line}` : line === '' ? '' : `${pad}  ${line}`)).join(eol) +
    eol
  );
}

/** The head of a List whose items were all deleted: `items:` becomes `items: []`. */
function emptyItems(head: YamlUnit): string {
  const lines = [...head.lines];
  for (let i = lines.length - 1; i >= 0; i--) {
    const cr = lines[i]!.endsWith('\r') ? '\r' : '';
    if (/^items:[ \t]*(#.*)?\r?$/.test(lines[i]!)) {
      lines[i] = `items: []${cr}`;
      break;
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Byte edits that apply `targets` to a YAML file. */
export async function yamlEdits(file: string, source: ChunkSource, targets: FileTargets): Promise<Edit[]> {
  const edits: Edit[] = [];
  const seen = new Set<number>();
  let head: YamlUnit | undefined;
  let whole: string[] | undefined;
  let items = 0;
  let deleted = 0;

  const onUnit = (unit: YamlUnit): void => {
    const target = unit.doc === undefined ? undefined : targets.get(unit.doc);
    if (target === undefined) return;
    seen.add(unit.doc!);
    if (unit.overflow)
      throw changedSince(file, `the document at line ${unit.startLine} is too large to rewrite`);
    const wholeDocument = target.ops.length > 0;
    if (unit.kind === 'document') {
      edits.push({
        start: unit.start,
        end: unit.end,
        text: rewriteDocument(unit.lines, target, file, unit.startLine),
      });
    } else if (unit.kind === 'list-head') {
      head = unit;
      whole = wholeDocument ? [...unit.lines] : undefined;
      items = 0;
      deleted = 0;
    } else if (whole !== undefined) {
      for (const line of unit.lines) whole.push(line);
      if (unit.kind === 'list-tail') {
        const text = rewriteDocument(whole, target, file, head!.startLine);
        edits.push({ start: head!.start, end: unit.end, text });
      }
    } else if (unit.kind === 'list-item') {
      items++;
      const ops = target.items.get(unit.item ?? -1);
      if (ops === undefined) return;
      const text = rewriteItem(unit, ops, file);
      if (text === '') deleted++;
      edits.push({ start: unit.start, end: unit.end, text });
    } else {
      if (lastItem(target) >= items) throw changedSince(file, 'a List item is missing');
      if (deleted > 0 && deleted === items)
        edits.push({ start: head!.start, end: head!.end, text: emptyItems(head!) });
    }
  };

  const segmenter = new YamlSegmenter(onUnit, MAX_UNIT_BYTES);
  const lines = new LineSplitter((line) => segmenter.line(line), MAX_UNIT_BYTES);
  for await (const chunk of source.open()) lines.push(chunk);
  lines.end();
  segmenter.end();
  for (const doc of targets.keys())
    if (!seen.has(doc)) throw changedSince(file, `document ${doc} is missing`);
  return edits;
}
