/**
 * create-service-account-token: `create serviceaccounts/token` (the TokenRequest API) mints a token for a
 * service account of the namespace. The request names its parent SA, so resourceNames are honoured: a named
 * rule reaches only those accounts, an unnamed one every account through `hub:sa-token/<ns>`.
 */
import type { Model } from '../model/model.js';
import { ruleAllows } from '../model/rbac-match.js';
import type { AccessRequest } from '../model/types.js';
import { capabilityGrants, fanOutHubs, hubEdges, scopesOf } from './rbac-capability.js';
import { grantEdge } from './rbac-edges.js';
import { byBindingSubject, nonAdminGrants } from './rbac-scan.js';
import { accountIndex } from './rbac-subjects.js';
import type { Edge, Technique } from './types.js';
import { evidence, sortEdges } from './workload-helpers.js';

const TOKEN: AccessRequest = {
  verb: 'create',
  apiGroup: '',
  resource: 'serviceaccounts',
  subresource: 'token',
};
const TOKEN_REQUESTS: readonly AccessRequest[] = [TOKEN];

/** Edges for rules limited to named accounts: one per (binding subject, account it names). */
function namedEdges(model: Model): Edge[] {
  const named = nonAdminGrants(
    model,
    (rule) =>
      rule.resourceNames.length > 0 &&
      rule.resourceNames.some((name) => ruleAllows(rule, { ...TOKEN, name })),
  );
  const edges: Edge[] = [];
  for (const group of byBindingSubject(named)) {
    const from = group[0]!.subject;
    for (const name of new Set(group.flatMap((grant) => grant.rule.resourceNames)))
      for (const account of accountIndex(model).byName.get(name) ?? []) {
        const deciding = group.filter(
          (grant) =>
            (grant.scope === '*' || grant.scope === account.namespace) &&
            ruleAllows(grant.rule, { ...TOKEN, namespace: account.namespace, name }),
        );
        if (deciding.length === 0 || account.ref === from) continue;
        const says = `${from} may mint tokens for ${account.ref} by name`;
        edges.push(
          grantEdge(model, 'create-service-account-token', {
            from,
            to: account.ref,
            deciding,
            evidence: [evidence(model, account.ref, says)],
          }),
        );
      }
  }
  return edges;
}

function find(model: Model): Edge[] {
  const grants = capabilityGrants(model, TOKEN_REQUESTS);
  const fanOut = fanOutHubs(model, 'create-service-account-token', 'sa-token', scopesOf(grants), (ns) =>
    (accountIndex(model).byNamespace.get(ns) ?? []).map((account) => ({
      to: account.ref,
      proof: evidence(model, account.ref, `a token can be requested for ${account.ref}`),
    })),
  );
  return sortEdges([
    ...hubEdges(model, 'create-service-account-token', 'sa-token', grants),
    ...namedEdges(model),
    ...fanOut,
  ]);
}

/** An identity that may create service-account tokens acts as those accounts. */
export const createServiceAccountToken: Technique = {
  meta: {
    id: 'create-service-account-token',
    title: 'Mint tokens for service accounts',
    summary: 'Acts as any service account of the namespace (or the named ones) by requesting a token for it.',
    prerequisites:
      'The identity holds create on serviceaccounts/token in the namespace or cluster-wide; with resourceNames, only for the named accounts.',
    exploitation:
      'The attacker runs kubectl create token <serviceaccount> -n <namespace> --duration=8760h, or POSTs a TokenRequest, and uses the returned token as that service account. No pod and no Secret is needed.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1528'],
    msThreatMatrix: ['MS-TA9016'],
    likelihood: 'trivial',
    remediations: ['remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
