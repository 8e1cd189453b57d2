/**
 * Which RBAC hubs some subject reaches. Hub fan-out is emitted only for reached hubs, and a hub is reached
 * directly by a grant or through namespace admin (admin of a namespace can create pods and read secrets there),
 * so the techniques that fan out share this one computation.
 */
import type { Model } from '../model/model.js';
import type { Grant } from '../model/types.js';
import { bindRole } from './bind-role.js';
import { escalateRole } from './escalate-role.js';
import {
  adminLevel,
  allowsAny,
  CONTROLLER_WRITE_REQUESTS,
  POD_CREATE_REQUESTS,
  SECRET_READ_REQUESTS,
} from './rbac-scan.js';
import type { Edge } from './types.js';
import { compareText } from './workload-helpers.js';

/** Reached hub scopes per capability: namespaces, and `*` when the cluster-wide hub is reached. */
export interface ReachedHubs {
  readonly namespaceAdmin: ReadonlySet<string>;
  readonly createPods: ReadonlySet<string>;
  readonly readSecrets: ReadonlySet<string>;
}

const cache = new WeakMap<Model, ReachedHubs>();

const NAMESPACE_ADMIN = 'hub:namespace-admin/';

function adminScopes(edges: readonly Edge[]): string[] {
  return edges
    .filter((edge) => edge.to.startsWith(NAMESPACE_ADMIN))
    .map((edge) => edge.to.slice(NAMESPACE_ADMIN.length));
}

/** The namespaces a set of scopes covers: every namespace of the model for `*`, sorted. */
export function namespacesOf(model: Model, scopes: ReadonlySet<string>): string[] {
  const names = new Set([...scopes].filter((scope) => scope !== '*'));
  if (scopes.has('*')) for (const namespace of model.namespaces) names.add(namespace.name);
  return [...names].sort(compareText);
}

/** True when the grant reads every Secret in its scope: list or watch, or get without resourceNames. */
export function readsAllSecrets(grant: Grant): boolean {
  return allowsAny(grant, SECRET_READ_REQUESTS);
}

/** The hubs some subject reaches, computed once per model. */
export function reachedHubs(model: Model): ReachedHubs {
  const cached = cache.get(model);
  if (cached !== undefined) return cached;
  const namespaceAdmin = new Set<string>([
    ...adminScopes(bindRole.find(model)),
    ...adminScopes(escalateRole.find(model)),
  ]);
  const createPods = new Set<string>();
  const readSecrets = new Set<string>();
  for (const grant of model.grants) {
    const level = adminLevel(grant);
    if (level === 'namespace') namespaceAdmin.add(grant.scope);
    if (level !== undefined) continue;
    // Rewriting a controller's pod template is creating pods (patch-pod).
    if (allowsAny(grant, POD_CREATE_REQUESTS) || allowsAny(grant, CONTROLLER_WRITE_REQUESTS))
      createPods.add(grant.scope);
    if (readsAllSecrets(grant)) readSecrets.add(grant.scope);
  }
  for (const namespace of namespacesOf(model, namespaceAdmin)) {
    createPods.add(namespace);
    readSecrets.add(namespace);
  }
  const reached = { namespaceAdmin, createPods, readSecrets };
  cache.set(model, reached);
  return reached;
}
