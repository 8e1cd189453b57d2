/**
 * Questions for the differential: mostly aimed at a rule some identity holds (so many are allowed), some of
 * them then nudged in one dimension (verb, group, subresource, name, namespace, identity) to land just beside
 * the rule, and some entirely random. Attributes are shaped like real requests: a top-level create and a
 * deletecollection carry no name, a subresource request always names its object, only list/watch go across
 * namespaces, and cluster-scoped resources carry no namespace.
 */
import type { AccessRequest } from '../../src/model/types.js';
import { GROUPS, kindOf, NAMES, RESOURCES, type ResourceKind, URL_VERBS, URLS, VERBS } from './catalog.js';
import type { RawRule } from './generate-rbac.js';
import { ruleSampler } from './rule-sampler.js';
import type { Random } from './seeded-random.js';
import type { Target } from './targets.js';

/** One question: a resource request or a non-resource request, for one identity ref. */
export type Tuple =
  | { readonly kind: 'resource'; readonly identity: string; readonly request: AccessRequest }
  | { readonly kind: 'url'; readonly identity: string; readonly verb: string; readonly path: string };

/** How many questions of each kind to generate. */
export interface TupleCounts {
  readonly resource: number;
  readonly url: number;
}

interface Draft {
  verb: string;
  apiGroup: string;
  resource: string;
  subresource?: string | undefined;
  namespace?: string | undefined;
  name?: string | undefined;
}

function kindFor(rng: Random, group: string, sub?: string): ResourceKind {
  const fits = RESOURCES.filter(
    (k) => (group === '*' || k.group === group) && (sub === undefined || k.subresources.includes(sub)),
  );
  if (fits.length > 0) return rng.pick(fits);
  return {
    group: group === '*' ? rng.pick(GROUPS) : group,
    resource: 'things',
    namespaced: true,
    subresources: [],
  };
}

/** A request the rule allows in its scope, before shaping. */
function aimAt(rng: Random, rule: RawRule, scope: string, namespaces: readonly string[]): Draft {
  const verbs = rule.verbs;
  const verb = verbs.includes('*') ? rng.pick(VERBS) : rng.pick(verbs);
  const groupPattern = rng.pick(rule.apiGroups ?? ['']);
  const pattern = rng.pick(rule.resources ?? ['*']);
  const [base = '', sub] = pattern.split('/');
  let kind: ResourceKind;
  let subresource: string | undefined;
  if (base === '*') {
    kind = kindFor(rng, groupPattern, sub);
    subresource =
      sub ?? (rng.chance(0.25) && kind.subresources.length > 0 ? rng.pick(kind.subresources) : undefined);
  } else {
    const known = RESOURCES.filter(
      (k) => k.resource === base && (groupPattern === '*' || k.group === groupPattern),
    );
    kind =
      known.length > 0
        ? rng.pick(known)
        : { group: groupPattern, resource: base, namespaced: true, subresources: [] };
    if (sub === '*')
      subresource = rng.chance(0.2) || kind.subresources.length === 0 ? '*' : rng.pick(kind.subresources);
    else subresource = sub;
  }
  const apiGroup = groupPattern === '*' && rng.chance(0.2) ? rng.pick(GROUPS) : kind.group;
  const names = rule.resourceNames ?? [];
  const name =
    names.length > 0 && rng.chance(0.8) ? rng.pick(names) : rng.chance(0.7) ? rng.pick(NAMES) : undefined;
  const namespace = scope === '*' ? (rng.chance(0.85) ? rng.pick(namespaces) : undefined) : scope;
  return { verb, apiGroup, resource: kind.resource, subresource, namespace, name };
}

/** Shapes the attributes as a real request of that verb would carry them. */
function shape(rng: Random, draft: Draft, namespaces: readonly string[]): AccessRequest {
  // No request carries an empty name: one aimed at resourceNames [""] is a request that names nothing.
  const d = { ...draft, name: draft.name === '' ? undefined : draft.name };
  const namespaced = kindOf(d.apiGroup, d.resource)?.namespaced ?? true;
  if (d.subresource !== undefined) {
    if (d.verb === 'list' || d.verb === 'watch' || d.verb === 'deletecollection') d.verb = 'get';
    d.name ??= rng.pick(NAMES);
  } else if (d.verb === 'create' || d.verb === 'deletecollection') d.name = undefined;
  else if (d.verb !== 'list' && d.verb !== 'watch') d.name ??= rng.pick(NAMES);
  // A namespace is asked about by name, often the one the aimed-at rule is bound in (see askServer).
  if (d.apiGroup === '' && d.resource === 'namespaces' && d.name !== undefined && rng.chance(0.7))
    d.name = d.namespace ?? rng.pick(namespaces);
  if (!namespaced) d.namespace = undefined;
  else if (d.namespace === undefined && d.verb !== 'list' && d.verb !== 'watch')
    d.namespace = rng.pick(namespaces);
  return {
    verb: d.verb,
    apiGroup: d.apiGroup,
    resource: d.resource,
    ...(d.subresource !== undefined ? { subresource: d.subresource } : {}),
    ...(d.namespace !== undefined ? { namespace: d.namespace } : {}),
    ...(d.name !== undefined ? { name: d.name } : {}),
  };
}

