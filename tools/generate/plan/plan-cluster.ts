import { CLUSTER_EPOCH, SNAPSHOT_EPOCH } from '../clock.js';
import type { AccountRef, ClusterPlan, NamespacePlan, PsaLevel } from '../model/plan-types.js';
import { Random } from '../random.js';
import { clusterSize, type SizeName } from '../sizes.js';
import { SYSTEM_NAMESPACES } from '../system/catalog.js';
import { PRODUCTS, SERVICE_ACCOUNT_NAMES, TEAMS } from '../words.js';
import { allocate } from './allocate.js';
import { planNamespaceNames } from './namespace-names.js';
import { planNodes } from './nodes.js';
import { mistakeCounts, planMistakes } from './plan-mistakes.js';
import { countSystem } from './system-counts.js';

type Draft = Omit<NamespacePlan, 'mistakes'>;

function accountNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const base = SERVICE_ACCOUNT_NAMES[i % SERVICE_ACCOUNT_NAMES.length]!;
    return i < SERVICE_ACCOUNT_NAMES.length
      ? base
      : `${base}-${Math.floor(i / SERVICE_ACCOUNT_NAMES.length) + 1}`;
  });
}

function psaFor(env: string, rng: Random): PsaLevel | undefined {
  const strict = env === 'prod' ? 1.4 : 1;
  return rng.weighted<PsaLevel | undefined>([
    [undefined, 45],
    ['baseline', 15],
    ['restricted', 25 * strict],
    ['privileged', 4],
  ]);
}

function budgetOrThrow(name: string, total: number, used: number): number {
  if (total < used)
    throw new Error(`size too small: ${name} target ${total} is below the ${used} system objects`);
  return total - used;
}

/** Decide the whole cluster's shape: nodes, namespaces, per-namespace budgets and planted mistakes. */
export function planCluster(sizeName: SizeName, seed: number): ClusterPlan {
  const size = clusterSize(sizeName);
  const rng = new Random(seed);
  const nodes = planNodes(size.nodes, rng.fork('nodes'));
  const system = countSystem(nodes);
  const appCount = budgetOrThrow('namespaces', size.namespaces, SYSTEM_NAMESPACES.length);
  const nsRng = rng.fork('namespaces');
  const identities = planNamespaceNames(appCount, new Set(SYSTEM_NAMESPACES.map((s) => s.name)), nsRng);
  const weights = identities.map((id) => {
    const envFactor = id.env === 'prod' ? 1.6 : id.env === 'preview' ? 0.35 : 1;
    return Math.exp(1.1 * nsRng.normal()) * envFactor;
  });
  const root = weights.map((w) => Math.sqrt(w));
  const appPods = budgetOrThrow('pods', size.pods, system.pods);
  const pods = allocate(appPods, weights);
  const services = allocate(
    budgetOrThrow('services', size.services, system.services),
    weights.map((w) => w ** 0.8),
  );
  const extraAccounts = budgetOrThrow(
    'serviceAccounts',
    size.serviceAccounts,
    system.serviceAccounts + appCount,
  );
  const accounts = allocate(extraAccounts, root);
  const roles = allocate(budgetOrThrow('roles', size.roles, system.roles), root);
  const roleBindings = allocate(budgetOrThrow('roleBindings', size.roleBindings, system.roleBindings), root);
  const policyWeights = root.map((w) => (nsRng.chance(0.5) ? w : 0));
  const networkPolicies = allocate(
    budgetOrThrow('networkPolicies', size.networkPolicies, system.networkPolicies),
    policyWeights,
  );
  const ingressWeights = identities.map((id, i) => (services[i]! > 0 && id.env !== 'qa' ? weights[i]! : 0));
  const ingresses = allocate(budgetOrThrow('ingresses', size.ingresses, system.ingresses), ingressWeights);

  const drafts: Draft[] = SYSTEM_NAMESPACES.map((s, index) => ({
    index,
    name: s.name,
    system: true,
    product: s.name,
    team: 'platform',
    env: 'system',
    psa: s.psa,
    labelStyle: 'recommended',
    created: CLUSTER_EPOCH + index * 60,
    pods: 0,
    services: 0,
    ingresses: 0,
    roles: 0,
    roleBindings: 0,
    networkPolicies: 0,
    serviceAccounts: [],
  }));
  identities.forEach((id, i) => {
    drafts.push({
      index: drafts.length,
      name: id.name,
      system: false,
      product: id.product,
      env: id.env,
      team: TEAMS[PRODUCTS.indexOf(id.product) % TEAMS.length]!,
      psa: psaFor(id.env, nsRng),
      labelStyle: nsRng.chance(0.5) ? 'app' : 'recommended',
      created: CLUSTER_EPOCH + 10 * 86400 + nsRng.int(0, SNAPSHOT_EPOCH - CLUSTER_EPOCH - 12 * 86400),
      pods: pods[i]!,
      services: services[i]!,
      ingresses: ingresses[i]!,
      roles: roles[i]!,
      roleBindings: roleBindings[i]!,
      networkPolicies: networkPolicies[i]!,
      serviceAccounts: accountNames(accounts[i]!),
    });
  });
  const mistakes = planMistakes(drafts, mistakeCounts(appPods), rng.fork('mistakes'));
  const namespaces: NamespacePlan[] = drafts.map((d) => ({ ...d, mistakes: mistakes.get(d.index) ?? [] }));
  const clusterAdminAccounts: AccountRef[] = namespaces
    .filter((ns) => ns.mistakes.some((m) => m.kind === 'cluster-admin-token'))
    .map((ns) => ({ namespace: ns.name, name: ns.serviceAccounts[0]! }));
  const withAccounts = namespaces.filter((ns) => ns.serviceAccounts.length > 0);
  const appAccounts = rng
    .fork('app-accounts')
    .sample(withAccounts, 2000)
    .map((ns) => ({ namespace: ns.name, name: ns.serviceAccounts[ns.serviceAccounts.length - 1]! }));
  return { seed, size, nodes, namespaces, clusterAdminAccounts, appAccounts };
}
