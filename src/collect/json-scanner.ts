/**
 * A streaming JSON scanner over bytes. It finds each top-level value and, inside a top-level object, each element
 * of its `items` array (or of the array under `splitKey`), so a 1.5 GB `kubectl get -A -o json` dump is parsed one
 * item at a time: V8 strings stop near 512 MiB, and one `JSON.parse` of the whole file would fail. It tracks
 * strings, escapes, nesting and lines; the grammar inside a value is left to `JSON.parse` of the value's text.
 */

import { Capture } from './byte-capture.js';
import type { JsonScanOptions, JsonScanSink, ScannedValue } from './json-scan-events.js';
import { TopKeys } from './json-top-keys.js';

export type { JsonScanOptions, JsonScanSink, ScannedEnvelope, ScannedValue } from './json-scan-events.js';

const [QUOTE, BACKSLASH, LBRACE, RBRACE, LBRACKET, RBRACKET, COLON, COMMA, NL] = [
  0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x3a, 0x2c, 0x0a,
];
const BOM = [0xef, 0xbb, 0xbf];

function isDelimiter(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0d ||
    c === NL ||
    c === COMMA ||
    c === RBRACE ||
    c === RBRACKET ||
    c === COLON
  );
}

interface Open {
  start: number;
  startLine: number;
  line: number;
  /** Depth at which the first key of this value sits, while it is still unknown. */
  keyDepth: number;
}

/** Scans JSON bytes pushed in chunks of any size; call `end()` after the last chunk. */
export class JsonScanner {
  private offset = 0;
  private line = 1;
  private readonly stack: number[] = [];
  private inString = false;
  private escaped = false;
  private literal = false;
  private stopped = false;
  private doc = -1;
  private top: Open | undefined;
  private item: Open | undefined;
  private itemIndex = 0;
  private inItems = false;
  private split = false;
  private readonly keys = new TopKeys();
  private readonly topCapture: Capture;
  private readonly itemCapture: Capture;
  private readonly splitKey: string;

  constructor(
    private readonly sink: JsonScanSink,
    options: JsonScanOptions,
  ) {
    const enabled = options.capture ?? true;
    this.splitKey = options.splitKey ?? 'items';
    this.topCapture = new Capture(options.maxTextBytes, enabled);
    this.itemCapture = new Capture(options.maxTextBytes, enabled);
  }

  /** Feeds the next chunk. */
  push(chunk: Buffer): void {
    if (this.stopped) return;
    const n = chunk.length;
    let i = 0;
    while (this.offset + i < 3 && i < n && this.doc < 0 && chunk[i] === BOM[this.offset + i]) i++;
    if (this.deepReady()) i = this.skipDeep(chunk, i);
    // One flat loop, cheapest tests first: a kubectl dump is mostly indentation and short strings.
    for (; i < n; i++) {
      const c = chunk[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.endString(chunk, i);
        else if (c === NL) this.line++;
        continue;
      }
      if (this.literal) {
        if (!isDelimiter(c)) continue;
        this.endLiteral(chunk, i);
      }
      if (c === 0x20) continue;
      if (c === NL) this.line++;
      else if (c !== 0x09 && c !== 0x0d) {
        this.token(chunk, i, c);
        if (this.stopped) break;
      }
      if (this.stack.length >= 3 && this.deepReady()) i = this.skipDeep(chunk, i + 1) - 1;
    }
    this.topCapture.endOfChunk(chunk);
    this.itemCapture.endOfChunk(chunk);
    this.keys.endOfChunk(chunk);
    this.offset += n;
  }

  /** Ends the input: reports a value cut short by the end of the file. */
  end(): void {
    if (this.stopped) return;
    if (this.literal && !this.inString) this.endLiteral(undefined, 0);
    if (this.top === undefined) return;
    this.fail('unexpected end of file inside a value', 'the file may be truncated; export it again');
  }

