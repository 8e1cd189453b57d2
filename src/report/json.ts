/**
 * `--format json`: the report as stable JSON. Keys come out in the contract's order whatever order the builder
 * used, free-form maps are sorted, and the text ends with a newline, so equal reports are equal bytes.
 */
import type { Gap } from '../collect/snapshot.js';
import type { Evidence } from '../techniques/types.js';
import type { FactReport, FindingReport, PathReport, PathStep, PlanItem, Report } from './contract.js';

/** How to order one value: as is, a map with sorted keys, a list of shaped items, or an object in key order. */
type Shape = 'leaf' | 'map' | { readonly list: Shape } | { readonly keys: Readonly<Record<string, Shape>> };

/** Every key of T, in contract order; the compiler rejects a missing key when the contract grows. */
type KeysOf<T> = { readonly [K in keyof Required<T>]: Shape };

const keys = <T>(shape: KeysOf<T>): Shape => ({ keys: shape });
const list = (shape: Shape): Shape => ({ list: shape });

/** JSON Patch ops read `op`, `path`, `value`, as RFC 6902 writes them; the value itself is user content. */
const PATCH = list({ keys: { op: 'leaf', path: 'leaf', value: 'leaf' } });
const EVIDENCE = keys<Evidence>({
  ref: 'leaf',
  path: 'leaf',
  location: 'leaf',
  template: 'leaf',
  says: 'leaf',
});
const STEP = keys<PathStep>({
  technique: 'leaf',
  from: 'leaf',
  to: 'leaf',
  says: 'leaf',
  evidence: list(EVIDENCE),
});
const PATH = keys<PathReport>({
  threatModel: 'leaf',
  entry: 'leaf',
  jewel: 'leaf',
  likelihood: 'leaf',
  score: 'leaf',
  steps: list(STEP),
});
const FIX = keys<FindingReport['fixes'][number]>({ remediation: 'leaf', target: 'leaf', patch: PATCH });
const PLAN_ITEM = keys<PlanItem>({
  remediation: 'leaf',
  title: 'leaf',
  target: 'leaf',
  location: 'leaf',
  effort: 'leaf',
  effortHours: 'leaf',
  riskBefore: 'leaf',
  riskAfter: 'leaf',
  pathsCut: 'leaf',
  patch: PATCH,
  kubectl: 'leaf',
  mayBreak: 'leaf',
  chokepoint: 'leaf',
  breaks: PATH,
  also: keys<NonNullable<PlanItem['also']>>({
    remediation: 'leaf',
    target: 'leaf',
    patch: PATCH,
    kubectl: 'leaf',
  }),
});

const REPORT = keys<Report>({
  schemaVersion: 'leaf',
  tool: keys<Report['tool']>({ name: 'leaf', version: 'leaf' }),
  source: keys<Report['source']>({ type: 'leaf', paths: 'leaf', server: 'leaf', identity: 'leaf' }),
  threatModels: list(keys<Report['threatModels'][number]>({ name: 'leaf', enabled: 'leaf', weight: 'leaf' })),
  assumptions: 'leaf',
  risk: keys<Report['risk']>({
    total: 'leaf',
    byThreatModel: keys<Report['risk']['byThreatModel']>({
      external: 'leaf',
      container: 'leaf',
      credentials: 'leaf',
    }),
  }),
  oneThing: PLAN_ITEM,
  plan: list(PLAN_ITEM),
  paths: list(PATH),
  findings: list(
    keys<FindingReport>({
      technique: 'leaf',
      from: 'leaf',
      to: 'leaf',
      likelihood: 'leaf',
      evidence: list(EVIDENCE),
      fixes: list(FIX),
      onPath: 'leaf',
    }),
  ),
  facts: list(
    keys<FactReport>({ fact: 'leaf', object: 'leaf', location: 'leaf', says: 'leaf', onPath: 'leaf' }),
  ),
  gaps: list(keys<Gap>({ kind: 'leaf', where: 'leaf', message: 'leaf' })),
  stats: keys<Report['stats']>({
    objects: 'leaf',
    kinds: 'map',
    workloads: 'leaf',
    identities: 'leaf',
    graphNodes: 'leaf',
    graphEdges: 'leaf',
    entries: 'leaf',
    paths: 'leaf',
    pathsByJewel: 'map',
  }),
});

function sortedKeys(value: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

// A map's shape: no key is known, so all come sorted.
const NO_KEYS: Readonly<Record<string, Shape>> = {};

// The keys of each keyed shape, in order, listed once (`ordered` runs once per evidence item: 800,000 at R150k).
const shapeKeys = new WeakMap<object, readonly string[]>();

function keysOfShape(known: Readonly<Record<string, Shape>>): readonly string[] {
  let listed = shapeKeys.get(known);
  if (listed === undefined) {
    listed = Object.keys(known);
    shapeKeys.set(known, listed);
  }
  return listed;
}

/**
 * `value` with its keys in shape order; keys the shape does not know follow, sorted, so none is lost. A value
 * already in that order, all the way down, is returned as it is: most of a report is built in contract order.
 */
function ordered(value: unknown, shape: Shape): unknown {
  if (value === null || typeof value !== 'object' || shape === 'leaf') return value;
  if (typeof shape === 'object' && 'list' in shape) {
    if (!Array.isArray(value)) return value;
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = ordered(value[i], shape.list);
      if (out === undefined && item !== value[i]) out = value.slice(0, i);
      out?.push(item);
    }
    return out ?? value;
  }
  const record = value as Readonly<Record<string, unknown>>;
  if (shape === 'map') return inSortedOrder(record) ? record : reordered(record, NO_KEYS);
  if (!inShapeOrder(record, keysOfShape(shape.keys))) return reordered(record, shape.keys);
  // Keys in order: a copy is needed only from the first child that changes, and holds the same keys.
  let out: Record<string, unknown> | undefined;
  for (const key in record) {
    const child = ordered(record[key], shape.keys[key]!);
    if (out === undefined && child !== record[key]) {
      out = {};
      for (const before in record) {
        if (before === key) break;
        out[before] = record[before];
      }
    }
    if (out !== undefined) out[key] = child;
  }
  return out ?? record;
}

