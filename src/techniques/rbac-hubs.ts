/**
 * Which RBAC hubs some subject reaches. Hub fan-out is emitted only for reached hubs, and a hub is reached
 * directly by a grant or through namespace admin (admin of a namespace can create pods and read secrets there),
 * so the techniques that fan out share this one computation.
 */
import { memoKey } from '../model/memo.js';
import type { Model } from '../model/model.js';
import type { RoleRules } from '../model/types.js';
import { bindRole } from './bind-role.js';
import { escalateRole } from './escalate-role.js';
import {
  CONTROLLER_WRITE_REQUESTS,
  isAdminRule,
  isFullWildcard,
  POD_CREATE_REQUESTS,
  ruleAllowsAny,
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

const REACHED_HUBS = memoKey<ReachedHubs>('reached hubs');

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

/** What the rules of one role give, below and at admin level. */
interface RuleKinds {
  readonly adminRole: boolean;
  readonly wildcard: boolean;
  readonly createsPods: boolean;
  readonly readsSecrets: boolean;
}

function ruleKinds({ role, rules }: RoleRules): RuleKinds {
  const below = rules.filter(({ rule }) => !isAdminRule(rule, role)).map(({ rule }) => rule);
  return {
    adminRole: rules.some(({ rule }) => isAdminRule(rule, role) && !isFullWildcard(rule)),
    wildcard: rules.some(({ rule }) => isFullWildcard(rule)),
    // Rewriting a controller's pod template is creating pods (patch-pod).
    createsPods: below.some(
      (rule) => ruleAllowsAny(rule, POD_CREATE_REQUESTS) || ruleAllowsAny(rule, CONTROLLER_WRITE_REQUESTS),
    ),
    // Reading every Secret of the scope: list or watch, or get without resourceNames.
    readsSecrets: below.some((rule) => ruleAllowsAny(rule, SECRET_READ_REQUESTS)),
  };
}

/** The hubs some subject reaches, computed once per model. */
export function reachedHubs(model: Model): ReachedHubs {
  return model.memo.of(REACHED_HUBS, () => {
    const namespaceAdmin = new Set<string>([
      ...adminScopes(bindRole.find(model)),
      ...adminScopes(escalateRole.find(model)),
    ]);
    const createPods = new Set<string>();
    const readSecrets = new Set<string>();
    const kinds = new Map<RoleRules, RuleKinds>();
    for (const item of model.bound) {
      let kind = kinds.get(item.rules);
      if (kind === undefined) {
        kind = ruleKinds(item.rules);
        kinds.set(item.rules, kind);
      }
      // A full wildcard is namespace admin only through a RoleBinding; the admin role is in any scope.
      if (kind.adminRole || (kind.wildcard && item.scope !== '*')) namespaceAdmin.add(item.scope);
      if (kind.createsPods) createPods.add(item.scope);
      if (kind.readsSecrets) readSecrets.add(item.scope);
    }
    for (const namespace of namespacesOf(model, namespaceAdmin)) {
      createPods.add(namespace);
      readSecrets.add(namespace);
    }
    return { namespaceAdmin, createPods, readSecrets };
  });
}
