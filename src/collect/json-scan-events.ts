/** What the streaming JSON scanner reports: values, List items, envelopes and structural errors. */

/** A value the scanner found: its text (when captured), byte range and lines. Items are the split array's elements. */
export interface ScannedValue {
  /** Index of the top-level value in the file. */
  readonly doc: number;
  /** Index in the top-level object's `items`, for split-out items. */
  readonly item?: number;
  /** The value's text; `undefined` when capture is off or it is longer than the limit. */
  readonly text?: string;
  readonly overflow: boolean;
  /** 1-based line of the value's first byte. */
  readonly startLine: number;
  /** 1-based line of the first key of an object (else `startLine`). */
  readonly line: number;
  /** Absolute byte offsets, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  /** For items: the `kind` and `apiVersion` of the enclosing object, when they came before `items`. */
  readonly listKind?: string;
  readonly listApiVersion?: string;
}

/** A top-level object whose `items` were split out; its text holds `"items": []` in their place. */
export interface ScannedEnvelope extends ScannedValue {
  readonly items: number;
  /** False when the file ended inside the object. */
  readonly complete: boolean;
}

/** Receives what the scanner finds, in file order. */
export interface JsonScanSink {
  value(value: ScannedValue): void;
  item(item: ScannedValue): void;
  envelope(envelope: ScannedEnvelope): void;
  error(error: { readonly line: number; readonly what: string; readonly todo: string }): void;
}

/** Limits and switches. */
export interface JsonScanOptions {
  /** Longest value text kept, in bytes; longer values are reported with `overflow`. */
  readonly maxTextBytes: number;
  /** Decode value texts (the reader); the writer needs offsets only. Default true. */
  readonly capture?: boolean;
  /** The top-level array whose elements are reported one by one: `items` (a List, the default) or another. */
  readonly splitKey?: string;
}
