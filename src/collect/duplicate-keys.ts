/**
 * Duplicated mapping keys in one YAML document. The API server's YAML decoder (sigs.k8s.io/yaml) keeps the last
 * value and warns `key "x" already set in map` under the default field validation, and refuses the object under
 * `fieldValidation=Strict` (kubectl's default since 1.27), as test/hostile/dry-run.test.ts checks against a real
 * kube-apiserver; other tools (Helm's own parser, Argo CD, Flux) differ again. So which value a cluster ends up with depends on who applies the file: an
 * attacker could hide `privileged: true` behind a harmless duplicate. The reader therefore yields every
 * combination of choices (each a whole document), the analysis keeps the most dangerous, and the duplicate itself
 * is reported as the `duplicate-key` fact.
 */
import { type Document, isNode, isPair, isScalar, isSeq, type Pair, visit, type YAMLMap } from 'yaml';
import { pointer } from './patch.js';

/** One duplicated key: where it is in the document and the file lines of each occurrence. */
export interface DuplicateKey {
  /** JSON pointer of the key in the document, e.g. `/spec/hostPID`. */
  readonly path: string;
  readonly lines: readonly number[];
}

/** More combinations than this are not enumerated: only "every first" and "every last" are read. */
export const MAX_VARIANTS = 16;

interface Choice {
  readonly map: YAMLMap;
  readonly pairs: readonly Pair[];
}

/** The duplicated keys of a parsed document, and its values under every choice of which occurrence counts. */
export interface Duplicates {
  readonly keys: readonly DuplicateKey[];
  /** One value per combination, the last-wins reading first (what sigs.k8s.io/yaml decodes). */
  readonly variants: readonly unknown[];
  /** False when there were more than `MAX_VARIANTS` combinations and only the first and last readings are kept. */
  readonly complete: boolean;
}

function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return key === null || key === undefined ? '' : undefined;
}

/** The JSON pointer of a node from its ancestry. */
function pathOf(ancestors: readonly unknown[], last: unknown): (string | number)[] {
  const segments: (string | number)[] = [];
  const chain = [...ancestors, last];
  for (let i = 0; i < chain.length - 1; i++) {
    const node = chain[i];
    const next = chain[i + 1];
    if (isPair(node)) {
      const text = keyText(node);
      if (text !== undefined) segments.push(text);
    } else if (isSeq(node)) segments.push(node.items.indexOf(next as never));
  }
  return segments;
}

/** Finds duplicated keys; `lineOf` maps a text offset to its file line. Returns undefined when there are none. */
export function findDuplicates(
  doc: Document,
  lineOf: (offset: number) => number,
  toValue: () => unknown,
): Duplicates | undefined {
  const choices: Choice[] = [];
  const keys: DuplicateKey[] = [];
  visit(doc, {
    Map(_, map, ancestors) {
      const groups = new Map<string, Pair[]>();
      for (const pair of map.items) {
        const text = keyText(pair);
        if (text === undefined) continue;
        const group = groups.get(text);
        if (group === undefined) groups.set(text, [pair]);
        else group.push(pair);
      }
      for (const [text, pairs] of groups) {
        if (pairs.length < 2) continue;
        choices.push({ map, pairs });
        const lines = pairs.map((pair) => {
          const range = isNode(pair.key) ? pair.key.range : undefined;
          return range === undefined || range === null ? lineOf(0) : lineOf(range[0]);
        });
        keys.push({ path: pointer(...pathOf(ancestors, map), text), lines });
      }
    },
  });
  if (choices.length === 0) return undefined;
  const combinations = choices.reduce((product, choice) => product * choice.pairs.length, 1);
  const complete = combinations <= MAX_VARIANTS;
  const picks: number[][] = [];
  if (complete) {
    for (let n = 0; n < combinations; n++) {
      let rest = n;
      // Counting down from every-last, so the first variant is the last-wins reading.
      picks.push(
        choices.map((choice) => {
          const pick = choice.pairs.length - 1 - (rest % choice.pairs.length);
          rest = Math.floor(rest / choice.pairs.length);
          return pick;
        }),
      );
    }
  } else
    picks.push(
      choices.map((choice) => choice.pairs.length - 1),
      choices.map(() => 0),
    );
  const original = new Map(choices.map((choice) => [choice.map, [...choice.map.items]]));
  const variants = picks.map((pick) => {
    const dropped = new Set<Pair>();
    choices.forEach((choice, i) => {
      for (const pair of choice.pairs) if (pair !== choice.pairs[pick[i]!]) dropped.add(pair);
    });
    for (const [map, items] of original) map.items = items.filter((pair) => !dropped.has(pair));
    const value = toValue();
    for (const [map, items] of original) map.items = items;
    return value;
  });
  return { keys, variants, complete };
}
