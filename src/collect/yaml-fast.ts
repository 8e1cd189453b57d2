/**
 * A fast reader for the plain block YAML that `kubectl get -o yaml` and most tools write: mappings and sequences
 * by indentation, plain keys, one-line scalars. The `yaml` package builds a full syntax tree per document and
 * read a 67,000-document dump fourteen times slower than the same cluster as JSON. Anything outside the subset
 * (block or multi-line scalars, flow collections other than `{}` and `[]`, anchors, aliases, tags, comments after
 * values, duplicated keys, keys or plain values the YAML 1.1 schema would read as other than a string or a
 * decimal integer) returns `undefined`, and the `yaml` package reads the document as before, so every value,
 * line and error is the package's own.
 */

/** What `parseYamlUnit` returns for a document read here. */
export interface FastYaml {
  readonly value: Record<string, unknown>;
  /** Text line of the root mapping's first key. */
  readonly line: number;
  /** Text lines of the items of a top-level `items` sequence. */
  readonly itemLines: readonly number[];
}

interface Line {
  indent: number;
  text: string;
  readonly line: number;
}

class NotFast extends Error {}

const MAX_DEPTH = 64;
// Characters YAML reads as line breaks or refuses; such text is left to the package.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const SPECIAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
const KEY = /^([A-Za-z_/][A-Za-z0-9_./-]{0,250}):(?: (.*))?$/;
const INT = /^(?:0|-?[1-9][0-9]{0,14})$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'$/;
// A plain scalar may start with none of YAML's indicators (`-` only before a non-space).
const PLAIN = /^(?:[^\s\-!&*|>'"%@`#,[\]{}?:]|-\S)[^\t]*$/;
const TRUE = /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const FALSE = /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
const NULL = /^(?:~|[Nn]ull|NULL)$/;
// The `yaml` package's YAML 1.1 tags other than str, bool and null, by their own tests: left to the package.
const OTHER_TAGS: readonly RegExp[] = [
  /^[-+]?0b[0-1_]+$/,
  /^[-+]?0[0-7_]+$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/,
];

/** True when the package reads this plain scalar as a string. */
function plainString(text: string): boolean {
  // Every bool, null, number and time starts with a digit, sign, dot, `~` or one of these letters.
  if (/^[A-DG-MP-SU-XZa-dg-mp-su-xz/_]/.test(text)) return true;
  if (TRUE.test(text) || FALSE.test(text) || NULL.test(text)) return false;
  for (const tag of OTHER_TAGS) if (tag.test(text)) return false;
  return true;
}

/** Reads `text` when it is in the subset; `undefined` sends it to the `yaml` package. */
export function readFastYaml(text: string): FastYaml | undefined {
  if (SPECIAL.test(text)) return undefined;
  const lines: Line[] = [];
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const source = raw[i]!;
    let indent = 0;
    while (source.charCodeAt(indent) === 0x20) indent++;
    if (indent === source.length || source.charCodeAt(indent) === 0x23) continue; // blank or comment line
    if (source.charCodeAt(source.length - 1) === 0x20) return undefined;
    if (lines.length === 0 && source === '---') continue; // the document's start marker
    lines.push({ indent, text: indent === 0 ? source : source.slice(indent), line: i + 1 });
  }
  if (lines.length === 0) return undefined;
  try {
    const reader = new Reader(lines);
    // A List item arrives as an indented document (its dash blanked): the root may sit at any column.
    const value = reader.map(lines[0]!.indent, 0);
    if (reader.pos !== lines.length) return undefined;
    return { value, line: lines[0]!.line, itemLines: reader.itemLines };
  } catch (error) {
    if (error instanceof NotFast || error instanceof RangeError) return undefined;
    throw error;
  }
}

class Reader {
  pos = 0;
  itemLines: number[] = [];

  constructor(private readonly lines: Line[]) {}

  /** The mapping whose keys sit at `indent`, from the current line; `depth` is its nesting. */
  map(indent: number, depth: number): Record<string, unknown> {
    // The package overflows its own stack on deep nesting and says so; deep documents stay its to judge.
    if (depth > MAX_DEPTH) throw new NotFast();
    const out: Record<string, unknown> = {};
    while (this.pos < this.lines.length) {
      const at = this.lines[this.pos]!;
      if (at.indent < indent) break;
      if (at.indent > indent) throw new NotFast();
      const entry = KEY.exec(at.text);
      if (entry === null) throw new NotFast();
      const key = entry[1]!;
      if (!plainString(key) || key === '__proto__' || Object.hasOwn(out, key)) throw new NotFast();
      this.pos++;
      const rest = entry[2];
      if (rest !== undefined) out[key] = scalar(rest);
      else {
        const next = this.lines[this.pos];
        const lines = depth === 0 && key === 'items' ? this.itemLines : undefined;
        if (next === undefined || next.indent < indent) out[key] = null;
        else if (isEntry(next.text)) out[key] = this.seq(next.indent, depth + 1, lines);
        else if (next.indent > indent) out[key] = this.map(next.indent, depth + 1);
        else out[key] = null;
      }
    }
    return out;
  }

  /** The sequence whose `-` sit at `indent`, at nesting `depth`; `lines` gets each item's line. */
  seq(indent: number, depth: number, lines?: number[]): unknown[] {
    if (depth > MAX_DEPTH) throw new NotFast();
    const out: unknown[] = [];
    while (this.pos < this.lines.length) {
      const at = this.lines[this.pos]!;
      if (at.indent < indent || !isEntry(at.text)) break;
      if (at.indent > indent) throw new NotFast();
      lines?.push(at.line);
      const rest = at.text.slice(2);
      if (KEY.test(rest)) {
        // `- key: value`: a mapping whose keys sit two columns in, the first one on the dash's line.
        at.indent += 2;
        at.text = rest;
        out.push(this.map(at.indent, depth + 1));
      } else {
        out.push(scalar(rest));
        this.pos++;
      }
    }
    return out;
  }
}

function isEntry(text: string): boolean {
  return text.charCodeAt(0) === 0x2d && text.charCodeAt(1) === 0x20;
}

function scalar(text: string): unknown {
  const first = text.charCodeAt(0);
  if (first === 0x22) {
    const quoted = DOUBLE_QUOTED.exec(text);
    if (quoted !== null) return quoted[1];
  } else if (first === 0x27) {
    const quoted = SINGLE_QUOTED.exec(text);
    if (quoted !== null) return quoted[1]!.replaceAll("''", "'");
  } else if (text === '{}') return {};
  else if (text === '[]') return [];
  else if (INT.test(text)) return Number(text);
  else if (TRUE.test(text)) return true;
  else if (FALSE.test(text)) return false;
  else if (NULL.test(text)) return null;
  else if (
    PLAIN.test(text) &&
    plainString(text) &&
    !text.includes(': ') &&
    !text.includes(' #') &&
    !text.endsWith(':')
  )
    return text;
  throw new NotFast();
}
