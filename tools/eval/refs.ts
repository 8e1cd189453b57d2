/** Corpus refs to contract refs, and the small ref helpers the evaluator shares. */

/**
 * The corpus writes cluster-scoped objects and non-object subjects with an empty namespace segment
 * (`ClusterRole//name`, `User//jane`); the contract writes them `Kind/name`.
 */
export function normaliseRef(ref: string): string {
  const first = ref.indexOf('/');
  if (first < 0 || ref[first + 1] !== '/') return ref;
  return `${ref.slice(0, first)}${ref.slice(first + 1)}`;
}

/** The object a graph node or report ref stands for: a container `Kind/ns/name#c` is its workload. */
export function objectOf(ref: string): string {
  const hash = ref.indexOf('#');
  return hash < 0 ? ref : ref.slice(0, hash);
}

/** The kind of an object ref. */
export function kindOf(ref: string): string {
  const slash = ref.indexOf('/');
  return slash < 0 ? ref : ref.slice(0, slash);
}

/** The namespace of a namespaced object ref (`Kind/ns/name`), or undefined for `Kind/name`. */
export function namespaceOf(ref: string): string | undefined {
  const parts = ref.split('/');
  return parts.length >= 3 ? parts[1] : undefined;
}
