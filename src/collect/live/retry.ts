/** When and how long to wait before retrying a request: bounded, and honouring the server's `Retry-After`. */

/** Retry settings of the live client. */
export interface RetryPolicy {
  /** Attempts per request, the first included. */
  readonly attempts: number;
  /** Backoff of the first retry, doubled after each. */
  readonly baseDelayMs: number;
  /** No wait is longer than this, whatever `Retry-After` asks. */
  readonly maxDelayMs: number;
}

/** The default: 6 attempts, 250 ms doubling, at most 10 s between attempts (about 25 s of waiting in all). */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 250, maxDelayMs: 10_000 };

/** Statuses worth retrying: throttling and server-side failures that are usually transient. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/** The wait before retry number `retry` (1-based): `Retry-After` (seconds or a date) when given, else backoff. */
export function retryDelayMs(
  policy: RetryPolicy,
  retry: number,
  retryAfter: string | undefined,
  now: number = Date.now(),
): number {
  const asked = parseRetryAfter(retryAfter, now);
  const backoff = policy.baseDelayMs * 2 ** (retry - 1);
  return Math.min(asked ?? backoff, policy.maxDelayMs);
}

function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
