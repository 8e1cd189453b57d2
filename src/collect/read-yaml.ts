/** Reads a YAML stream into a file's objects: documents one by one, and the items of big Lists one by one. */
import { gapAt, helmGap, helmLeftover } from './gaps.js';
import type { FileIngest, ListHints } from './ingest.js';
import { type Limits, limitGap } from './limits.js';
import { LineSplitter } from './line-splitter.js';
import { parseYamlUnit } from './yaml-parse.js';
import { YamlSegmenter, type YamlUnit } from './yaml-segmenter.js';

/** Something that takes the bytes of one input, chunk by chunk. */
export interface ChunkReader {
  push(chunk: Buffer): void;
  end(): void;
}

const SOURCE_COMMENT = /^#\s*Source:\s*(\S.*?)\s*$/;

/** The item's own text: its first line with the `-` blanked, so the item is a plain indented document. */
export function itemText(unit: YamlUnit): string {
  const lines = [...unit.lines];
  const first = lines[0] ?? '';
  const indent = unit.indent ?? 0;
  lines[0] = `${first.slice(0, indent)} ${first.slice(indent + 1)}`;
  return textOf(lines);
}

/** The text of whole lines for the parser; the final newline keeps a `\r` out of the last value. */
export function textOf(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}

/** The `# Source:` path Helm writes above each rendered document. */
function helmSource(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const trimmed = line.trim();
    const match = SOURCE_COMMENT.exec(trimmed);
    if (match !== null) return match[1];
    if (trimmed !== '' && trimmed !== '---' && !trimmed.startsWith('#')) return undefined;
  }
  return undefined;
}

/** A reader that feeds `ingest` from YAML bytes, within `limits` (size of a document or List item, lines). */
export function yamlReader(ingest: FileIngest, limits: Limits): ChunkReader {
  let head: YamlUnit | undefined;
  let hints: ListHints = {};
  const options = { limits };

  const tooLarge = (unit: YamlUnit) =>
    unit.longLine !== undefined
      ? limitGap('line-bytes', { file: ingest.file, line: unit.longLine.line }, unit.longLine.bytes, limits)
      : limitGap(
          'document-bytes',
          { file: ingest.file, line: unit.startLine },
          unit.end - unit.start,
          limits,
        );

  const parse = (unit: YamlUnit, text: string, fileLine: (line: number) => number) => {
    // YAML allows no NUL (the API server's decoder refuses control characters): binary data in this document.
    const nulLine = unit.lines.findIndex((line) => line.includes('\u0000'));
    if (nulLine !== -1) {
      const place = { file: ingest.file, line: unit.startLine + nulLine };
      return {
        gap: gapAt('not-kubernetes', place, 'binary data (a NUL byte), not YAML', 'remove it from the input'),
      };
    }
    const helmLine = helmLeftover(unit.lines, true);
    if (helmLine !== undefined)
      return { gap: helmGap({ file: ingest.file, line: unit.startLine + helmLine }) };
    const result = parseYamlUnit(text, fileLine, options);
    if (result.ok) return { result };
    const unparsedHelm = helmLeftover(unit.lines, false);
    if (unparsedHelm !== undefined)
      return { gap: helmGap({ file: ingest.file, line: unit.startLine + unparsedHelm }) };
    const kind = result.limit !== undefined ? 'limit-exceeded' : 'parse-error';
    return { gap: gapAt(kind, { file: ingest.file, line: result.line }, result.what, result.todo) };
  };

  const onUnit = (unit: YamlUnit): void => {
    if (unit.doc === undefined || !ingest.admit(unit.doc, unit.startLine)) return;
    const offset = (line: number): number => unit.startLine + line - 1;
    if (unit.kind === 'document') {
      if (unit.overflow) {
        ingest.gaps.push(tooLarge(unit));
        return;
      }
      const parsed = parse(unit, textOf(unit.lines), offset);
      if (parsed.gap !== undefined) ingest.gaps.push(parsed.gap);
      else {
        const template = helmSource(unit.lines);
        const at = {
          line: parsed.result.line,
          doc: unit.doc,
          ...(template !== undefined ? { template } : {}),
        };
        const { itemLines, duplicates } = parsed.result;
        ingest.document(parsed.result.value, at, {
          itemLines,
          ...(duplicates === undefined ? {} : { duplicates }),
        });
      }
    } else if (unit.kind === 'list-head') {
      head = unit;
      const parsed = parseYamlUnit(textOf(unit.lines), offset, options);
      const value = parsed.ok ? (parsed.value as Record<string, unknown> | null) : null;
      hints = { kind: stringOrUndefined(value?.kind), apiVersion: stringOrUndefined(value?.apiVersion) };
    } else if (unit.kind === 'list-item') {
      if (unit.overflow) {
        ingest.listItemGap(tooLarge(unit));
        return;
      }
      const parsed = parse(unit, itemText(unit), offset);
      if (parsed.gap !== undefined) ingest.listItemGap(parsed.gap);
      else {
        const { value, duplicates } = parsed.result;
        const at = { line: parsed.result.line, doc: unit.doc, item: unit.item ?? 0 };
        const bytes = unit.end - unit.start;
        ingest.listItem({
          raw: value,
          at,
          bytes,
          hints,
          ...(duplicates === undefined ? {} : { duplicates }),
        });
      }
    } else listTail(unit);
  };

  const listTail = (tail: YamlUnit): void => {
    const first = head!;
    const headCount = first.lines.length;
    const fileLine = (line: number): number =>
      line <= headCount ? first.startLine + line - 1 : tail.startLine + line - headCount - 1;
    const parsed = parseYamlUnit(textOf([...first.lines, ...tail.lines]), fileLine, options);
    const at = { line: parsed.ok ? parsed.line : first.startLine, doc: first.doc ?? 0 };
    if (!parsed.ok) {
      ingest.gaps.push(
        gapAt('parse-error', { file: ingest.file, line: parsed.line }, parsed.what, parsed.todo),
      );
      ingest.listEnd(undefined, at);
    } else ingest.listEnd(parsed.value, at);
    head = undefined;
  };

  const segmenter = new YamlSegmenter(onUnit, limits['document-bytes']);
  const lines = new LineSplitter((line) => segmenter.line(line), limits['line-bytes']);
  return {
    push: (chunk) => lines.push(chunk),
    end: () => {
      lines.end();
      segmenter.end();
    },
  };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
