/**
 * Random RBAC from one seed: namespaces, Roles, ClusterRoles (wildcards, `*\/sub`, the `pods/*` literal,
 * subresources, resourceNames, nonResourceURLs, aggregation, one source aggregated into the built-in `view`),
 * ClusterRoleBindings, RoleBindings to Roles and to ClusterRoles, and subjects of every form. Every name
 * carries the prefix, so several seeds can share one API server without touching each other's identities.
 */
import { kindOf } from './catalog.js';
import {
  FEATURE_SHAPES,
  featureRule,
  NAMESPACES_SHAPE,
  resourceRule,
  rules,
  urlRule,
} from './generate-rules.js';
import { identitiesOf, localAccount, RBAC_GROUP, subjectPool, subjects } from './generate-subjects.js';
import type { Random } from './seeded-random.js';

export type { RawRule } from './generate-rules.js';

/** One generated world: its objects, and the identities worth asking about. */
export interface GeneratedRbac {
  readonly prefix: string;
  readonly namespaces: readonly string[];
  /** Namespaces first, then ClusterRoles, Roles and bindings: the order they can be created in. */
  readonly objects: readonly Record<string, unknown>[];
  /** Identity refs: `User/..`, `Group/..`, `ServiceAccount/ns/name`. */
  readonly identities: readonly string[];
}

const RBAC = 'rbac.authorization.k8s.io/v1';
const TO_VIEW = 'rbac.authorization.k8s.io/aggregate-to-view';

function meta(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, ...extra };
}

