import type { PolicyRule } from '../model/object-specs.js';
import { ALL_VERBS, READ, rule, WILDCARD_RULE } from '../model/rules.js';

/** Role name suffix and rules; a few templates are over-broad on purpose, as in real clusters. */
export const ROLE_TEMPLATES: readonly (readonly [
  name: string,
  weight: number,
  rules: readonly PolicyRule[],
])[] = [
  ['config-reader', 20, [rule([''], ['configmaps'], READ)]],
  [
    'leader-election',
    18,
    [
      rule(['coordination.k8s.io'], ['leases'], ['get', 'create', 'update']),
      rule([''], ['events'], ['create', 'patch']),
    ],
  ],
  [
    'developer',
    14,
    [
      rule(['', 'apps'], ['pods', 'pods/log', 'deployments', 'replicasets', 'services'], READ),
      rule(['apps'], ['deployments'], ['patch']),
      rule([''], ['pods/portforward'], ['create']),
    ],
  ],
  [
    'endpoint-reader',
    12,
    [rule(['', 'discovery.k8s.io'], ['endpoints', 'endpointslices', 'services'], READ)],
  ],
  ['job-runner', 8, [rule(['batch'], ['jobs'], ['get', 'list', 'watch', 'create', 'delete'])]],
  [
    'deployer',
    10,
    [
      rule(['apps'], ['deployments', 'statefulsets'], ALL_VERBS),
      rule([''], ['services', 'configmaps'], ['get', 'list', 'create', 'update', 'patch']),
      rule(['networking.k8s.io'], ['ingresses'], ['get', 'list', 'create', 'update', 'patch']),
    ],
  ],
  ['credentials-reader', 6, [rule([''], ['secrets'], ['get'], ['app-credentials'])]],
  ['debugger', 3, [rule([''], ['pods', 'pods/log'], READ), rule([''], ['pods/exec'], ['create'])]],
  ['namespace-admin', 1, [WILDCARD_RULE]],
];

/** Rules of the Role behind a `pod-create-token` mistake: enough to start a privileged pod. */
export const POD_MANAGER_RULES: readonly PolicyRule[] = [
  rule([''], ['pods'], ['get', 'list', 'watch', 'create', 'delete']),
  rule([''], ['pods/log'], ['get']),
];

/** Rules of the Role behind a `secret-read-token` mistake: every Secret in the namespace. */
export const SECRET_READER_RULES: readonly PolicyRule[] = [rule([''], ['secrets'], ['get', 'list', 'watch'])];
