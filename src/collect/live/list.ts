/**
 * Lists one collection page by page (`limit`/`continue`). When the continue token expires (410 Gone: etcd
 * compacted the revision the list started from) the whole list starts again, so no page mixes two revisions.
 */
import type { ApiClient, ApiResult } from './api-client.js';
import type { Limiter } from './pool.js';

/** Items per page: small enough to keep each answer short, large enough to keep requests few. */
export const PAGE_SIZE = 500;
/** Fresh re-lists after a 410 before giving up. */
const RELISTS = 3;

/** The items of a list, or the failure that stopped it. */
export type Listed =
  | { readonly ok: true; readonly items: readonly unknown[]; readonly columns: readonly string[] }
  | { readonly ok: false; readonly status?: number; readonly reason: string };

/** What to list: a path, the Accept header, and extra query (field selectors, Table options). */
export interface ListRequest {
  readonly path: string;
  readonly accept?: string;
  readonly query?: Readonly<Record<string, string>>;
}

/** Lists every page; Table answers give their `rows`, the others their `items`. */
export async function listAll(client: ApiClient, limiter: Limiter, request: ListRequest): Promise<Listed> {
  for (let relist = 0; ; relist++) {
    const items: unknown[] = [];
    let columns: string[] = [];
    let token: string | undefined;
    let gone = false;
    do {
      const query = new URLSearchParams({ ...request.query, limit: String(PAGE_SIZE) });
      if (token !== undefined) query.set('continue', token);
      const url = `${request.path}?${query.toString()}`;
      const page: ApiResult = await limiter.run(() => client.get(url, request.accept));
      if (!page.ok) {
        if (page.status === 410 && relist < RELISTS) {
          gone = true;
          break;
        }
        return page;
      }
      const body = page.json as {
        items?: unknown;
        rows?: unknown;
        columnDefinitions?: unknown;
        metadata?: { continue?: unknown };
      };
      if (Array.isArray(body.columnDefinitions))
        columns = body.columnDefinitions.map((c) => String((c as { name?: unknown }).name ?? ''));
      const batch = Array.isArray(body.items) ? body.items : Array.isArray(body.rows) ? body.rows : [];
      for (const item of batch) items.push(item);
      const next = body.metadata?.continue;
      token = typeof next === 'string' && next !== '' ? next : undefined;
    } while (token !== undefined);
    if (!gone) return { ok: true, items, columns };
  }
}
