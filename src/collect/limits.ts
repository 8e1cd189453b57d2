/**
 * The input limits that keep a hostile or broken file from exhausting memory, stack or time. Each has a default
 * above anything the API server itself accepts and a `--max-<id>` flag; a document past a limit is skipped as a
 * `limit-exceeded` gap (so `--strict` exits 3) and the rest of the input is still read.
 */
import { gapAt, type Place } from './gaps.js';
import type { Gap } from './snapshot.js';

/** Every limit, spelt as its flag: `--max-<id>`. */
export type LimitId = 'document-bytes' | 'depth' | 'aliases' | 'documents' | 'line-bytes';

/** A value per limit. */
export type Limits = Readonly<Record<LimitId, number>>;

/** The limits, in help order. */
export const LIMIT_IDS: readonly LimitId[] = [
  'document-bytes',
  'line-bytes',
  'depth',
  'aliases',
  'documents',
];

/**
 * The defaults. The API server takes request bodies up to 3 MiB and etcd stores objects up to 1.5 MiB, so no
 * object it accepts comes near 64 MiB or a 4 MiB line (a `kubectl get -o yaml` List is split into its items, and
 * JSON is never split into lines, so minified dumps are fine). Kubernetes objects nest a few dozen levels deep;
 * the YAML parser itself overflows its stack near 800. Anchors that copy 10,000 nodes are far past any
 * hand-written reuse, and a billion-laughs bomb is refused at its fourth level. A million documents per file covers a 150,000-pod multi-document dump.
 */
export const DEFAULT_LIMITS: Limits = {
  'document-bytes': 64 * 1024 * 1024,
  'line-bytes': 4 * 1024 * 1024,
  depth: 200,
  aliases: 10_000,
  documents: 1_000_000,
};

interface LimitText {
  /** What is limited, as the message names it. */
  readonly what: string;
  /** The unit after the numbers, with its leading space. */
  readonly unit: string;
  /** The flag's help text. */
  readonly help: string;
}

const TEXT: Readonly<Record<LimitId, LimitText>> = {
  'document-bytes': {
    what: 'document size',
    unit: ' bytes',
    help: 'largest YAML document, JSON value or List item read, in bytes',
  },
  'line-bytes': { what: 'line length', unit: ' bytes', help: 'longest YAML line read, in bytes' },
  depth: { what: 'nesting depth', unit: '', help: 'deepest nesting of maps and lists in one object' },
  aliases: {
    what: 'YAML alias expansion',
    unit: ' nodes',
    help: 'nodes the YAML aliases (*ref) of one document copy; bombs are refused, never expanded',
  },
  documents: { what: 'documents in one file', unit: '', help: 'YAML documents or JSON values in one file' },
};

/** The flag that raises a limit. */
export function limitFlag(id: LimitId): string {
  return `--max-${id}`;
}

/** The help text of a limit's flag, with its default. */
export function limitHelp(id: LimitId): string {
  return `${TEXT[id].help} (default ${DEFAULT_LIMITS[id]})`;
}

/** The defaults with the given values in place. */
export function limitsWith(given: Partial<Limits> = {}): Limits {
  return { ...DEFAULT_LIMITS, ...given };
}

/** What went past a limit and what to do: `<what> exceeded (<value> > <limit>)`, `raise with --max-<id>`. */
export function limitExceeded(
  id: LimitId,
  value: number | string,
  limits: Limits,
): { readonly what: string; readonly todo: string } {
  const { what, unit } = TEXT[id];
  return { what: `${what} exceeded (${value} > ${limits[id]}${unit})`, todo: `raise with ${limitFlag(id)}` };
}

/** The gap for a document past a limit: `file:line: <what> exceeded (<value> > <limit>) — raise with --max-<id>`. */
export function limitGap(id: LimitId, place: Place, value: number | string, limits: Limits): Gap {
  const { what, todo } = limitExceeded(id, value, limits);
  return gapAt('limit-exceeded', place, what, todo);
}

/** The nesting depth of a parsed value (a scalar is 0, `{}` is 1), walked without recursion, so any depth is safe. */
export function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let deepest = 0;
  const nodes: object[] = [value];
  const depths: number[] = [1];
  const visit = (child: unknown, depth: number): void => {
    if (typeof child === 'object' && child !== null) {
      nodes.push(child);
      depths.push(depth);
    }
  };
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > deepest) deepest = depth;
    // Arrays by index: `for...in` would make a string of every index (twice the time over a 150,000-pod dump).
    if (Array.isArray(node)) for (let i = 0; i < node.length; i++) visit(node[i], depth + 1);
    else for (const key in node) visit((node as Record<string, unknown>)[key], depth + 1);
  }
  return deepest;
}
