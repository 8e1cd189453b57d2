/** Splits bytes pushed in chunks into lines, with byte offsets, without ever holding more than one line. */

/** One line: its text without the `\n` (a `\r` stays), its 1-based number and its byte range with the newline. */
export interface Line {
  readonly text: string;
  readonly number: number;
  readonly start: number;
  readonly end: number;
  /** True when the line was longer than the limit; `text` is then empty. */
  readonly tooLong: boolean;
}

const NL = 0x0a;

/** Calls `onLine` for every line of the bytes pushed; `end()` flushes a last line without a newline. */
export class LineSplitter {
  private parts: Buffer[] = [];
  private partBytes = 0;
  private tooLong = false;
  private lineStart = 0;
  private offset = 0;
  private number = 0;

  constructor(
    private readonly onLine: (line: Line) => void,
    private readonly maxLineBytes: number,
  ) {}

  /** Feeds the next chunk. */
  push(chunk: Buffer): void {
    let from = 0;
    for (let nl = chunk.indexOf(NL, from); nl !== -1; nl = chunk.indexOf(NL, from)) {
      this.keep(chunk, from, nl);
      this.emit(this.offset + nl + 1);
      from = nl + 1;
    }
    this.keep(chunk, from, chunk.length);
    this.offset += chunk.length;
  }

  /** Flushes the last line when the input does not end with a newline. */
  end(): void {
    if (this.partBytes > 0 || this.tooLong) this.emit(this.offset);
  }

  private keep(chunk: Buffer, from: number, to: number): void {
    if (to <= from || this.tooLong) return;
    this.partBytes += to - from;
    if (this.partBytes > this.maxLineBytes) {
      this.tooLong = true;
      this.parts = [];
    } else this.parts.push(chunk.subarray(from, to));
  }

  private emit(end: number): void {
    this.number++;
    let text =
      this.parts.length === 1 ? this.parts[0]!.toString('utf8') : Buffer.concat(this.parts).toString('utf8');
    if (this.number === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    this.onLine({
      text: this.tooLong ? '' : text,
      number: this.number,
      start: this.lineStart,
      end,
      tooLong: this.tooLong,
    });
    this.parts = [];
    this.partBytes = 0;
    this.tooLong = false;
    this.lineStart = end;
  }
}