/** Generates one world. */
export function generateRbac(rng: Random, prefix: string): GeneratedRbac {
  const p = prefix;
  const pool = subjectPool(prefix);
  const { namespaces } = pool;
  const [nsA, nsB, nsC] = namespaces;
  const label = (name: string): string => `rd.test/${p}-${name}`;

  const objects: Record<string, unknown>[] = namespaces.map((name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: meta(name),
  }));
  const clusterRole = (name: string, body: Record<string, unknown>, labels?: Record<string, string>) => {
    objects.push({
      apiVersion: RBAC,
      kind: 'ClusterRole',
      metadata: meta(name, labels ? { labels } : {}),
      ...body,
    });
    return name;
  };

  // Plain ClusterRoles, some labelled as aggregation sources.
  const plain: string[] = [];
  for (let i = 0; i < 8; i++) {
    const labels: Record<string, string> = {};
    if (i === 0 || rng.chance(0.3)) labels[label('agg-a')] = 'true';
    if (i === 1 || rng.chance(0.25)) labels[label('agg-b')] = 'true';
    if (rng.chance(0.35)) labels[label('tier')] = rng.pick(['gold', 'silver']);
    if (rng.chance(0.1)) labels[label('agg-c')] = 'true';
    const extra = rng.chance(0.4) ? [featureRule(rng)] : [];
    plain.push(clusterRole(`${p}-cr-${i}`, { rules: [...rules(rng, 1, 3), ...extra] }, labels));
  }
  const urlRules = [
    [urlRule(rng, 'prefix'), urlRule(rng, 'exact')],
    [urlRule(rng, 'exact'), urlRule(rng, 'prefix')],
    [urlRule(rng), resourceRule(rng)],
  ];
  const nonResource = [0, 1, 2].map((i) =>
    clusterRole(
      `${p}-nr-${i}`,
      { rules: urlRules[i] ?? [] },
      i === 1 ? { [label('agg-a')]: 'true' } : undefined,
    ),
  );
  const aggregated = [
    clusterRole(`${p}-agg-1`, {
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [label('agg-a')]: 'true' } }] },
      // Rules written into an aggregated role are replaced by the controller: they grant nothing.
      rules: [{ verbs: ['get'], apiGroups: ['stale.example'], resources: ['stale'] }],
    }),
    clusterRole(
      `${p}-agg-2`,
      {
        aggregationRule: {
          clusterRoleSelectors: [
            { matchLabels: { [label('agg-b')]: 'true' } },
            { matchExpressions: [{ key: label('tier'), operator: 'In', values: ['gold'] }] },
          ],
        },
      },
      { [label('agg-c')]: 'true' },
    ),
    // Aggregates an aggregated role: the controller must converge through the chain.
    clusterRole(`${p}-agg-3`, {
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [label('agg-c')]: 'true' } }] },
    }),
    clusterRole(`${p}-agg-4`, {
      aggregationRule: {
        clusterRoleSelectors: [
          {
            matchExpressions: [
              { key: label('tier'), operator: 'Exists' },
              { key: label('agg-a'), operator: 'DoesNotExist' },
            ],
          },
        ],
      },
    }),
  ];
  const widget = kindOf('example.com', 'widgets');
  clusterRole(
    `${p}-to-view`,
    {
      rules: [
        {
          verbs: rng.some(['get', 'list', 'watch', 'update'], 2),
          apiGroups: [widget?.group ?? 'example.com'],
          resources: [rng.pick(['widgets', 'widgets/scale', 'widgets/status'])],
        },
      ],
    },
    { [TO_VIEW]: 'true' },
  );
  // One rule of every feature shape, always bound cluster-wide: every seed exercises each of them.
  const features = clusterRole(`${p}-features`, {
    rules: Array.from({ length: FEATURE_SHAPES }, (_, shape) => featureRule(rng, shape)),
  });
  const clusterRoles = [...plain, ...nonResource, ...aggregated, 'view', 'edit', 'admin'];

  const roles = new Map<string, string[]>();
  for (const ns of namespaces) {
    const names = [0, 1].map((i) => `${p}-role-${i}`);
    roles.set(ns, names);
    names.forEach((name, i) => {
      // The second Role always holds a rule on the namespaces resource: about its own namespace.
      const feature = i === 1 ? featureRule(rng, NAMESPACES_SHAPE) : featureRule(rng);
      objects.push({
        apiVersion: RBAC,
        kind: 'Role',
        metadata: meta(name, { namespace: ns }),
        rules: [...rules(rng, 1, 3), feature],
      });
    });
  }

  for (let i = 0; i < 7; i++) {
    // The first binds exact and prefix-form nonResourceURLs cluster-wide, where they take effect; the
    // second binds every feature shape.
    const roleName =
      i === 0
        ? nonResource[0]
        : i === 1
          ? features
          : rng.chance(0.4)
            ? rng.pick([...nonResource, ...aggregated])
            : rng.pick(clusterRoles);
    objects.push({
      apiVersion: RBAC,
      kind: 'ClusterRoleBinding',
      metadata: meta(`${p}-crb-${i}`),
      roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: roleName },
      subjects: subjects(rng, pool, undefined),
    });
  }
  for (const ns of namespaces) {
    for (let i = 0; i < 5; i++) {
      const toRole = i === 0 || rng.chance(0.45);
      const roleName = toRole ? rng.pick(roles.get(ns) ?? []) : rng.pick(clusterRoles);
      objects.push({
        apiVersion: RBAC,
        kind: 'RoleBinding',
        metadata: meta(`${p}-rb-${i}`, { namespace: ns }),
        roleRef: {
          apiGroup: RBAC_GROUP,
          kind: toRole ? 'Role' : 'ClusterRole',
          name: roleName,
        },
        subjects: [...(i === 0 ? [localAccount(rng, pool, ns)] : []), ...subjects(rng, pool, ns)],
      });
    }
  }
  // Every ServiceAccount, and every authenticated identity, of every seed, get one narrow rule in one
  // namespace (narrow, so they do not blanket the other questions): the model is fed every seed's objects.
  for (const [group, ns, resource] of [
    ['system:serviceaccounts', nsB, 'configmaps'],
    ['system:authenticated', nsC, 'widgets'],
  ] as const) {
    const name = `${p}-${group.replace('system:', '')}`;
    const rule = {
      verbs: rng.some(['get', 'list', 'update'], 2),
      apiGroups: [kindOf('example.com', resource) ? 'example.com' : ''],
      resources: [resource],
    };
    objects.push({ apiVersion: RBAC, kind: 'Role', metadata: meta(name, { namespace: ns }), rules: [rule] });
    objects.push({
      apiVersion: RBAC,
      kind: 'RoleBinding',
      metadata: meta(name, { namespace: ns }),
      roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name },
      subjects: [{ kind: 'Group', apiGroup: RBAC_GROUP, name: group }],
    });
  }
  // A binding to a Role that does not exist grants nothing.
  objects.push({
    apiVersion: RBAC,
    kind: 'RoleBinding',
    metadata: meta(`${p}-rb-missing`, { namespace: nsA }),
    roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: `${p}-missing` },
    subjects: [{ kind: 'User', apiGroup: RBAC_GROUP, name: pool.users[0] }],
  });

  return { prefix, namespaces, objects, identities: identitiesOf(pool) };
}
