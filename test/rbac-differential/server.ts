/**
 * The API server's side of the differential: create the generated objects as admin, wait for the
 * clusterrole-aggregation controller, read back role rules, and ask SubjectAccessReviews.
 */
import type { AccessRequest } from '../../src/model/types.js';
import type { ControlPlane } from '../harness/control-plane.js';
import type { RawRule } from './generate-rbac.js';
import type { Tuple } from './generate-tuples.js';
import type { ServerRoles } from './targets.js';

const RBAC_API = '/apis/rbac.authorization.k8s.io/v1';
const SAR_PATH = '/apis/authorization.k8s.io/v1/subjectaccessreviews';

/** Runs `fn` over the items with at most `limit` calls in flight; results keep the items' order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function collectionPath(object: Record<string, unknown>): string {
  const namespace = (object.metadata as { namespace?: string }).namespace;
  switch (object.kind) {
    case 'Namespace':
      return '/api/v1/namespaces';
    case 'ClusterRole':
      return `${RBAC_API}/clusterroles`;
    case 'ClusterRoleBinding':
      return `${RBAC_API}/clusterrolebindings`;
    case 'Role':
      return `${RBAC_API}/namespaces/${namespace}/roles`;
    case 'RoleBinding':
      return `${RBAC_API}/namespaces/${namespace}/rolebindings`;
    default:
      throw new Error(`rbac-differential: cannot create kind ${String(object.kind)}`);
  }
}

/** Creates the objects as admin: namespaces first, then the rest, `limit` at a time. */
export async function createObjects(
  cp: ControlPlane,
  objects: readonly Record<string, unknown>[],
  limit: number,
): Promise<void> {
  const create = async (object: Record<string, unknown>): Promise<void> => {
    const r = await cp.request('admin', 'POST', collectionPath(object), object);
    if (r.status !== 201) {
      const name = (object.metadata as { name?: string }).name;
      throw new Error(`creating ${String(object.kind)} ${name}: HTTP ${r.status} ${r.text}`);
    }
  };
  await mapLimit(
    objects.filter((o) => o.kind === 'Namespace'),
    limit,
    create,
  );
  await mapLimit(
    objects.filter((o) => o.kind !== 'Namespace'),
    limit,
    create,
  );
}

interface RoleList {
  items: { metadata: { name: string; namespace?: string }; rules?: RawRule[] | null }[];
}

/** Every Role and ClusterRole on the server with its stored rules. */
export async function fetchRoles(cp: ControlPlane): Promise<ServerRoles> {
  const roles = new Map<string, readonly RawRule[]>();
  for (const [kind, path] of [
    ['ClusterRole', `${RBAC_API}/clusterroles`],
    ['Role', `${RBAC_API}/roles`],
  ] as const) {
    const r = await cp.request<RoleList>('admin', 'GET', path);
    if (r.status !== 200) throw new Error(`GET ${path}: HTTP ${r.status} ${r.text}`);
    for (const item of r.json.items) {
      const key =
        kind === 'Role'
          ? `Role/${item.metadata.namespace}/${item.metadata.name}`
          : `ClusterRole/${item.metadata.name}`;
      roles.set(key, item.rules ?? []);
    }
  }
  return roles;
}

/** The SubjectAccessReview user of an identity ref; a group is asked as a nameless user in that group. */
export function sarUser(identity: string): { user: string; group?: string } {
  const [kind = '', ...rest] = identity.split('/');
  switch (kind) {
    case 'ServiceAccount':
      return { user: `system:serviceaccount:${rest[0]}:${rest.slice(1).join('/')}` };
    case 'User':
      return { user: rest.join('/') };
    case 'Group':
      return { user: '', group: rest.join('/') };
    default:
      throw new Error(`rbac-differential: not an identity ref: ${identity}`);
  }
}

/** What the server answered. */
export interface ServerAnswer {
  readonly allowed: boolean;
  readonly reason: string;
}

/**
 * The namespace attribute the API server's RequestInfo gives the request. The model's requests leave it out
 * for cluster-scoped resources, but `/api/v1/namespaces/<name>[/status|/finalize]` is authorized in `<name>`.
 */
function requestInfoNamespace(request: AccessRequest): string {
  if (request.apiGroup === '' && request.resource === 'namespaces' && request.name) return request.name;
  return request.namespace ?? '';
}

/** Asks one SubjectAccessReview, as admin, for the tuple with exactly these groups. */
export async function askServer(
  cp: ControlPlane,
  tuple: Tuple,
  groups: readonly string[],
): Promise<ServerAnswer> {
  const { user, group } = sarUser(tuple.identity);
  const attributes =
    tuple.kind === 'url'
      ? { nonResourceAttributes: { verb: tuple.verb, path: tuple.path } }
      : {
          resourceAttributes: {
            namespace: requestInfoNamespace(tuple.request),
            verb: tuple.request.verb,
            group: tuple.request.apiGroup,
            resource: tuple.request.resource,
            subresource: tuple.request.subresource ?? '',
            name: tuple.request.name ?? '',
          },
        };
  const body = {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SubjectAccessReview',
    spec: { user, groups: group === undefined ? [...groups] : [group, ...groups], ...attributes },
  };
  const r = await cp.request<{ status?: { allowed?: boolean; reason?: string; evaluationError?: string } }>(
    'admin',
    'POST',
    SAR_PATH,
    body,
  );
  if (r.status !== 201)
    throw new Error(`SubjectAccessReview ${JSON.stringify(body.spec)}: HTTP ${r.status} ${r.text}`);
  const status = r.json.status ?? {};
  const reason = [status.reason, status.evaluationError].filter((s) => s).join('; ');
  return { allowed: status.allowed === true, reason };
}
