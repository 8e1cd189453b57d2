/**
 * Random RBAC rules: wildcards, `*\/sub`, the `pods/*` literal, subresources, resourceNames (the empty name
 * too), and nonResourceURLs in exact and prefix forms.
 */
import {
  GROUPS,
  NAMES,
  RESOURCES,
  STAR_SUBRESOURCES,
  SUBRESOURCE_RULES,
  URL_RULES,
  URL_VERBS,
  VERBS,
} from './catalog.js';
import type { Random } from './seeded-random.js';

/** A rule as written in a Role. */
export interface RawRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** A random resource rule: wildcards, `*\/sub`, the `pods/*` literal, subresources, plain resources. */
export function resourceRule(rng: Random): RawRule {
  const verbs = rng.chance(0.15) ? ['*'] : rng.some(VERBS, rng.int(1, 3));
  const wildGroup = rng.chance(0.15);
  const shape = rng.next();
  let resources: string[];
  let apiGroups: string[];
  if (shape < 0.1) {
    resources = ['*'];
    apiGroups = rng.chance(0.5) ? ['*'] : rng.some(GROUPS, rng.int(1, 2));
  } else if (shape < 0.22) {
    resources = [`*/${rng.chance(0.15) ? '*' : rng.pick(STAR_SUBRESOURCES)}`];
    apiGroups = rng.chance(0.5) ? ['*'] : rng.some(['', 'apps', 'example.com'], rng.int(1, 2));
  } else if (shape < 0.34) {
    resources = rng.chance(0.7) ? ['pods/*'] : ['pods/*', rng.pick(['secrets', 'configmaps'])];
    apiGroups = wildGroup ? ['*'] : [''];
  } else if (shape < 0.55) {
    resources = rng.some(SUBRESOURCE_RULES, rng.int(1, 2));
    const groups = resources.map((r) => RESOURCES.find((k) => r.startsWith(`${k.resource}/`))?.group ?? '');
    apiGroups = wildGroup ? ['*'] : [...new Set(groups)];
  } else {
    const kinds = rng.some(RESOURCES, rng.int(1, 3));
    resources = kinds.map((k) => k.resource);
    apiGroups = wildGroup ? ['*'] : [...new Set(kinds.map((k) => k.group))];
  }
  const rule: RawRule = { verbs, apiGroups, resources };
  if (rng.chance(0.28)) {
    // An empty name is valid, and is the name of every request that names no object.
    const names = rng.some(NAMES.slice(0, 3), rng.int(1, 2));
    rule.resourceNames = rng.chance(0.1) ? [...names, ''] : names;
  }
  return rule;
}

/** How many shapes featureRule has. */
export const FEATURE_SHAPES = 8;

/** The featureRule shape of a rule on the namespaces resource. */
export const NAMESPACES_SHAPE = 6;

/**
 * A rule of a shape random rules reach too rarely for every run to test it: resourceNames with a create on a
 * subresource (which names its parent) or at the top level (which names nothing), with list/watch, the
 * empty name (which every request without a name carries), `*`, `*\/sub`, `pods/*`, and the `namespaces`
 * resource (authorized in the namespace it names).
 */
export function featureRule(rng: Random, shape: number = rng.int(0, FEATURE_SHAPES - 1)): RawRule {
  const names = rng.some(NAMES.slice(0, 3), rng.int(1, 2));
  switch (shape) {
    case 0: {
      const resources = [rng.pick(['pods/exec', 'pods/attach', 'pods/eviction', 'serviceaccounts/token'])];
      return {
        verbs: rng.chance(0.5) ? ['create'] : ['create', 'get'],
        apiGroups: [''],
        resources,
        resourceNames: names,
      };
    }
    case 1: {
      const verbs = ['create', rng.pick(['get', 'update', 'delete'])];
      return {
        verbs,
        apiGroups: [''],
        resources: [rng.pick(['secrets', 'configmaps'])],
        resourceNames: names,
      };
    }
    case 2: {
      const kind = rng.pick(RESOURCES.filter((k) => k.namespaced));
      const verbs = rng.chance(0.5) ? ['list', 'watch'] : ['list', 'watch', 'get'];
      return { verbs, apiGroups: [kind.group], resources: [kind.resource], resourceNames: names };
    }
    case 3: {
      const apiGroups = rng.chance(0.5) ? ['*'] : rng.some(['', 'apps', 'example.com'], rng.int(1, 2));
      const verbs = rng.chance(0.3) ? ['*'] : rng.some(['get', 'update', 'patch'], rng.int(1, 2));
      return { verbs, apiGroups, resources: [`*/${rng.pick(STAR_SUBRESOURCES)}`] };
    }
    case 4: {
      // Narrow enough (a verb or two, one group) not to answer every other question of its holders.
      const verbs = rng.some(['get', 'list', 'watch', 'patch'], rng.int(1, 2));
      return { verbs, apiGroups: [rng.pick(GROUPS)], resources: ['*'] };
    }
    case 5: {
      const verbs = rng.some(['list', 'watch', 'create', 'deletecollection', 'get'], rng.int(2, 3));
      const resources = [rng.pick(['secrets', 'configmaps', 'pods'])];
      return {
        verbs,
        apiGroups: [''],
        resources,
        resourceNames: rng.chance(0.5) ? [''] : ['', names[0] ?? 'db'],
      };
    }
    case NAMESPACES_SHAPE: {
      // In a Role, this is about the Role's own namespace: its RequestInfo namespace is the name.
      const verbs = rng.some(['get', 'patch', 'update', 'delete'], rng.int(1, 2));
      return {
        verbs,
        apiGroups: [''],
        resources: rng.chance(0.7) ? ['namespaces'] : ['namespaces', 'namespaces/status'],
      };
    }
    default:
      return {
        verbs: rng.chance(0.2) ? ['*'] : rng.some(VERBS, rng.int(2, 4)),
        apiGroups: [''],
        resources: ['pods/*'],
      };
  }
}

/** A non-resource rule: any form, only exact paths, or with a `*` prefix form. */
export function urlRule(rng: Random, form: 'any' | 'exact' | 'prefix' = 'any'): RawRule {
  const verbs = rng.chance(0.2) ? ['*'] : rng.some(URL_VERBS, rng.int(1, 2));
  const all = URL_RULES.flat();
  switch (form) {
    case 'exact':
      return {
        verbs,
        nonResourceURLs: rng.some(
          all.filter((u) => !u.endsWith('*')),
          rng.int(1, 2),
        ),
      };
    case 'prefix':
      return { verbs, nonResourceURLs: [rng.pick(all.filter((u) => u.endsWith('*')))] };
    default:
      return { verbs, nonResourceURLs: rng.chance(0.06) ? ['*'] : [...rng.pick(URL_RULES)] };
  }
}

/** `min` to `max` random resource rules. */
export function rules(rng: Random, min: number, max: number): RawRule[] {
  return Array.from({ length: rng.int(min, max) }, () => resourceRule(rng));
}
