import { CLUSTER_EPOCH, SNAPSHOT_EPOCH } from '../clock.js';
import type { RoleSpec } from '../model/object-specs.js';
import { ALL_VERBS, READ, rule, urlRule, WILDCARD_RULE } from '../model/rules.js';
import type { Random } from '../random.js';
import { PRODUCTS, TEAMS } from '../words.js';

const AGGREGATE = 'rbac.authorization.k8s.io/aggregate-to-';
const KINDS = [
  'widgets',
  'pipelines',
  'tenants',
  'policies',
  'backups',
  'topics',
  'databases',
  'routes',
  'quotas',
];

type Template = (rng: Random) => Omit<RoleSpec, 'created'>;

// CRD aggregation roles dominate in real clusters: every operator ships view/edit pairs.
const TEMPLATES: readonly (readonly [Template, number])[] = [
  [
    (rng) => {
      const group = `${rng.pick(PRODUCTS)}.example.com`;
      const kind = rng.pick(KINDS);
      return {
        name: `${group}-${kind}-view`,
        labels: { [`${AGGREGATE}view`]: 'true' },
        rules: [rule([group], [kind, `${kind}/status`], READ)],
      };
    },
    22,
  ],
  [
    (rng) => {
      const group = `${rng.pick(PRODUCTS)}.example.com`;
      const kind = rng.pick(KINDS);
      return {
        name: `${group}-${kind}-edit`,
        labels: { [`${AGGREGATE}edit`]: 'true', [`${AGGREGATE}admin`]: 'true' },
        rules: [rule([group], [kind], [...ALL_VERBS, 'deletecollection'])],
      };
    },
    20,
  ],
  [
    (rng) => {
      const product = rng.pick(PRODUCTS);
      return {
        name: `${product}-operator-manager-role`,
        rules: [
          rule([`${product}.example.com`], ['*'], ['*']),
          rule([''], ['configmaps', 'services', 'serviceaccounts'], ALL_VERBS),
          rule([''], ['secrets'], ['get', 'list', 'watch', 'create', 'update']),
          rule(['apps'], ['deployments', 'statefulsets'], ALL_VERBS),
          rule(['coordination.k8s.io'], ['leases'], ['get', 'create', 'update']),
          rule([''], ['events'], ['create', 'patch']),
        ],
      };
    },
    18,
  ],
  [
    (rng) => ({
      name: `${rng.pick(TEAMS)}-cluster-reader`,
      rules: [
        rule([''], ['nodes', 'namespaces', 'pods', 'persistentvolumes'], READ),
        rule(['apps'], ['*'], READ),
      ],
    }),
    16,
  ],
  [
    (rng) => {
      const team = rng.pick(TEAMS);
      return {
        name: `${team}-platform-view`,
        aggregateFrom: [{ [`rbac.example.com/aggregate-to-${team}`]: 'true' }],
        rules: [rule(['', 'apps'], ['pods', 'services', 'deployments'], READ)],
      };
    },
    8,
  ],
  [
    (rng) => ({
      name: `metrics-scraper-${rng.suffix(4)}`,
      rules: [urlRule(['/metrics', '/metrics/*'], ['get'])],
    }),
    8,
  ],
  [
    (rng) => ({
      name: `${rng.pick(TEAMS)}-node-debugger`,
      rules: [
        rule([''], ['nodes', 'nodes/proxy'], ['get']),
        rule([''], ['pods/exec', 'pods/attach'], ['create']),
      ],
    }),
    3,
  ],
  [
    (rng) => ({
      name: `${rng.pick(PRODUCTS)}-namespace-provisioner`,
      rules: [
        rule([''], ['namespaces'], ['create', 'get', 'list']),
        rule(['rbac.authorization.k8s.io'], ['rolebindings', 'roles'], ['create', 'bind', 'escalate']),
      ],
    }),
    3,
  ],
  [(rng) => ({ name: `${rng.pick(PRODUCTS)}-superuser`, rules: [WILDCARD_RULE] }), 2],
];

/** `count` distinct custom ClusterRoles, drawn from the shapes above. */
export function customClusterRoles(count: number, taken: ReadonlySet<string>, rng: Random): RoleSpec[] {
  const used = new Set(taken);
  const out: RoleSpec[] = [];
  while (out.length < count) {
    const role = rng.weighted(TEMPLATES)(rng);
    let name = role.name;
    for (let n = 2; used.has(name); n++) name = `${role.name}-${n}`;
    used.add(name);
    out.push({
      ...role,
      name,
      created: CLUSTER_EPOCH + rng.int(86400, SNAPSHOT_EPOCH - CLUSTER_EPOCH - 86400),
    });
  }
  return out;
}
