/**
 * scanner-access: chokepoint's own identity, as a live scan ran it, may list Secrets; whoever steals its
 * credentials (a kubeconfig, or the CronJob's token) reads them too. Built from the server's
 * SelfSubjectRulesReview, not from RBAC objects. The scanner's node is never an entry and no edge leads into
 * it, and it offers no fix: it shows what the scanner holds without adding risk or entering the plan.
 */
import { type Edge, NO_FIXES, type Technique } from './types.js';
import { evidence, sortEdges } from './workload-helpers.js';

/** The scanner's node → Secret reading, in every namespace whose review allows list or watch of secrets. */
export const scannerAccess: Technique = {
  meta: {
    id: 'scanner-access',
    title: "chokepoint's own access",
    summary:
      'The identity chokepoint scanned as can list Secrets: its credentials read every Secret it lists.',
    prerequisites:
      'A live scan whose identity the API server allows to list or watch Secrets (the read-only role in ' +
      'examples/rbac grants it cluster-wide, as the collector lists Secrets to find legacy token Secrets).',
    exploitation:
      "An attacker who obtains the scanner's credentials (the kubeconfig it ran with, or the token of the " +
      "scanner CronJob's ServiceAccount) lists Secrets with their values in every namespace the review allows.",
    threatModels: ['credentials'],
    mitre: ['T1552.007'],
    msThreatMatrix: ['MS-TA9025'],
    likelihood: 'certain',
    remediations: [],
  },
  find(model) {
    const scanner = model.scanner;
    if (scanner === undefined || scanner.listsSecretsIn.length === 0) return [];
    const all = model.namespaces.map((ns) => ns.name);
    const everywhere = all.length > 0 && all.every((ns) => scanner.listsSecretsIn.includes(ns));
    const scopes = everywhere ? ['*'] : scanner.listsSecretsIn;
    const edges: Edge[] = scopes.map((scope) => ({
      technique: 'scanner-access',
      from: scanner.node,
      to: `hub:read-secrets/${scope}`,
      evidence: [
        evidence(
          model,
          scanner.identity,
          `the API server's SelfSubjectRulesReview lets ${scanner.identity} list Secrets in ${scope === '*' ? 'every namespace' : scope}`,
        ),
      ],
      fixes: NO_FIXES,
    }));
    return sortEdges(edges);
  },
};
