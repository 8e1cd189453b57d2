/** Reads a JSON stream into a file's objects, one top-level value or List item at a time. */
import { gapAt } from './gaps.js';
import type { FileIngest } from './ingest.js';
import { JsonScanner, type ScannedValue } from './json-scanner.js';
import { type Limits, limitGap } from './limits.js';
import type { ChunkReader } from './read-yaml.js';

/** What a JSON comment is called in messages; JSON-looking input with one is JSON with comments, not YAML. */
export const JSON_COMMENT = 'invalid JSON: comments are not allowed in JSON';

type Parsed =
  | { readonly value: unknown }
  | { readonly line: number; readonly what: string; readonly todo: string };

/** Parses one value's text; on failure, the file line of the error and what `JSON.parse` said. */
export function parseJsonValue(text: string, startLine: number): Parsed {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const position = /at position (\d+)/.exec(error.message);
    const before = position === null ? '' : text.slice(0, Number(position[1]));
    let line = startLine;
    for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
    // JSON has no comments (JSONC does, and editors hide the difference); kubectl and the API server refuse them.
    const at = position === null ? '' : text.slice(Number(position[1]), Number(position[1]) + 2);
    if (at === '//' || at === '/*') return { line, what: JSON_COMMENT, todo: 'remove the comments' };
    const what = error.message
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/ \(line \d+ column \d+\)$/, '')
      .replace(/^[A-Z]/, (letter) => letter.toLowerCase());
    return { line, what: `invalid JSON: ${what}`, todo: 'fix the JSON syntax' };
  }
}

/** A reader that feeds `ingest` from JSON bytes; `document-bytes` bounds one top-level value or List item. */
export function jsonReader(ingest: FileIngest, limits: Limits): ChunkReader {
  const maxBytes = limits['document-bytes'];
  const place = (line: number) => ({ file: ingest.file, line });
  const tooLarge = (value: ScannedValue) =>
    limitGap('document-bytes', place(value.startLine), value.end - value.start, limits);
  const parse = (value: ScannedValue): Parsed | { readonly tooLarge: true } => {
    if (value.overflow || value.text === undefined) return { tooLarge: true };
    return parseJsonValue(value.text, value.startLine);
  };

  const scanner = new JsonScanner(
    {
      value(value) {
        if (!ingest.admit(value.doc, value.startLine)) return;
        const parsed = parse(value);
        if ('tooLarge' in parsed) ingest.gaps.push(tooLarge(value));
        else if ('what' in parsed) ingest.gap('parse-error', parsed.line, parsed.what, parsed.todo);
        else ingest.document(parsed.value, { line: value.line, doc: value.doc });
      },
      item(item) {
        if (!ingest.admit(item.doc, item.startLine)) return;
        const parsed = parse(item);
        if ('tooLarge' in parsed) ingest.listItemGap(tooLarge(item));
        else if ('what' in parsed) {
          ingest.listItemGap(gapAt('parse-error', place(parsed.line), parsed.what, parsed.todo));
        } else {
          const hints = { kind: item.listKind, apiVersion: item.listApiVersion };
          const at = { line: item.line, doc: item.doc, item: item.item ?? 0 };
          ingest.listItem({ raw: parsed.value, at, bytes: item.end - item.start, hints });
        }
      },
      envelope(envelope) {
        if (!ingest.admit(envelope.doc, envelope.startLine)) return;
        const at = { line: envelope.line, doc: envelope.doc };
        const parsed = envelope.complete ? parse(envelope) : undefined;
        if (parsed !== undefined && 'what' in parsed) {
          ingest.gap('parse-error', parsed.line, parsed.what, parsed.todo);
        }
        ingest.listEnd(parsed !== undefined && 'value' in parsed ? parsed.value : undefined, at);
      },
      error(error) {
        ingest.gap('parse-error', error.line, error.what, error.todo);
      },
    },
    { maxTextBytes: maxBytes },
  );
  return { push: (chunk) => scanner.push(chunk), end: () => scanner.end() };
}
