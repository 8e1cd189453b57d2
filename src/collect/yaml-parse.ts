/**
 * Parses one YAML unit with positions mapped to file lines. YAML 1.1 rules match what kubectl's parser does
 * (`yes`/`on` are booleans, `0755` is octal), so a manifest means here what it means to the API server.
 */
import { isMap, isNode, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { type Duplicates, findDuplicates } from './duplicate-keys.js';
import { DEFAULT_LIMITS, type LimitId, type Limits, limitExceeded } from './limits.js';
import { aliasExpansion } from './yaml-aliases.js';
import { readFastYaml } from './yaml-fast.js';

/** A parsed unit, or why it could not be parsed; lines are file lines. */
export type YamlParseResult =
  | {
      readonly ok: true;
      readonly value: unknown;
      /** Line of the first key of the root mapping (else of the root node). */
      readonly line: number;
      /** Lines of the elements of a top-level `items` sequence, by index. */
      readonly itemLines: readonly number[];
      /** Duplicated keys, and the document under each choice of which occurrence counts. */
      readonly duplicates?: Duplicates;
    }
  | {
      readonly ok: false;
      readonly line: number;
      readonly what: string;
      readonly todo: string;
      /** The limit the unit went past, if that is why it was not read. */
      readonly limit?: LimitId;
    };

/** How to parse: the limits on depth and aliases. */
export interface YamlParseOptions {
  readonly limits?: Limits;
}

/** Options shared by the reader and the writer, so both see the same document. */
export const YAML_OPTIONS = {
  version: '1.1',
  prettyErrors: true,
  uniqueKeys: true,
  logLevel: 'error',
  merge: true,
} as const;

// What to do, per error code of the yaml package.
const TODO: Readonly<Record<string, string>> = {
  BAD_INDENT: 'check the indentation',
  BLOCK_AS_IMPLICIT_KEY: 'check the indentation',
  MULTILINE_IMPLICIT_KEY: 'check the indentation, or quote the value',
  UNEXPECTED_TOKEN: 'check the indentation and stray characters',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  DUPLICATE_KEY: 'remove one of the duplicate keys',
  MISSING_CHAR: 'close the quote or bracket',
  BAD_DQ_ESCAPE: 'fix the escape sequence in the double-quoted string',
  BAD_ALIAS: 'define the anchor before using it',
  BAD_SCALAR_START: 'quote the value',
};

/** Parses `text`; `fileLine` maps a 1-based line of the text to its line in the file. */
export function parseYamlUnit(
  text: string,
  fileLine: (textLine: number) => number,
  options: YamlParseOptions = {},
): YamlParseResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const lineCounter = new LineCounter();
  const lineOf = (offset: number): number => fileLine(lineCounter.linePos(offset).line);
  const firstLine = fileLine(1);
  const past = (id: LimitId, line: number, value: number | string): YamlParseResult => ({
    ok: false,
    line,
    ...limitExceeded(id, value, limits),
    limit: id,
  });
  const fast = readFastYaml(text);
  if (fast !== undefined)
    return {
      ok: true,
      value: fast.value,
      line: fileLine(fast.line),
      itemLines: fast.itemLines.map(fileLine),
    };
  try {
    // Duplicate keys are read, not refused: every reading of them is analysed (see duplicate-keys.ts).
    const doc = parseDocument(text, { ...YAML_OPTIONS, uniqueKeys: false, lineCounter });
    const error = doc.errors[0];
    if (error !== undefined) {
      // An error at the end of the text (an unclosed quote) points past the last line: keep it on the last.
      const lastLine = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
      const line = fileLine(Math.min(error.linePos?.[0].line ?? 1, lastLine));
      const what = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      // The parser reports its own stack overflow as an error: that is deep nesting, not bad syntax.
      if (/call stack/i.test(what)) return past('depth', line, 'deeper than the parser reads');
      const todo = TODO[error.code] ?? 'fix the YAML syntax';
      return { ok: false, line, what: lowerFirst(what), todo };
    }
    // A billion-laughs bomb is refused before anything is expanded, by measuring what its aliases would copy.
    const copied = text.includes('*') ? aliasExpansion(doc) : 0;
    if (copied > limits.aliases)
      return past('aliases', firstLine, Number.isFinite(copied) ? copied : 'an alias inside its own anchor');
    const toValue = (): unknown => doc.toJS({ maxAliasCount: -1 });
    const value: unknown = toValue();
    const root = doc.contents;
    const line = isNode(root) ? firstKeyLine(root, lineOf) : firstLine;
    const items = isMap(root) ? root.get('items', true) : undefined;
    const itemLines = isSeq(items)
      ? items.items.map((item) => (isNode(item) ? firstKeyLine(item, lineOf) : line))
      : [];
    const duplicates = findDuplicates(doc, lineOf, toValue);
    return { ok: true, value, line, itemLines, ...(duplicates === undefined ? {} : { duplicates }) };
  } catch (error) {
    const aliases = error instanceof ReferenceError && /alias/i.test(error.message);
    if (!(error instanceof RangeError || aliases)) throw error;
    if (aliases) return past('aliases', firstLine, 'an alias the parser refused');
    return past('depth', firstLine, 'deeper than the parser reads');
  }
}

function firstKeyLine(node: Node, lineOf: (offset: number) => number): number {
  const first = isMap(node) ? node.items[0]?.key : undefined;
  const range = (isNode(first) ? first.range : undefined) ?? node.range;
  return range === undefined || range === null ? lineOf(0) : lineOf(range[0]);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