/** True when every key of `record` is in `order`, and they come in that order. */
function inShapeOrder(record: Readonly<Record<string, unknown>>, order: readonly string[]): boolean {
  let at = 0;
  for (const key in record) {
    while (at < order.length && order[at] !== key) at++;
    if (at === order.length) return false;
    at++;
  }
  return true;
}

function inSortedOrder(record: Readonly<Record<string, unknown>>): boolean {
  let last: string | undefined;
  for (const key in record) {
    if (last !== undefined && !(last < key)) return false;
    last = key;
  }
  return true;
}

/** A copy of `record` with the shape's keys first, in shape order, then the others sorted. */
function reordered(
  record: Readonly<Record<string, unknown>>,
  known: Readonly<Record<string, Shape>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let placed = 0;
  for (const key of keysOfShape(known))
    if (key in record) {
      out[key] = ordered(record[key], known[key]!);
      placed++;
    }
  // Most records hold only keys the shape knows: then there is nothing left to sort.
  if (placed === Object.keys(record).length) return out;
  for (const key of sortedKeys(record)) if (!(key in out)) out[key] = record[key];
  return out;
}

/** The report as JSON: 2-space indent, contract key order, newline at the end. */
export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}

// Pieces are gathered to about this many characters before they are handed out. Each piece, and each batch's
// text, stays below V8's large-object size (128 KiB), so it dies young: strings of 1 Mi characters each waited for
// a full collection and grew the report phase's peak RSS at R150k by 190 MiB, where these grow it by about 60.
const CHUNK_CHARS = 1 << 16;
/** Items of a top-level list stringified together (about 30 KB of findings). */
export const BATCH_ITEMS = 64;

/**
 * The same text as {@link renderJson}, in pieces of about 64 Ki characters: the items of a top-level list are
 * ordered and stringified a batch at a time, so a report of 800,000 findings (350 MB) is never one string or one
 * copy.
 */
export function* renderJsonChunks(report: Report): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  function* put(text: string): Generator<string> {
    pending.push(text);
    size += text.length;
    if (size < CHUNK_CHARS) return;
    yield pending.join('');
    pending = [];
    size = 0;
  }
  const record = report as unknown as Readonly<Record<string, unknown>>;
  // The top-level keys in the order `ordered` gives them (asked of a copy whose values are all null).
  const skeleton = Object.fromEntries(Object.keys(record).map((key) => [key, null]));
  const present = Object.keys(ordered(skeleton, REPORT) as object).filter((key) => record[key] !== undefined);
  yield* put(present.length === 0 ? '{}' : '{\n');
  for (const [i, key] of present.entries()) {
    const value = record[key];
    const shape = shapeOf(REPORT, key);
    yield* put(`  ${JSON.stringify(key)}: `);
    if (Array.isArray(value) && value.length > 0 && typeof shape === 'object' && 'list' in shape) {
      // A batch of items stringified as `{key: [batch]}` comes out indented exactly as the items stand in the
      // report, so only that wrapper is cut off: no second pass to indent, and one call per batch.
      const head = `{\n  ${JSON.stringify(key)}: [\n`;
      const tail = '\n  ]\n}';
      yield* put('[\n');
      for (let first = 0; first < value.length; first += BATCH_ITEMS) {
        const batch = value.slice(first, first + BATCH_ITEMS).map((item) => ordered(item, shape.list));
        const text = JSON.stringify({ [key]: batch }, null, 2);
        yield* put(text.slice(head.length, text.length - tail.length));
        yield* put(first + BATCH_ITEMS < value.length ? ',\n' : '\n');
      }
      yield* put('  ]');
    } else yield* put(indented(JSON.stringify(ordered(value, shape), null, 2), '  '));
    yield* put(i < present.length - 1 ? ',\n' : '\n}');
  }
  yield* put('\n');
  if (pending.length > 0) yield pending.join('');
}

/** The shape of one key of a keyed shape; keys it does not know are leaves, as `ordered` leaves them. */
function shapeOf(shape: Shape, key: string): Shape {
  return typeof shape === 'object' && 'keys' in shape ? (shape.keys[key] ?? 'leaf') : 'leaf';
}

/** Nested JSON text placed at an indent: JSON strings hold no raw newline, so every newline starts a line. */
function indented(text: string, pad: string): string {
  return text.includes('\n') ? text.replaceAll('\n', `\n${pad}`) : text;
}
