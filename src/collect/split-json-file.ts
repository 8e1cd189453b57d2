/**
 * A file that holds one large JSON object, read without holding its text: the elements of the array under one
 * top-level key are parsed and handed out one at a time, and the rest of the object (that array left empty) is
 * parsed once at the end. Snapshot files split their `objects`, JSON reports their `findings`.
 */
import { fileChunks } from './file-chunks.js';
import { JsonScanner } from './json-scanner.js';

/** Where to split and what to do with each element; `item` may throw a `RangeError` that says why it refuses one. */
export interface SplitJsonOptions {
  readonly splitKey: string;
  /** The longest element, or rest of the object, read; a longer one makes the file unreadable. */
  readonly maxTextBytes: number;
  item(value: unknown, line: number): void;
}

/**
 * The file's top-level object (with `splitKey`'s array empty when it was split) and whether it was split; or why
 * the file cannot be read, with the line where that was found.
 */
export function readSplitJsonFile(
  path: string,
  options: SplitJsonOptions,
): { readonly header: Record<string, unknown>; readonly split: boolean } | { readonly why: string } {
  const tops: unknown[] = [];
  let split = false;
  let why: string | undefined;
  const parsed = (text: string | undefined, line: number): unknown => {
    if (text === undefined)
      throw new RangeError(`line ${line}: a value is larger than ${options.maxTextBytes / 2 ** 20} MiB`);
    try {
      return JSON.parse(text);
    } catch (error) {
      throw error instanceof SyntaxError ? new SyntaxError(`line ${line}: ${error.message}`) : error;
    }
  };
  const scanner = new JsonScanner(
    {
      item(item) {
        options.item(parsed(item.text, item.startLine), item.startLine);
      },
      envelope(envelope) {
        split = true;
        // Cut short by the end of the file: the scanner's error, which comes next, says so.
        if (envelope.complete) tops.push(parsed(envelope.text, envelope.startLine));
      },
      value(value) {
        tops.push(parsed(value.text, value.startLine));
      },
      error(error) {
        why ??= `line ${error.line}: ${error.what}`;
      },
    },
    { maxTextBytes: options.maxTextBytes, splitKey: options.splitKey },
  );
  try {
    for (const chunk of fileChunks(path)) {
      scanner.push(chunk);
      if (why !== undefined) break;
    }
    scanner.end();
  } catch (error) {
    if (
      !(error instanceof Error) ||
      !(error instanceof SyntaxError || error instanceof RangeError || 'code' in error)
    )
      throw error;
    why ??= error.message;
  }
  if (why !== undefined) return { why };
  const header = tops[0];
  if (tops.length !== 1 || typeof header !== 'object' || header === null || Array.isArray(header))
    return { why: 'the file is not one JSON object' };
  return { header: header as Record<string, unknown>, split };
}
