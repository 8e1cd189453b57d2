/**
 * Which rule features a question exercised, judged on the model's grants. An allowed question counts a
 * feature only when every grant that allows it uses the feature (so getting the feature wrong would change
 * the answer); a denied question counts the near-miss features: a grant that would allow it but for that
 * one feature (resourceNames, the `pods/*` literal, a RoleBinding's namespace for a cluster-scoped
 * resource).
 */
import type { Model } from '../../src/model/model.js';
import { requestNamespace, scopeCovers } from '../../src/model/rbac-index.js';
import { ruleAllows, ruleAllowsNonResource } from '../../src/model/rbac-match.js';
import type { AccessRequest, Grant } from '../../src/model/types.js';
import { kindOf } from './catalog.js';
import type { Tuple } from './generate-tuples.js';

/** The features every run must exercise. */
export const FEATURES = [
  'wildcard verb',
  'wildcard resource',
  'wildcard group',
  '*/subresource',
  'pods/* literal',
  'subresource',
  'resourceNames hit',
  'resourceNames miss',
  'empty resourceName',
  'create with resourceNames',
  'list with resourceNames',
  'nonResourceURL exact',
  'nonResourceURL prefix',
  'aggregation',
  'RoleBinding to ClusterRole',
  'SA subject without namespace',
  'system:serviceaccount: user',
  'group subject',
  'cluster-scoped via RoleBinding',
  'namespace via its own RoleBinding',
] as const;

/** One feature of FEATURES. */
export type Feature = (typeof FEATURES)[number];

/** The raw subject a grant came from: binding ref → subjects as written. */
export type RawSubjects = ReadonlyMap<
  string,
  readonly { kind?: string; name?: string; namespace?: string }[]
>;

function combined(r: AccessRequest): string {
  return r.subresource ? `${r.resource}/${r.subresource}` : r.resource;
}

/** Features of the grant itself: who it reaches and through what. */
function grantFeatures(model: Model, subjects: RawSubjects, g: Grant): Feature[] {
  const out: Feature[] = [];
  const raw = subjects.get(g.binding)?.[g.subjectIndex];
  if ((model.role(g.role)?.aggregatedFrom?.length ?? 0) > 0) out.push('aggregation');
  if (g.binding.startsWith('RoleBinding/') && g.role.startsWith('ClusterRole/'))
    out.push('RoleBinding to ClusterRole');
  if (raw?.kind === 'ServiceAccount' && !raw.namespace) out.push('SA subject without namespace');
  if (raw?.kind === 'User' && raw.name?.startsWith('system:serviceaccount:'))
    out.push('system:serviceaccount: user');
  if (g.subject.startsWith('Group/')) out.push('group subject');
  return out;
}

/** Features of the rule that let it match this request. */
function matchFeatures(g: Grant, r: AccessRequest): Feature[] {
  const rule = g.rule;
  const out: Feature[] = [];
  const res = combined(r);
  const starSub = r.subresource ? rule.resources.includes(`*/${r.subresource}`) : false;
  if (!rule.verbs.includes(r.verb)) out.push('wildcard verb');
  if (!rule.apiGroups.includes(r.apiGroup)) out.push('wildcard group');
  if (!rule.resources.includes(res) && !starSub) out.push('wildcard resource');
  if (!rule.resources.includes(res) && starSub) out.push('*/subresource');
  if (r.subresource && rule.resources.includes(res)) out.push('subresource');
  if (res === 'pods/*') out.push('pods/* literal');
  if (r.apiGroup === '' && r.resource === 'namespaces' && g.scope !== '*')
    out.push('namespace via its own RoleBinding');
  if (rule.resourceNames.includes('')) out.push('empty resourceName');
  if (rule.resourceNames.length > 0) {
    out.push('resourceNames hit');
    if (r.verb === 'create') out.push('create with resourceNames');
    if (r.verb === 'list' || r.verb === 'watch') out.push('list with resourceNames');
  }
  return out;
}

/** Features a denied request nearly matched: the grant would allow it but for the feature. */
function nearMissFeatures(grants: readonly Grant[], r: AccessRequest): Feature[] {
  const out = new Set<Feature>();
  for (const g of grants) {
    const rule = g.rule;
    const inScope = scopeCovers(g.scope, requestNamespace(r));
    if (inScope && rule.resourceNames.length > 0 && ruleAllows({ ...rule, resourceNames: [] }, r)) {
      out.add('resourceNames miss');
      if (rule.resourceNames.includes('')) out.add('empty resourceName');
      if (r.verb === 'create') out.add('create with resourceNames');
      if (r.verb === 'list' || r.verb === 'watch') out.add('list with resourceNames');
    }
    if (inScope && r.resource === 'pods' && rule.resources.includes('pods/*')) {
      if (ruleAllows({ ...rule, resources: [combined(r)] }, r)) out.add('pods/* literal');
    }
    const clusterScoped = kindOf(r.apiGroup, r.resource)?.namespaced === false;
    if (g.scope !== '*' && requestNamespace(r) === undefined && clusterScoped && ruleAllows(rule, r))
      out.add('cluster-scoped via RoleBinding');
  }
  return [...out];
}

/** Every feature in all of the lists. */
function common(lists: readonly Feature[][]): Feature[] {
  const [first = [], ...rest] = lists;
  return first.filter((f) => rest.every((list) => list.includes(f)));
}

/** The features one question exercised. */
export function featuresOf(model: Model, subjects: RawSubjects, tuple: Tuple): Feature[] {
  const grants = model.grantsOf(tuple.identity);
  if (tuple.kind === 'url') {
    const allowing = grants.filter(
      (g) => g.scope === '*' && ruleAllowsNonResource(g.rule, tuple.verb, tuple.path),
    );
    return common(
      allowing.map((g) => {
        const exact = g.rule.nonResourceURLs.includes(tuple.path);
        const viaPrefix = !exact && !g.rule.nonResourceURLs.includes('*');
        const own: Feature[] = exact ? ['nonResourceURL exact'] : viaPrefix ? ['nonResourceURL prefix'] : [];
        return [...own, ...grantFeatures(model, subjects, g)];
      }),
    );
  }
  const r = tuple.request;
  const allowing = grants.filter((g) => scopeCovers(g.scope, requestNamespace(r)) && ruleAllows(g.rule, r));
  if (allowing.length === 0) return nearMissFeatures(grants, r);
  return common(allowing.map((g) => [...matchFeatures(g, r), ...grantFeatures(model, subjects, g)]));
}
