/**
 * Reads a parsed `chokepoint.yaml` value by value, collecting every problem as
 * `file:line: key.path: must be … — got …`, so one run tells the user everything to fix.
 */
import { type Document, isNode, type LineCounter } from 'yaml';

/** A key path inside the file, e.g. `['threatModels', 'external', 'weight']`. */
export type KeyPath = readonly (string | number)[];

/** Collects problems with their lines; every `read*` returns undefined after recording one. */
export class ConfigReader {
  readonly problems: string[] = [];

  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** The 1-based line of the value at `path`, else of its nearest parent that exists. */
  lineOf(path: KeyPath): number {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range !== undefined && node.range !== null)
        return this.lines.linePos(node.range[0]).line;
    }
    return 1;
  }

  /** Records a problem at `path`: what the value must be, and what it was. */
  fail(path: KeyPath, must: string, got?: unknown): undefined {
    const key = path.length === 0 ? '(top level)' : path.join('.');
    const what = got === undefined ? '' : ` — got ${JSON.stringify(got)}`;
    this.problems.push(`${this.file}:${this.lineOf(path)}: ${key}: ${must}${what}`);
    return undefined;
  }

  /** A mapping whose keys are all in `allowed` (when given); unknown keys are problems that list the allowed. */
  map(path: KeyPath, value: unknown, allowed?: readonly string[]): Record<string, unknown> | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return this.fail(path, 'must be a mapping (key: value lines)', value);
    const record = value as Record<string, unknown>;
    if (allowed !== undefined) {
      for (const key of Object.keys(record)) {
        if (!allowed.includes(key))
          this.fail([...path, key], `unknown key — use one of: ${allowed.join(', ')}`);
      }
    }
    return record;
  }

  /** A number in [min, max]. */
  number(path: KeyPath, value: unknown, range: { min: number; max: number }): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < range.min || value > range.max)
      return this.fail(path, `must be a number from ${range.min} to ${range.max}`, value);
    return value;
  }

  /** A probability-like value in (0, 1], or [0, 1] when 0 is allowed (a jewel that does not matter). */
  probability(path: KeyPath, value: unknown, zeroAllowed = false): number | undefined {
    const ok = typeof value === 'number' && value <= 1 && (zeroAllowed ? value >= 0 : value > 0);
    if (!ok) return this.fail(path, `must be a number from ${zeroAllowed ? '0' : 'above 0'} to 1`, value);
    return value;
  }

  /** true or false. */
  boolean(path: KeyPath, value: unknown): boolean | undefined {
    if (typeof value !== 'boolean') return this.fail(path, 'must be true or false', value);
    return value;
  }

  /** A non-empty string. */
  string(path: KeyPath, value: unknown): string | undefined {
    if (typeof value !== 'string' || value.trim() === '')
      return this.fail(path, 'must be a non-empty string', value);
    return value;
  }

  /** One of the allowed strings. */
  oneOf<T extends string>(path: KeyPath, value: unknown, allowed: readonly T[]): T | undefined {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
      return this.fail(path, `must be one of: ${allowed.join(', ')}`, value);
    return value as T;
  }

  /** A list. */
  list(path: KeyPath, value: unknown): readonly unknown[] | undefined {
    if (!Array.isArray(value)) return this.fail(path, 'must be a list (lines starting with -)', value);
    return value;
  }
}
