import type { JsonObject } from '../json-types.js';
import type { NetworkPolicySpec } from '../model/object-specs.js';
import type { NamespacePlan } from '../model/plan-types.js';
import type { WorkloadSpec } from '../model/workload-spec.js';
import type { Random } from '../random.js';
import { tierKey } from './app-labels.js';

type Shape = (
  ns: NamespacePlan,
  target: WorkloadSpec | undefined,
  rng: Random,
) => readonly [string, JsonObject];

const byName = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': name } });
const podsOf = (w: WorkloadSpec | undefined): JsonObject =>
  w === undefined ? {} : { matchLabels: w.selector };

const DENY_ALL: Shape = () => ['default-deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }];
const DENY_INGRESS: Shape = () => ['default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] }];

// The rest: common real-world shapes, several of which leave policyTypes out on purpose
// (the API server then infers it from which rule lists are present).
const SHAPES: readonly Shape[] = [
  (_, w) => [
    'allow-from-ingress-nginx',
    {
      podSelector: podsOf(w),
      ingress: [
        {
          from: [
            {
              namespaceSelector: byName('ingress-nginx'),
              podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
            },
          ],
          ports: [{ port: 'http', protocol: 'TCP' }],
        },
      ],
      policyTypes: ['Ingress'],
    },
  ],
  () => ['allow-same-namespace', { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] }],
  () => [
    'allow-monitoring-scrape',
    {
      podSelector: {},
      ingress: [
        {
          from: [{ namespaceSelector: byName('monitoring') }],
          ports: [{ port: 'metrics', protocol: 'TCP' }],
        },
      ],
    },
  ],
  (ns) => [
    'allow-frontend-to-backend',
    {
      podSelector: {
        matchExpressions: [{ key: tierKey(ns), operator: 'In', values: ['backend', 'worker'] }],
      },
      ingress: [
        {
          from: [{ podSelector: { matchLabels: { [tierKey(ns)]: 'frontend' } } }],
          ports: [
            { port: 'http', protocol: 'TCP' },
            { port: 'grpc', protocol: 'TCP' },
          ],
        },
      ],
      policyTypes: ['Ingress'],
    },
  ],
  () => [
    'allow-dns-egress',
    {
      podSelector: {},
      egress: [
        {
          to: [
            {
              namespaceSelector: byName('kube-system'),
              podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
            },
          ],
          ports: [
            { port: 53, protocol: 'UDP' },
            { port: 53, protocol: 'TCP' },
          ],
        },
      ],
      policyTypes: ['Egress'],
    },
  ],
  (_, w) => [
    'allow-https-egress',
    {
      podSelector: podsOf(w),
      egress: [
        {
          to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '169.254.169.254/32'] } }],
          ports: [{ port: 443, protocol: 'TCP' }],
        },
      ],
      policyTypes: ['Egress'],
    },
  ],
  (_, w, rng) => [
    'allow-office-vpn',
    {
      podSelector: podsOf(w),
      ingress: [
        { from: [{ ipBlock: { cidr: rng.pick(['203.0.113.0/24', '198.51.100.0/24', '192.0.2.0/25']) } }] },
      ],
    },
  ],
  (ns) => [
    'allow-team-namespaces',
    {
      podSelector: { matchExpressions: [{ key: tierKey(ns), operator: 'NotIn', values: ['data', 'cache'] }] },
      ingress: [
        {
          from: [
            {
              namespaceSelector: {
                matchLabels: { team: ns.team },
                matchExpressions: [{ key: 'env', operator: 'In', values: [ns.env] }],
              },
            },
          ],
        },
      ],
    },
  ],
  (ns, w) => [
    'restrict-datastores',
    {
      podSelector: { matchExpressions: [{ key: tierKey(ns), operator: 'In', values: ['data', 'cache'] }] },
      ingress: [
        { from: [{ podSelector: { matchExpressions: [{ key: tierKey(ns), operator: 'Exists' }] } }] },
      ],
      egress: w === undefined ? [] : [{ to: [{ podSelector: podsOf(w) }] }],
      policyTypes: ['Ingress', 'Egress'],
    },
  ],
];

/** The namespace's NetworkPolicies: usually a default deny first, then allow rules for its apps. */
export function appNetworkPolicies(
  ns: NamespacePlan,
  workloads: readonly WorkloadSpec[],
  rng: Random,
): NetworkPolicySpec[] {
  const out: NetworkPolicySpec[] = [];
  const names = new Set<string>();
  for (let i = 0; i < ns.networkPolicies; i++) {
    const shape = i === 0 ? (rng.chance(0.7) ? DENY_ALL : DENY_INGRESS) : rng.pick(SHAPES);
    const target = workloads.length > 0 ? rng.pick(workloads) : undefined;
    const [base, spec] = shape(ns, target, rng);
    let name =
      target !== undefined && base.startsWith('allow-') && rng.chance(0.5) ? `${target.name}-${base}` : base;
    for (let n = 2; names.has(name); n++) name = `${base}-${n}`;
    names.add(name);
    out.push({ name, namespace: ns.name, spec, created: ns.created + 120 + i * 30 });
  }
  return out;
}
