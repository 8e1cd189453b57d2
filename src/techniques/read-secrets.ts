/**
 * read-secrets: list (or watch) returns every Secret of the scope with its data; get needs names, which pod
 * specs leak, so it is likely rather than trivial; get with resourceNames reads only those Secrets. Reading
 * Secrets yields an identity only through legacy `kubernetes.io/service-account-token` Secrets.
 */
import type { Model } from '../model/model.js';
import type { PolicyRule } from '../model/types.js';
import { grantEdge, structuralEdge } from './rbac-edges.js';
import { namespacesOf, reachedHubs } from './rbac-hubs.js';
import {
  allowsAny,
  byBindingSubject,
  hubOf,
  nonAdminGrants,
  ruleAllowsAny,
  SECRET_LIST_REQUESTS,
  SECRET_READ_REQUESTS,
} from './rbac-scan.js';
import { deleteSecret, isLegacyToken, namedSecrets, readsNamed, secretTarget } from './rbac-secrets.js';
import type { Edge, Technique } from './types.js';
import { evidence, sortEdges } from './workload-helpers.js';

/** Hub fan-out: `*` to each namespace, each namespace to its secrets jewel and to the SAs of its token Secrets. */
function fanOut(model: Model): Edge[] {
  const scopes = reachedHubs(model).readSecrets;
  const namespaces = new Set(namespacesOf(model, scopes));
  const edges: Edge[] = [];
  for (const ns of namespaces) {
    const proof = evidence(model, `Namespace/${ns}`, `reading Secrets in ${ns} reads their values`);
    if (scopes.has('*'))
      edges.push(structuralEdge('read-secrets', 'hub:read-secrets/*', `hub:read-secrets/${ns}`, proof));
    edges.push(structuralEdge('read-secrets', `hub:read-secrets/${ns}`, `jewel:secrets/${ns}`, proof));
  }
  for (const secret of model.secrets) {
    if (!namespaces.has(secret.namespace) || !isLegacyToken(secret)) continue;
    const says = `${secret.ref} holds a long-lived token of ${secretTarget(secret)}`;
    const proof = [evidence(model, secret.ref, says, '/type')];
    const from = `hub:read-secrets/${secret.namespace}`;
    edges.push({
      technique: 'read-secrets',
      from,
      to: secretTarget(secret),
      evidence: proof,
      fixes: [deleteSecret(secret)],
    });
  }
  return edges;
}

function find(model: Model): Edge[] {
  const edges: Edge[] = [];
  const readsAll = (rule: PolicyRule): boolean => ruleAllowsAny(rule, SECRET_READ_REQUESTS);
  for (const group of byBindingSubject(nonAdminGrants(model, readsAll))) {
    const lists = group.filter((grant) => allowsAny(grant, SECRET_LIST_REQUESTS));
    const from = group[0]!.subject;
    const to = hubOf('read-secrets', group[0]!.scope);
    const edge = grantEdge(model, 'read-secrets', {
      from,
      to,
      deciding: group,
      ...(lists.length > 0 ? {} : { likelihood: 'likely' }),
    });
    edges.push(edge);
  }
  const namedOnly = nonAdminGrants(model, (rule) => rule.resourceNames.length > 0 && !readsAll(rule));
  for (const group of byBindingSubject(namedOnly))
    for (const secret of new Set(group.flatMap((grant) => namedSecrets(model, grant)))) {
      const from = group[0]!.subject;
      edges.push(
        grantEdge(model, 'read-secrets', {
          from,
          to: secretTarget(secret),
          deciding: group.filter((grant) => readsNamed(grant, secret)),
          evidence: [evidence(model, secret.ref, `${from} may read ${secret.ref} by name`)],
          fixes: isLegacyToken(secret) ? [deleteSecret(secret)] : [],
        }),
      );
    }
  return sortEdges([...edges, ...fanOut(model)]);
}

/** An identity that may read Secrets holds their values, and the tokens of legacy token Secrets. */
export const readSecrets: Technique = {
  meta: {
    id: 'read-secrets',
    title: 'Read Secrets',
    summary: 'Reads Secret values in a namespace, including long-lived service-account tokens.',
    prerequisites: 'The identity may list, watch or get Secrets in the namespace, or cluster-wide.',
    exploitation:
      'The attacker lists the Secrets of the namespace (or gets them by names read from pod specs) and decodes their data: passwords, API keys, TLS keys. A Secret of type kubernetes.io/service-account-token holds a token that never expires, which the attacker then uses as that service account.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1552.007', 'T1528'],
    msThreatMatrix: ['MS-TA9025'],
    likelihood: 'trivial',
    remediations: ['delete-legacy-token-secret', 'remove-binding-subject', 'restrict-role-rule'],
  },
  find,
};
