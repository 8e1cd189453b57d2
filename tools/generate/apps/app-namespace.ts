import type { NamespaceContents } from '../model/namespace-contents.js';
import type { NamespacePlan } from '../model/plan-types.js';
import type { Random } from '../random.js';
import { appAccounts } from './app-accounts.js';
import { appNetworkPolicies } from './app-network-policies.js';
import { appRbac } from './app-rbac.js';
import { appNetworking } from './app-services.js';
import { appWorkloads } from './app-workloads.js';
import { applyMistakes } from './apply-mistakes.js';

/** Everything in one application namespace, built from its plan with its own random stream. */
export function appNamespace(ns: NamespacePlan, rng: Random): NamespaceContents {
  const workloads = applyMistakes(appWorkloads(ns, rng.fork('workloads')), ns, rng.fork('mistakes'));
  const networking = appNetworking(ns, workloads, rng.fork('networking'));
  const accounts = appAccounts(ns, workloads, rng.fork('accounts'));
  const rbac = appRbac(ns, rng.fork('rbac'));
  return {
    serviceAccounts: accounts.serviceAccounts,
    secrets: [...accounts.secrets, ...networking.tlsSecrets],
    workloads,
    services: networking.services,
    ingresses: networking.ingresses,
    networkPolicies: appNetworkPolicies(ns, workloads, rng.fork('network-policies')),
    roles: rbac.roles,
    roleBindings: rbac.roleBindings,
  };
}
