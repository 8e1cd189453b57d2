/**
 * Lists one collection page by page (`limit`/`continue`). When the continue token expires (410 Gone: etcd
 * compacted the revision the list started from) the whole list starts again, so no page mixes two revisions.
 * Each page's items go through `keep` as the page arrives, so a list of 150,000 pods is never held as the
 * server sent it: only what `keep` returns outlives its page.
 */
import type { GapKind } from '../snapshot.js';
import type { ApiClient } from './api-client.js';
import { readPage } from './list-page.js';
import type { Limiter } from './pool.js';

/** Items per page: small enough to keep each answer short, large enough to keep requests few. */
export const PAGE_SIZE = 500;
/** Fresh re-lists after a 410 before giving up. */
const RELISTS = 3;

/** The kept items of a list, or the failure that stopped it. */
export type Listed<T = unknown> =
  | { readonly ok: true; readonly items: readonly T[]; readonly columns: readonly string[] }
  | { readonly ok: false; readonly status?: number; readonly kind?: GapKind; readonly reason: string };

/** What to list: a path, the Accept header, and extra query (field selectors, Table options). */
export interface ListRequest {
  readonly path: string;
  readonly accept?: string;
  readonly query?: Readonly<Record<string, string>>;
}

/** What becomes of each item: its kept form, or undefined to drop it. */
export type Keep<T> = (item: unknown) => T | undefined;

/** Lists every page; Table answers give their `rows`, the others their `items`, each through `keep`. */
export async function listAll<T = unknown>(
  client: ApiClient,
  limiter: Limiter,
  request: ListRequest,
  keep: Keep<T> = (item) => item as T,
): Promise<Listed<T>> {
  for (let relist = 0; ; relist++) {
    const items: T[] = [];
    let columns: string[] = [];
    let token: string | undefined;
    let gone = false;
    do {
      const query = new URLSearchParams({ ...request.query, limit: String(PAGE_SIZE) });
      if (token !== undefined) query.set('continue', token);
      const url = `${request.path}?${query.toString()}`;
      const answer = await limiter.run(() => client.getBody(url, request.accept));
      if (!answer.ok) {
        if (answer.status === 410 && relist < RELISTS) {
          gone = true;
          break;
        }
        return answer;
      }
      const page = readPage(answer.body, keep);
      if (!page.ok) return page;
      if (page.columns !== undefined) columns = page.columns;
      for (const item of page.items) items.push(item);
      token = page.continue;
    } while (token !== undefined);
    if (!gone) return { ok: true, items, columns };
  }
}
