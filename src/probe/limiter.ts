/** Bounds the probe: at most `concurrency` (host, port) checks at once, and at most `rate` requests a second. */

/** A rate limit shared by every request of one probe run. */
export interface RateLimiter {
  /** Resolves when the next request may be sent. */
  take(): Promise<void>;
}

/** Spaces requests `1000 / rate` ms apart (no bursts), in the order they asked. */
export function rateLimiter(rate: number): RateLimiter {
  const gap = 1000 / rate;
  let next = 0;
  return {
    take() {
      const now = Date.now();
      const at = Math.max(now, next);
      next = at + gap;
      return at <= now ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, at - now));
    },
  };
}

/** Runs `work` over `items` with at most `concurrency` in flight; results keep the items' order. */
export async function mapBounded<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let index = 0;
  const worker = async () => {
    while (index < items.length) {
      const mine = index++;
      out[mine] = await work(items[mine] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}
