/**
 * Who the scanner is, asked of the server with a SelfSubjectReview (`authentication.k8s.io/v1`, GA in 1.28): an
 * access-review kind the server answers from the request's own credentials and never stores. Older servers
 * (404) and authenticators that refuse it leave the identity unknown, which is reported, not guessed.
 */
import type { ScannerIdentity } from '../snapshot.js';
import type { ApiClient } from './api-client.js';

const PATH = '/apis/authentication.k8s.io/v1/selfsubjectreviews';

/** The scanning identity's user name and groups, or why the server would not say. */
export async function reviewSelf(
  client: ApiClient,
): Promise<{ readonly identity: ScannerIdentity } | { readonly unknown: string }> {
  const answer = await client.post(PATH, {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'SelfSubjectReview',
  });
  if (!answer.ok) return { unknown: answer.reason };
  const status = (answer.json as { status?: { userInfo?: Record<string, unknown> } }).status;
  const user = status?.userInfo ?? {};
  if (typeof user.username !== 'string' || user.username === '')
    return { unknown: 'the SelfSubjectReview named no user' };
  const groups = Array.isArray(user.groups)
    ? user.groups.filter((g): g is string => typeof g === 'string').sort()
    : [];
  return { identity: { username: user.username, groups } };
}
