/**
 * How many nodes a YAML document's aliases would copy when expanded. A billion-laughs document is a few lines of
 * anchors whose aliases expand exponentially; measuring the expansion on the parsed tree, with sizes memoised per
 * node, refuses it before a single copy is made.
 */
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, visit } from 'yaml';

/** The nodes aliases copy (each alias counts the size of what it stands for); Infinity for a self-reference. */
export function aliasExpansion(doc: Document): number {
  const sizes = new Map<unknown, number>();
  const size = (node: unknown): number => {
    if (node === null || node === undefined) return 0;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, Number.POSITIVE_INFINITY); // in progress: an alias back into its own anchor never ends
    let total = 1;
    if (isAlias(node)) total = size(node.resolve(doc));
    else if (isPair(node)) total = size(node.key) + size(node.value);
    else if (isMap(node) || isSeq(node)) for (const item of node.items) total += size(item);
    else if (!isScalar(node)) total = 1;
    sizes.set(node, total);
    return total;
  };
  let copied = 0;
  try {
    visit(doc, {
      Alias(_, alias) {
        copied += size(alias);
      },
    });
  } catch (error) {
    if (error instanceof RangeError) return Number.POSITIVE_INFINITY;
    throw error;
  }
  return copied;
}
