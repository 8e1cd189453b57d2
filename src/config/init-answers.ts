/**
 * `chokepoint init`: the threat-modelling questions in plain words, how each answer is read, and the commented
 * chokepoint.yaml the answers become. Pure: the command does the prompting and the writing.
 */

/** The answers, each also settable by a flag. */
export interface InitAnswers {
  /** Can the internet reach the Kubernetes API server? */
  readonly apiPublic: boolean;
  /** Can the internet reach apps (LoadBalancers, Ingresses, NodePorts)? */
  readonly appsPublic: boolean;
  /** Other people's code, or many teams' apps, on this cluster? */
  readonly multiTenant: boolean;
  /** Which systems hold credentials to the cluster. */
  readonly credentialHolders: readonly CredentialHolder[];
  /** What would hurt most: `cluster-admin`, `nodes`, `secrets:<namespace>`, `workload:<Kind/ns/name>`. */
  readonly hurtMost: readonly string[];
}

/** Systems that may hold a credential to the cluster. */
export type CredentialHolder = 'ci' | 'laptops' | 'operators' | 'none';

const HOLDERS: readonly CredentialHolder[] = ['ci', 'laptops', 'operators', 'none'];

/** One question: its words, its flag, its default and how an answer is read. */
export interface Question<K extends keyof InitAnswers = keyof InitAnswers> {
  readonly key: K;
  readonly flag: string;
  readonly ask: string;
  readonly fallback: InitAnswers[K];
  readonly read: (text: string) => InitAnswers[K] | string;
}

const yesNo = (text: string): boolean | string => {
  const t = text.trim().toLowerCase();
  if (['y', 'yes', 'true'].includes(t)) return true;
  if (['n', 'no', 'false'].includes(t)) return false;
  return `"${text}" is not an answer — say yes or no`;
};

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

const HURT = /^(cluster-admin|nodes|secrets:[a-z0-9-]+|workload:[A-Za-z]+\/[^/\s]+\/[^/\s]+)$/;

/** The questions, in the order they are asked. */
export const QUESTIONS: readonly Question[] = [
  {
    key: 'apiPublic',
    flag: '--api-public',
    ask: 'Is the Kubernetes API server reachable from the internet? (yes/no)',
    fallback: false,
    read: yesNo,
  },
  {
    key: 'appsPublic',
    flag: '--apps-public',
    ask: 'Can the internet reach apps in this cluster (LoadBalancers, Ingresses, NodePorts)? (yes/no)',
    fallback: true,
    read: yesNo,
  },
  {
    key: 'multiTenant',
    flag: '--multi-tenant',
    ask: "Do you run other people's code, or many teams' apps, here? (yes/no)",
    fallback: true,
    read: yesNo,
  },
  {
    key: 'credentialHolders',
    flag: '--credentials',
    ask: `Which systems hold credentials to this cluster? (comma-separated: ${HOLDERS.join(', ')})`,
    fallback: ['ci', 'laptops'],
    read: (text) => {
      const items = list(text);
      const bad = items.filter((i) => !(HOLDERS as readonly string[]).includes(i));
      if (bad.length > 0 || items.length === 0)
        return `"${text}" — use a comma-separated list of: ${HOLDERS.join(', ')}`;
      return items as CredentialHolder[];
    },
  },
  {
    key: 'hurtMost',
    flag: '--hurt-most',
    ask: 'What would hurt most if stolen or stopped? (comma-separated: cluster-admin, nodes, secrets:<namespace>, workload:<Kind/namespace/name>)',
    fallback: ['cluster-admin'],
    read: (text) => {
      const items = list(text);
      const bad = items.filter((i) => !HURT.test(i));
      if (bad.length > 0 || items.length === 0)
        return `"${bad[0] ?? text}" — use cluster-admin, nodes, secrets:<namespace> or workload:<Kind/namespace/name>`;
      return items;
    },
  },
];

/** The chokepoint.yaml the answers describe, with a comment saying why each value is what it is. */
export function configYaml(a: InitAnswers): string {
  const holds = (h: CredentialHolder) => a.credentialHolders.includes(h);
  const none = holds('none');
  const namespaces = a.hurtMost
    .filter((h) => h.startsWith('secrets:'))
    .map((h) => h.slice('secrets:'.length));
  const workloads = a.hurtMost
    .filter((h) => h.startsWith('workload:'))
    .map((h) => h.slice('workload:'.length));
  const lines = [
    '# chokepoint.yaml, written by chokepoint init. Edit freely; examples/chokepoint.yaml documents every key.',
    '',
    'threatModels:',
    `  # ${a.appsPublic ? 'The internet reaches apps here.' : 'Nothing here is reachable from the internet.'}`,
    `  external: { enabled: ${a.appsPublic}, weight: 100 }`,
    `  # ${a.multiTenant ? "Other people's code or many teams' apps: assume one container gets popped." : 'One team, its own code: a compromised container is less likely.'}`,
    `  container: { enabled: true, weight: ${a.multiTenant ? 100 : 30} }`,
    `  # ${none ? 'No system outside the cluster holds a credential.' : a.apiPublic ? 'The API server is on the internet: a leaked credential works from anywhere.' : 'The API server is private: a leaked credential needs a way into the network too.'}`,
    `  credentials: { enabled: true, weight: ${none ? 10 : a.apiPublic ? 100 : 50} }`,
    '',
    'entryPriors:',
    '  credentials:',
    `    user: ${holds('laptops') ? 0.3 : 0.1}          # ${holds('laptops') ? 'kubeconfigs live on laptops' : 'people hold few credentials'}`,
    `    group: ${holds('laptops') ? 0.1 : 0.05}`,
    `    legacyToken: ${holds('ci') ? 0.5 : 0.3}   # ${holds('ci') ? 'CI holds long-lived tokens' : 'long-lived token Secrets'}`,
    '',
    'crownJewels:',
    `  clusterAdmin: 1`,
    `  nodeRoot: ${a.hurtMost.includes('nodes') ? 1 : 0.7}`,
    `  secrets: 0.5`,
  ];
  if (namespaces.length > 0) {
    lines.push('  namespaces:         # Secrets that would hurt most');
    for (const ns of namespaces) lines.push(`    ${ns}: 1`);
  }
  if (workloads.length > 0) {
    lines.push('  workloads:          # reaching any container of these');
    for (const ref of workloads) lines.push(`    ${ref}: 1`);
  }
  lines.push(
    '',
    'effort:',
    '  oneThingMaxHours: 8   # the one thing must fit in a day',
    '',
    'admission:',
    '  podSecurityDefault: privileged   # the PSA default for namespaces without an enforce label',
    '  networkPolicyEnforced: true      # set false when the CNI ignores NetworkPolicy',
    '',
  );
  return lines.join('\n');
}
