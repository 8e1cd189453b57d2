/**
 * What is derived from one model on demand: RBAC grants, reach classes, the techniques' lookup tables. They serve
 * the techniques, the facts and the entries. The graph, the plan and the report never ask for them, so the pipeline
 * releases them once those are found: at 150,000 pods about 50 MiB of live heap the rest of the run would otherwise
 * carry. A query after the release builds afresh what it needs, with the same answers.
 */

/** Names one derived value; `T` is its type. */
export interface MemoKey<T> {
  readonly name: string;
  /** Never set: it ties the key to the type of its value. */
  readonly value?: T;
}

export function memoKey<T>(name: string): MemoKey<T> {
  return { name };
}

/** The derived values of one model. */
export class Memo {
  #values = new Map<MemoKey<unknown>, unknown>();

  /** The value of `key`, built on first use since the model was made or last released. */
  of<T>(key: MemoKey<T>, build: () => T): T {
    const values = this.#values;
    const cached = values.get(key);
    if (cached !== undefined || values.has(key)) return cached as T;
    const value = build();
    values.set(key, value);
    return value;
  }

  /** How many derived values are held. */
  get size(): number {
    return this.#values.size;
  }

  /** Lets every derived value go. Objects the techniques returned (edges, facts) keep what they hold. */
  release(): void {
    this.#values = new Map();
  }
}
