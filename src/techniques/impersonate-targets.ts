/**
 * What one subject's impersonate grants reach. The API server authorizes each impersonation header on its own
 * (staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go, `buildImpersonationRequests`): a user
 * name `system:serviceaccount:<ns>:<name>` is checked as `impersonate serviceaccounts` named `<name>` in `<ns>`,
 * never as `users`; other names as `users` (cluster-scoped); each group as `groups` (cluster-scoped).
 */
import type { Model } from '../model/model.js';
import { ruleAllows } from '../model/rbac-match.js';
import type { AccessRequest, Grant } from '../model/types.js';
import { accountIndex, bindingSubjects } from './rbac-subjects.js';
import type { NodeRef } from './types.js';

/** The grants that decide one target (the ones to cut) and the grants it also needs (cited only). */
export interface ImpersonationTarget {
  readonly deciding: Grant[];
  readonly cited: Grant[];
}

const request = (resource: string, name?: string): AccessRequest => ({
  verb: 'impersonate',
  apiGroup: '',
  resource,
  ...(name === undefined ? {} : { name }),
});

/** Names a rule with resourceNames lets the subject impersonate. */
function namedTargets(grant: Grant, resource: string): string[] {
  return grant.rule.resourceNames.filter((name) => ruleAllows(grant.rule, request(resource, name)));
}

/** True when the grant lets its subject impersonate some user (SA-shaped names are checked as accounts). */
function actsAsUser(grant: Grant): boolean {
  if (ruleAllows(grant.rule, request('users'))) return true;
  return namedTargets(grant, 'users').some((name) => !name.startsWith('system:serviceaccount:'));
}

/** True when the grant lets its subject impersonate some service account. */
function actsAsAccount(grant: Grant): boolean {
  return (
    ruleAllows(grant.rule, request('serviceaccounts')) || namedTargets(grant, 'serviceaccounts').length > 0
  );
}

/** Every node one subject's grants let it act as, with the grants that decide each. */
export function impersonationTargets(
  model: Model,
  grants: readonly Grant[],
): Map<NodeRef, ImpersonationTarget> {
  const targets = new Map<NodeRef, ImpersonationTarget>();
  const add = (to: NodeRef, grant: Grant, cited: readonly Grant[] = []): void => {
    const target = targets.get(to) ?? { deciding: [], cited: [...cited] };
    if (!target.deciding.includes(grant)) target.deciding.push(grant);
    targets.set(to, target);
  };
  const cluster = grants.filter((grant) => grant.scope === '*');
  for (const grant of cluster) {
    if (ruleAllows(grant.rule, request('users'))) add('hub:impersonate-users', grant);
    for (const name of namedTargets(grant, 'users'))
      if (!name.startsWith('system:serviceaccount:')) add(`User/${name}`, grant);
  }
  for (const grant of grants) {
    if (ruleAllows(grant.rule, request('serviceaccounts'))) add(`hub:impersonate-sa/${grant.scope}`, grant);
    for (const name of namedTargets(grant, 'serviceaccounts'))
      for (const sa of accountIndex(model).byName.get(name) ?? [])
        if (grant.scope === '*' || grant.scope === sa.namespace) add(sa.ref, grant);
  }
  // A group rides along with a user or service account, which need not exist: only that one must be allowed.
  const actor = cluster.find((grant) => actsAsUser(grant)) ?? grants.find((grant) => actsAsAccount(grant));
  if (actor === undefined) return targets;
  const groups = new Set(bindingSubjects(model).groups.map(([ref]) => ref));
  for (const grant of cluster) {
    if (ruleAllows(grant.rule, request('groups', 'system:masters')))
      add('jewel:cluster-admin', grant, [actor]);
    else
      for (const name of namedTargets(grant, 'groups'))
        if (groups.has(`Group/${name}`)) add(`Group/${name}`, grant, [actor]);
  }
  return targets;
}