  /** True when only brackets, strings and lines matter until the depth drops back to 2. */
  private deepReady(): boolean {
    return (
      this.stack.length >= 3 &&
      !this.inString &&
      !this.literal &&
      (this.item === undefined || this.item.keyDepth === -1)
    );
  }

  /**
   * The fast path below an item's first level (most of a dump's bytes): nothing there starts or ends a value the
   * scanner reports, so it only tracks strings, brackets and lines, in locals. Returns the index of the first byte
   * it leaves to the general loop: a bracket that would close to depth 2, or one that does not match.
   */
  private skipDeep(chunk: Buffer, from: number): number {
    const n = chunk.length;
    const stack = this.stack;
    let line = this.line;
    let i = from;
    while (i < n) {
      const c = chunk[i]!;
      if (c === 0x20 || c === COMMA || c === COLON || c === 0x09 || c === 0x0d) i++;
      else if (c === NL) {
        line++;
        // Pretty-printed dumps are more than half indentation: the run after a newline is skipped in one loop.
        for (i++; i < n && chunk[i] === 0x20; i++);
      } else if (c === QUOTE) {
        for (i++; ; i++) {
          if (i >= n) {
            this.inString = true;
            this.line = line;
            return n;
          }
          const s = chunk[i]!;
          // Letters past the backslash (most of a key or value) need no other test.
          if (s > BACKSLASH) continue;
          if (s === QUOTE) break;
          if (s === BACKSLASH) {
            // The escaped byte is skipped unseen, as in the general loop (an escaped newline counts no line).
            if (++i >= n) {
              this.inString = true;
              this.escaped = true;
              this.line = line;
              return n;
            }
          } else if (s === NL) line++;
        }
        i++;
      } else if (c === LBRACE || c === LBRACKET) {
        stack.push(c);
        i++;
      } else if (c === RBRACE || c === RBRACKET) {
        if (stack.length <= 3 || stack[stack.length - 1] !== (c === RBRACE ? LBRACE : LBRACKET)) break;
        stack.pop();
        i++;
      } else {
        // A literal (number, true, false, null, or junk for JSON.parse to name) runs to the next delimiter.
        for (i++; i < n && !isDelimiter(chunk[i]!); i++);
        if (i >= n) {
          this.literal = true;
          this.line = line;
          return n;
        }
      }
    }
    this.line = line;
    return i;
  }

  private token(chunk: Buffer, i: number, c: number): void {
    const depth = this.stack.length;
    const startsValue = depth === 0 || (this.inItems && depth === 2 && this.item === undefined);
    if (c === COLON) {
      if (depth === 1) this.keys.afterColon = true;
      return;
    }
    if (c === COMMA) {
      if (depth === 1) this.keys.comma();
      if (depth === 0) this.fail("unexpected ',' outside any value", 'remove it');
      return;
    }
    if (c === RBRACE || c === RBRACKET) {
      this.close(chunk, i, c);
      return;
    }
    if (startsValue) this.beginValue(i, c, depth);
    const opening = this.openingValue(depth);
    if (opening !== undefined && c === QUOTE && opening.keyDepth === depth) {
      opening.line = this.line;
      opening.keyDepth = -1;
    }
    if (c === QUOTE) {
      this.inString = true;
      if (depth === 1) this.keys.stringStarts(i);
    } else if (c === LBRACE || c === LBRACKET) {
      const splits =
        c === LBRACKET &&
        depth === 1 &&
        this.keys.afterColon &&
        this.keys.key === this.splitKey &&
        this.top !== undefined;
      this.stack.push(c);
      if (c === LBRACE && depth === 0) this.keys.reset();
      if (splits) {
        this.inItems = true;
        this.split = true;
        this.itemIndex = 0;
        this.topCapture.pause(chunk, i + 1);
      }
    } else if (depth === 0 && !/[-0-9tfn]/.test(String.fromCharCode(c))) {
      this.fail(
        `unexpected character '${String.fromCharCode(c)}' outside any value`,
        'this is not JSON; fix or remove it',
      );
    } else this.literal = true;
    if (depth === 1) this.keys.afterColon = false;
  }