/** Moves a request one step aside in one dimension. */
function nudge(rng: Random, d: Draft, namespaces: readonly string[]): Draft {
  switch (rng.int(0, 5)) {
    case 0:
      return { ...d, verb: rng.pick(VERBS) };
    case 1:
      return { ...d, apiGroup: rng.pick(GROUPS) };
    case 2: {
      const kind = kindOf(d.apiGroup, d.resource);
      const subs = [undefined, '*', ...(kind?.subresources ?? ['status'])];
      return { ...d, subresource: rng.pick(subs) };
    }
    case 3:
      return { ...d, name: rng.pick([...NAMES, undefined]) };
    case 4:
      return { ...d, namespace: rng.pick([...namespaces, undefined]) };
    default:
      return { ...d, resource: rng.pick(RESOURCES).resource };
  }
}

function randomDraft(rng: Random, namespaces: readonly string[]): Draft {
  const kind = rng.pick(RESOURCES);
  return {
    verb: rng.pick(VERBS),
    apiGroup: kind.group,
    resource: kind.resource,
    subresource: rng.chance(0.3) && kind.subresources.length > 0 ? rng.pick(kind.subresources) : undefined,
    namespace: rng.pick([...namespaces, undefined]),
    name: rng.chance(0.6) ? rng.pick(NAMES) : undefined,
  };
}

function urlFrom(rng: Random, pattern: string): string {
  if (pattern === '*') return rng.pick(URLS);
  if (!pattern.endsWith('*')) return pattern;
  return `${pattern.replace(/\*+$/, '')}${rng.pick(['', 'x', 'etcd', '/deep/er'])}`;
}

/** Generates the questions for one world. */
export function generateTuples(
  rng: Random,
  world: { readonly identities: readonly string[]; readonly namespaces: readonly string[] },
  targets: readonly Target[],
  counts: TupleCounts,
): Tuple[] {
  const { identities, namespaces } = world;
  const tuples: Tuple[] = [];
  const aimResource = ruleSampler(rng, targets, 'resources');
  const aimUrl = ruleSampler(rng, targets, 'nonResourceURLs');
  for (let i = 0; i < counts.resource; i++) {
    const roll = rng.next();
    if (roll < 0.1 || aimResource === undefined) {
      const request = shape(rng, randomDraft(rng, namespaces), namespaces);
      tuples.push({ kind: 'resource', identity: rng.pick(identities), request });
      continue;
    }
    const aim = aimResource();
    let draft = aimAt(rng, aim.rule, aim.scope, namespaces);
    let identity = aim.identity;
    if (roll > 0.72) {
      if (rng.chance(0.12)) identity = rng.pick(identities);
      else draft = nudge(rng, draft, namespaces);
    }
    tuples.push({ kind: 'resource', identity, request: shape(rng, draft, namespaces) });
  }
  for (let i = 0; i < counts.url; i++) {
    if (rng.chance(0.25) || aimUrl === undefined) {
      // Often a GET: what the bootstrap discovery roles grant every authenticated identity.
      const verb = rng.chance(0.5) ? 'get' : rng.pick(URL_VERBS);
      tuples.push({ kind: 'url', identity: rng.pick(identities), verb, path: rng.pick(URLS) });
      continue;
    }
    const { identity, rule } = aimUrl();
    const verb = rule.verbs.includes('*') || rng.chance(0.15) ? rng.pick(URL_VERBS) : rng.pick(rule.verbs);
    const path = rng.chance(0.15) ? rng.pick(URLS) : urlFrom(rng, rng.pick(rule.nonResourceURLs ?? ['/']));
    tuples.push({ kind: 'url', identity, verb, path });
  }
  return tuples;
}
