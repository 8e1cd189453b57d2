/**
 * Tracks the keys of a top-level JSON object as its bytes stream past: which key a value belongs to (to find
 * `items`), and the `kind` and `apiVersion` strings, which API list responses put before their kindless items.
 */
import { Capture } from './byte-capture.js';

function parsedString(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as string;
  } catch {
    return undefined;
  }
}

/** Key state at depth 1 of the current top-level value. */
export class TopKeys {
  /** The last key seen. */
  key: string | undefined;
  /** The `kind` and `apiVersion` values seen so far. */
  hints: { kind?: string; apiVersion?: string } = {};
  /** A `:` was the last token, so the next token starts the value of `key`. */
  afterColon = false;
  private keyExpected = false;
  private capturing: 'key' | 'kind' | 'apiVersion' | undefined;
  private readonly capture = new Capture(4096, true);

  /** A new top-level object starts: its first token is a key. */
  reset(): void {
    this.key = undefined;
    this.hints = {};
    this.afterColon = false;
    this.keyExpected = true;
  }

  /** A `,` at depth 1: a key comes next. */
  comma(): void {
    this.keyExpected = true;
  }

  /** A string starts at depth 1, at byte `i` of the chunk. */
  stringStarts(i: number): void {
    if (this.keyExpected) {
      this.keyExpected = false;
      this.capturing = 'key';
    } else if (this.afterColon && (this.key === 'kind' || this.key === 'apiVersion'))
      this.capturing = this.key;
    else return;
    this.capture.begin(i);
  }

  /** A string at depth 1 ended before `end` in `chunk`; true when it was a key (not a value). */
  stringEnds(chunk: Buffer, end: number): boolean {
    const what = this.capturing;
    if (what === undefined) return false;
    this.capturing = undefined;
    const text = parsedString(this.capture.finish(chunk, end));
    if (what === 'key') this.key = text;
    else if (text !== undefined) this.hints[what] = text;
    return what === 'key';
  }

  /** Carries a string that crosses into the next chunk. */
  endOfChunk(chunk: Buffer): void {
    this.capture.endOfChunk(chunk);
  }
}
