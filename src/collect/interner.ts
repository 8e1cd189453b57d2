/**
 * One copy of each repeated string of a snapshot. `JSON.parse` and the YAML parser give every value its own
 * string, and a cluster repeats the same few values everywhere (`IfNotPresent`, `TCP`, image names, label
 * values, namespaces): R15k holds 1.77 million string values of which 85,000 differ, about 40% of the slim
 * snapshot's heap. Interned while projecting, so the duplicates die young. Scoped to one read, not the process.
 */

/** Strings longer than this are kept as they are: long values are rarely repeated (certificates, scripts). */
const MAX_INTERNED_LENGTH = 256;

/** The strings and List item paths of one read, each kept once. */
export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly itemPaths: (readonly ['items', number])[] = [];

  /** The one copy of `text` (the first one seen). */
  string(text: string): string {
    if (text.length > MAX_INTERNED_LENGTH) return text;
    const kept = this.strings.get(text);
    if (kept !== undefined) return kept;
    this.strings.set(text, text);
    return text;
  }

  /** The one `['items', index]` path of List item `index` (locations are read-only, so they can share it). */
  itemPath(index: number): readonly ['items', number] {
    let path = this.itemPaths[index];
    if (path === undefined) {
      path = Object.freeze(['items', index] as ['items', number]);
      this.itemPaths[index] = path;
    }
    return path;
  }

  /** Replaces, in place, every string inside freshly parsed JSON by its one copy. */
  internAll(value: unknown): void {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'string') value[i] = this.string(item);
        else this.internAll(item);
      }
      return;
    }
    const object = value as Record<string, unknown>;
    for (const key in object) {
      const inner = object[key];
      if (typeof inner === 'string') object[key] = this.string(inner);
      else this.internAll(inner);
    }
  }
}
