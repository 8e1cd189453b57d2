/**
 * Splits a YAML stream into units, line by line: whole documents, or, for a document with a top-level block
 * `items:` sequence (a `kubectl get -o yaml` List), its head, each item and its tail. A 1.5 GB List is one YAML
 * document, so its items must be parsed one at a time. The reader parses the units and the `--apply-plan` writer
 * rewrites them, from the same segmentation, so both agree on what "document 3, item 7" is.
 */
import type { Line } from './line-splitter.js';

/** What a unit holds. */
export type YamlUnitKind = 'document' | 'list-head' | 'list-item' | 'list-tail';

/** A run of whole lines of the file. */
export interface YamlUnit {
  readonly kind: YamlUnitKind;
  /** Index among the documents that have content; `undefined` for a segment of comments and blank lines. */
  readonly doc?: number;
  readonly item?: number;
  /** Column of the item's `-`. */
  readonly indent?: number;
  readonly startLine: number;
  /** Lines without their `\n`; empty when `overflow`. */
  readonly lines: readonly string[];
  /** Byte range of the lines in the file, newlines included. */
  readonly start: number;
  readonly end: number;
  /** The unit was longer than the limit, or held a line longer than the line limit, and its lines were not kept. */
  readonly overflow: boolean;
  /** The first line past the line limit: its number and its length in bytes. */
  readonly longLine?: { readonly line: number; readonly bytes: number };
}

type Mode = 'doc' | 'await-items' | 'items' | 'tail';

const ITEMS_KEY = /^items:[ \t]*(#.*)?$/;
const DASH = /^( *)-(?:[ \t]|$)/;

function trimCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

function isBlankOrComment(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

/** The lines of the unit being read, dropped past the size limit. */
class UnitBuffer {
  lines: string[] = [];
  count = 0;
  bytes = 0;
  overflow = false;
  longLine: { line: number; bytes: number } | undefined;
  startLine = 1;
  start = 0;
  end = 0;

  constructor(private readonly max: number) {}

  add(line: Line): void {
    if (this.count++ === 0) {
      this.startLine = line.number;
      this.start = line.start;
    }
    this.end = line.end;
    if (line.tooLong && this.longLine === undefined)
      this.longLine = { line: line.number, bytes: line.end - line.start };
    if (this.overflow) return;
    this.bytes += line.end - line.start;
    if (line.tooLong || this.bytes > this.max) {
      this.overflow = true;
      this.lines = [];
    } else this.lines.push(line.text);
  }

  reset(): void {
    this.lines = [];
    this.count = 0;
    this.bytes = 0;
    this.overflow = false;
    this.longLine = undefined;
    this.start = this.end;
  }
}

/** Feed it every line with `line()`, then `end()`; it calls `onUnit` for each unit in file order. */
export class YamlSegmenter {
  private readonly buffer: UnitBuffer;
  private mode: Mode = 'doc';
  private docs = 0;
  private doc: number | undefined;
  private itemIndent = 0;
  private item = 0;

  constructor(
    private readonly onUnit: (unit: YamlUnit) => void,
    maxUnitBytes: number,
  ) {
    this.buffer = new UnitBuffer(maxUnitBytes);
  }

  /** Feeds the next line. */
  line(line: Line): void {
    const text = trimCr(line.text);
    if (text === '---' || text.startsWith('--- ') || text.startsWith('---\t')) {
      this.finishSegment();
      this.docLine(line, text.slice(3));
    } else if (text === '...' || text.startsWith('... ')) {
      if (this.mode === 'items') this.endItem('tail');
      this.buffer.add(line);
      this.finishSegment();
    } else if (this.mode === 'items') this.itemLine(line, text);
    else if (this.mode === 'tail') this.buffer.add(line);
    else this.docLine(line, text);
  }

  /** Ends the stream. */
  end(): void {
    this.finishSegment();
  }

  private docLine(line: Line, content: string): void {
    const isContent =
      line.tooLong || !(isBlankOrComment(content) || (this.doc === undefined && content.startsWith('%')));
    if (this.mode === 'await-items' && isContent) {
      const dash = DASH.exec(content);
      if (dash !== null) {
        this.emit('list-head');
        this.mode = 'items';
        this.itemIndent = dash[1]!.length;
        this.item = 0;
        this.buffer.add(line);
        return;
      }
      this.mode = 'doc';
    }
    this.buffer.add(line);
    if (isContent && this.doc === undefined) this.doc = this.docs++;
    if (this.mode === 'doc' && this.doc !== undefined && ITEMS_KEY.test(content)) this.mode = 'await-items';
  }

  private itemLine(line: Line, text: string): void {
    const indent = text.length - text.trimStart().length;
    if (!line.tooLong && (isBlankOrComment(text) || indent > this.itemIndent)) {
      this.buffer.add(line);
      return;
    }
    const dash = DASH.exec(text);
    this.endItem(dash !== null && dash[1]!.length === this.itemIndent ? 'items' : 'tail');
    this.buffer.add(line);
  }

  private endItem(next: Mode): void {
    this.emit('list-item');
    this.item++;
    this.mode = next;
  }

  private finishSegment(): void {
    if (this.mode === 'items') this.endItem('tail');
    if (this.mode === 'tail') this.emit('list-tail');
    else if (this.buffer.count > 0) this.emit('document');
    this.buffer.reset();
    this.mode = 'doc';
    this.doc = undefined;
  }

  private emit(kind: YamlUnitKind): void {
    const buffer = this.buffer;
    this.onUnit({
      kind,
      ...(this.doc !== undefined ? { doc: this.doc } : {}),
      ...(kind === 'list-item' ? { item: this.item, indent: this.itemIndent } : {}),
      startLine: buffer.startLine,
      lines: buffer.lines,
      start: buffer.start,
      end: buffer.end,
      overflow: buffer.overflow,
      ...(buffer.longLine === undefined ? {} : { longLine: buffer.longLine }),
    });
    buffer.reset();
  }
}