  private openingValue(depth: number): Open | undefined {
    if (this.item !== undefined && this.item.keyDepth === depth) return this.item;
    if (this.top !== undefined && this.top.keyDepth === depth) return this.top;
    return undefined;
  }

  private beginValue(i: number, c: number, depth: number): void {
    const open: Open = {
      start: this.offset + i,
      startLine: this.line,
      line: this.line,
      keyDepth: c === LBRACE ? depth + 1 : -1,
    };
    if (depth === 0) {
      this.doc++;
      this.top = open;
      this.split = false;
      this.topCapture.begin(i);
    } else {
      this.item = open;
      this.itemCapture.begin(i);
    }
  }

  private close(chunk: Buffer, i: number, c: number): void {
    const expected = c === RBRACE ? LBRACE : LBRACKET;
    if (this.stack.pop() !== expected) {
      this.fail(`unexpected '${String.fromCharCode(c)}'`, 'check for a missing or extra bracket');
      return;
    }
    const depth = this.stack.length;
    for (const open of [this.item, this.top])
      if (open !== undefined && open.keyDepth === depth + 1) open.keyDepth = -1;
    if (depth === 1 && this.inItems) {
      this.inItems = false;
      this.topCapture.resume(i);
    }
    this.valueClosed(chunk, i + 1, depth);
  }

  private endString(chunk: Buffer, i: number): void {
    this.inString = false;
    const depth = this.stack.length;
    if (depth === 1 && this.keys.stringEnds(chunk, i + 1)) return;
    this.valueClosed(chunk, i + 1, depth);
  }

  private endLiteral(chunk: Buffer | undefined, i: number): void {
    this.literal = false;
    this.valueClosed(chunk, i, this.stack.length);
  }

  /** A value ended at `end` (exclusive, in `chunk`) with the stack at `depth`. */
  private valueClosed(chunk: Buffer | undefined, end: number, depth: number): void {
    if (depth === 2 && this.inItems && this.item !== undefined) {
      const text = this.itemCapture.finish(chunk, end);
      const scanned = this.scanned(this.item, end, text, this.itemCapture.overflow, this.itemIndex);
      this.sink.item({
        ...scanned,
        ...(this.keys.hints.kind !== undefined ? { listKind: this.keys.hints.kind } : {}),
        ...(this.keys.hints.apiVersion !== undefined ? { listApiVersion: this.keys.hints.apiVersion } : {}),
      });
      this.item = undefined;
      this.itemIndex++;
    } else if (depth === 0 && this.top !== undefined) {
      if (this.split) this.emitEnvelope(chunk, end, true);
      else {
        const text = this.topCapture.finish(chunk, end);
        this.sink.value(this.scanned(this.top, end, text, this.topCapture.overflow));
      }
      this.top = undefined;
    }
  }

  private emitEnvelope(chunk: Buffer | undefined, end: number, complete: boolean): void {
    const captured = this.topCapture.finish(chunk, end);
    const value = this.scanned(this.top!, end, complete ? captured : undefined, this.topCapture.overflow);
    this.sink.envelope({ ...value, items: this.itemIndex, complete });
    this.split = false;
  }

  private scanned(
    open: Open,
    end: number,
    text: string | undefined,
    overflow: boolean,
    item?: number,
  ): ScannedValue {
    return {
      doc: this.doc,
      ...(item !== undefined ? { item } : {}),
      ...(text !== undefined ? { text } : {}),
      overflow,
      startLine: open.startLine,
      line: open.line,
      start: open.start,
      end: this.offset + end,
    };
  }

  private fail(what: string, todo: string): void {
    if (this.top !== undefined && this.split) this.emitEnvelope(undefined, 0, false);
    this.stopped = true;
    this.sink.error({ line: this.line, what, todo });
  }
}
