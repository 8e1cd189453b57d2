/**
 * What the scanning identity itself may do, asked of the server with a SelfSubjectRulesReview per namespace:
 * the only kind of object chokepoint ever creates, and one the server never stores.
 */
import type { ScannerAccess } from '../snapshot.js';
import type { ApiClient } from './api-client.js';
import type { Limiter } from './pool.js';

const PATH = '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews';

/** The review of each namespace, sorted; namespaces the server would not review are left out. */
export async function reviewScanner(
  client: ApiClient,
  limiter: Limiter,
  namespaces: readonly string[],
): Promise<ScannerAccess[]> {
  const reviews = await Promise.all(
    namespaces.map((namespace) =>
      limiter.run(() =>
        client.post(PATH, {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectRulesReview',
          spec: { namespace },
        }),
      ),
    ),
  );
  const out: ScannerAccess[] = [];
  reviews.forEach((review, index) => {
    if (!review.ok) return;
    const status = (review.json as { status?: Record<string, unknown> }).status ?? {};
    out.push({
      namespace: namespaces[index]!,
      incomplete: status.incomplete === true,
      resourceRules: Array.isArray(status.resourceRules) ? status.resourceRules : [],
      nonResourceRules: Array.isArray(status.nonResourceRules) ? status.nonResourceRules : [],
    });
  });
  return out.sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
}
