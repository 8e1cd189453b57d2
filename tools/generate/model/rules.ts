import type { PolicyRule } from './object-specs.js';

/** Read-only verbs, the most common rule in real clusters. */
export const READ = ['get', 'list', 'watch'] as const;

/** Verbs that change objects without deleting them. */
export const WRITE = ['create', 'update', 'patch'] as const;

/** Everything a controller usually needs on its own resources. */
export const ALL_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] as const;

/** A resource rule; `''` is the core API group. */
export function rule(
  apiGroups: readonly string[],
  resources: readonly string[],
  verbs: readonly string[],
  resourceNames?: readonly string[],
): PolicyRule {
  return { apiGroups, resources, verbs, resourceNames };
}

/** A rule on non-resource URLs such as `/metrics` or `/healthz`. */
export function urlRule(urls: readonly string[], verbs: readonly string[]): PolicyRule {
  return { nonResourceURLs: urls, verbs };
}

/** The wildcard rule of cluster-admin and of the occasional over-eager custom role. */
export const WILDCARD_RULE: PolicyRule = { apiGroups: ['*'], resources: ['*'], verbs: ['*'] };
