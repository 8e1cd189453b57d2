/**
 * The API server's side of the escalation test: create objects as admin, mint service-account tokens, and
 * send one escalation attempt as a test identity, judged by its status code.
 */
import type { Caller, ControlPlane } from '../harness/control-plane.js';
import type { Attempt } from './scenarios.js';

const RBAC_API = '/apis/rbac.authorization.k8s.io/v1';

function collectionPath(object: Record<string, unknown>): string {
  const namespace = (object.metadata as { namespace?: string }).namespace ?? 'default';
  switch (object.kind) {
    case 'Namespace':
      return '/api/v1/namespaces';
    case 'ServiceAccount':
      return `/api/v1/namespaces/${namespace}/serviceaccounts`;
    case 'ClusterRole':
      return `${RBAC_API}/clusterroles`;
    case 'ClusterRoleBinding':
      return `${RBAC_API}/clusterrolebindings`;
    case 'Role':
      return `${RBAC_API}/namespaces/${namespace}/roles`;
    case 'RoleBinding':
      return `${RBAC_API}/namespaces/${namespace}/rolebindings`;
    case 'Pod':
      return `/api/v1/namespaces/${namespace}/pods`;
    case 'CertificateSigningRequest':
      return '/apis/certificates.k8s.io/v1/certificatesigningrequests';
    default:
      throw new Error(`escalation test: cannot create kind ${String(object.kind)}`);
  }
}

/** Kinds the escalation test creates on the server; a corpus file's pods are left to the model. */
export const CREATED_KINDS: ReadonlySet<string> = new Set([
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'Namespace',
  'Role',
  'RoleBinding',
  'ServiceAccount',
]);

/** Creates the objects as admin, namespaces first; an object that already exists is fine. */
export async function createAll(
  cp: ControlPlane,
  objects: readonly Record<string, unknown>[],
  kinds: ReadonlySet<string> = CREATED_KINDS,
): Promise<void> {
  const ordered = [
    ...objects.filter((o) => o.kind === 'Namespace'),
    ...objects.filter((o) => o.kind !== 'Namespace' && kinds.has(String(o.kind))),
  ];
  for (const object of ordered) {
    const r = await cp.request('admin', 'POST', collectionPath(object), object);
    if (r.status !== 201 && r.status !== 409) {
      const name = (object.metadata as { name?: string }).name;
      throw new Error(`creating ${String(object.kind)} ${name}: HTTP ${r.status} ${r.text}`);
    }
  }
}

/** A short-lived token of a service account, minted by admin through the TokenRequest API. */
export async function tokenOf(cp: ControlPlane, namespace: string, name: string): Promise<string> {
  const body = { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: {} };
  const path = `/api/v1/namespaces/${namespace}/serviceaccounts/${name}/token`;
  const r = await cp.request<{ status?: { token?: string } }>('admin', 'POST', path, body);
  const token = r.json?.status?.token;
  if (r.status !== 201 || token === undefined)
    throw new Error(`token for ${namespace}/${name}: ${r.status} ${r.text}`);
  return token;
}

/**
 * How long a later step of an attempt retries a 403. The RBAC authorizer reads bindings from a watch cache, so a
 * grant the step before created can take a moment to count; sent at once, the step was sometimes denied.
 */
const GRANT_PROPAGATION_MS = 3000;

/** Sends the attempt; true when the server allowed it, false on 403; anything else is a broken test. */
export async function allowed(cp: ControlPlane, who: Caller, attempt: Attempt): Promise<boolean> {
  const steps = [attempt, ...(attempt.andThen ?? [])];
  for (const [i, step] of steps.entries()) {
    const send = () =>
      cp.request(who, step.method, step.path, step.body, {
        ...(step.contentType === undefined ? {} : { contentType: step.contentType }),
        ...(step.headers === undefined ? {} : { headers: { ...step.headers } }),
      });
    let r = await send();
    const deadline = Date.now() + GRANT_PROPAGATION_MS;
    while (i > 0 && r.status === 403 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      r = await send();
    }
    if (r.status === 403) return false;
    if (r.status < 200 || r.status >= 300)
      throw new Error(`${step.what}: unexpected HTTP ${r.status} ${r.text}`);
  }
  return true;
}
