/**
 * RBAC rule matching, exactly as the API server's RBAC authorizer does it. Ported from upstream
 * `plugin/pkg/auth/authorizer/rbac/rbac.go` (`RuleAllows`) and `pkg/apis/rbac/v1/evaluation_helpers.go`
 * (`VerbMatches`, `APIGroupMatches`, `ResourceMatches`, `ResourceNameMatches`, `NonResourceURLMatches`).
 */
import type { AccessRequest, PolicyRule } from './types.js';

/** `VerbMatches`: `*` or the exact verb. No verb implies another (`get` does not imply `list`). */
function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((ruleVerb) => ruleVerb === '*' || ruleVerb === verb);
}

/** `APIGroupMatches`: `*` or the exact group (`''` is the core group). */
function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return rule.apiGroups.some((ruleGroup) => ruleGroup === '*' || ruleGroup === group);
}

/**
 * `ResourceMatches`: `*` covers every resource and subresource; `resource/sub` must match exactly; `*\/sub`
 * covers that subresource of any resource. `pods/*` is no wildcard: it equals only a subresource named `*`,
 * and `pods` does not cover `pods/exec`.
 */
function resourceMatches(rule: PolicyRule, combined: string, subresource: string | undefined): boolean {
  for (const ruleResource of rule.resources) {
    if (ruleResource === '*' || ruleResource === combined) return true;
    if (subresource === undefined || subresource === '') continue;
    if (ruleResource.length === subresource.length + 2 && ruleResource === `*/${subresource}`) return true;
  }
  return false;
}

/**
 * The name a real request carries (RequestInfo takes it from the URL): `deletecollection` and a top-level
 * `create` (a POST to the collection) carry the empty name, and so does a `list`/`watch` without a
 * `metadata.name` field selector (`request.name` unset). A `create` on a subresource names its parent
 * (`pods/exec` of pod p, `serviceaccounts/token` of SA x). Any other request always names its object, so one
 * without `request.name` asks about every object: undefined.
 */
function requestedName(request: AccessRequest): string | undefined {
  const subresource = request.subresource !== undefined && request.subresource !== '';
  if (request.verb === 'deletecollection' || (request.verb === 'create' && !subresource)) return '';
  if ((request.verb === 'list' || request.verb === 'watch') && !subresource) return request.name ?? '';
  return request.name === '' ? undefined : request.name;
}

/**
 * `ResourceNameMatches` on that name, the empty name included: `resourceNames: [""]` is valid and allows every
 * list, watch, deletecollection and top-level create, as the API server does; no other name ever matches them.
 */
function resourceNameMatches(rule: PolicyRule, request: AccessRequest): boolean {
  if (rule.resourceNames.length === 0) return true;
  const name = requestedName(request);
  return name !== undefined && rule.resourceNames.includes(name);
}

/** True when the rule allows the resource request (verb, group, resource/subresource, name). */
export function ruleAllows(rule: PolicyRule, request: AccessRequest): boolean {
  const combined =
    request.subresource !== undefined && request.subresource !== ''
      ? `${request.resource}/${request.subresource}`
      : request.resource;
  return (
    verbMatches(rule, request.verb) &&
    apiGroupMatches(rule, request.apiGroup) &&
    resourceMatches(rule, combined, request.subresource) &&
    resourceNameMatches(rule, request)
  );
}

/**
 * True when the rule allows a non-resource request (`NonResourceURLMatches`): `*`, the exact path, or a
 * prefix when the rule URL ends in `*`. Only ClusterRoleBindings give these effect; callers check the scope.
 */
export function ruleAllowsNonResource(rule: PolicyRule, verb: string, url: string): boolean {
  if (!verbMatches(rule, verb)) return false;
  return rule.nonResourceURLs.some(
    (ruleUrl) =>
      ruleUrl === '*' ||
      ruleUrl === url ||
      (ruleUrl.endsWith('*') && url.startsWith(ruleUrl.replace(/\*+$/, ''))),
  );
}
