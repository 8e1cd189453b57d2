import { CLUSTER_EPOCH } from '../clock.js';
import type { PolicyRule, RoleSpec } from '../model/object-specs.js';
import { ALL_VERBS, READ, rule, urlRule } from '../model/rules.js';

const AGGREGATE = 'rbac.authorization.k8s.io/aggregate-to-';
const T0 = CLUSTER_EPOCH + 3600;

function role(name: string, rules: readonly PolicyRule[], labels?: Record<string, string>): RoleSpec {
  return { name, rules, labels, created: T0 };
}

/** ClusterRoles installed by the add-ons in the system namespaces. */
export function componentClusterRoles(): RoleSpec[] {
  return [
    role('cilium', [
      rule(['networking.k8s.io'], ['networkpolicies'], READ),
      rule(['discovery.k8s.io'], ['endpointslices'], READ),
      rule([''], ['namespaces', 'services', 'pods', 'endpoints', 'nodes'], READ),
      rule(
        ['cilium.io'],
        ['ciliumnetworkpolicies', 'ciliumendpoints', 'ciliumnodes', 'ciliumidentities'],
        ALL_VERBS,
      ),
    ]),
    role('cilium-operator', [
      rule([''], ['pods'], ['get', 'list', 'watch', 'delete']),
      rule([''], ['nodes', 'nodes/status'], ['list', 'watch', 'patch']),
      rule([''], ['services', 'endpoints', 'namespaces'], READ),
      rule(['cilium.io'], ['*'], ['*']),
    ]),
    role('system:metrics-server', [
      rule([''], ['nodes/metrics'], ['get']),
      rule([''], ['pods', 'nodes'], READ),
    ]),
    role('system:aggregated-metrics-reader', [rule(['metrics.k8s.io'], ['pods', 'nodes'], READ)], {
      [`${AGGREGATE}admin`]: 'true',
      [`${AGGREGATE}edit`]: 'true',
      [`${AGGREGATE}view`]: 'true',
    }),
    role('prometheus-k8s', [
      rule([''], ['nodes/metrics'], ['get']),
      rule(['', 'discovery.k8s.io'], ['services', 'endpoints', 'pods', 'endpointslices'], READ),
      urlRule(['/metrics', '/metrics/slis'], ['get']),
    ]),
    role('prometheus-operator', [
      rule(['monitoring.coreos.com'], ['*'], ['*']),
      rule(['apps'], ['statefulsets'], ['*']),
      rule([''], ['configmaps', 'secrets'], ['*']),
      rule([''], ['pods'], ['list', 'delete']),
      rule([''], ['services', 'services/finalizers', 'endpoints'], ['get', 'create', 'update', 'delete']),
      rule([''], ['namespaces', 'nodes'], ['list', 'watch']),
    ]),
    role('kube-state-metrics', [
      rule(
        [''],
        ['configmaps', 'secrets', 'nodes', 'pods', 'services', 'serviceaccounts', 'namespaces'],
        ['list', 'watch'],
      ),
      rule(['apps'], ['statefulsets', 'daemonsets', 'deployments', 'replicasets'], ['list', 'watch']),
      rule(['batch'], ['cronjobs', 'jobs'], ['list', 'watch']),
      rule(['networking.k8s.io'], ['networkpolicies', 'ingresses'], ['list', 'watch']),
    ]),
    role('fluent-bit', [rule([''], ['namespaces', 'pods'], READ)]),
    role('ingress-nginx', [
      rule([''], ['configmaps', 'endpoints', 'nodes', 'pods', 'secrets', 'namespaces'], ['list', 'watch']),
      rule(['networking.k8s.io'], ['ingresses', 'ingressclasses'], READ),
      rule(['networking.k8s.io'], ['ingresses/status'], ['update']),
      rule(['discovery.k8s.io'], ['endpointslices'], READ),
    ]),
    role('cert-manager-controller-certificates', [
      rule(['cert-manager.io'], ['certificates', 'certificaterequests', 'certificates/status'], ALL_VERBS),
      rule([''], ['secrets'], ALL_VERBS),
    ]),
    role(
      'cert-manager-view',
      [rule(['cert-manager.io'], ['certificates', 'certificaterequests', 'issuers'], READ)],
      {
        [`${AGGREGATE}view`]: 'true',
        [`${AGGREGATE}edit`]: 'true',
        [`${AGGREGATE}admin`]: 'true',
      },
    ),
    role(
      'cert-manager-edit',
      [rule(['cert-manager.io'], ['certificates', 'certificaterequests', 'issuers'], ALL_VERBS)],
      {
        [`${AGGREGATE}edit`]: 'true',
        [`${AGGREGATE}admin`]: 'true',
      },
    ),
    role('ebs-csi-node-role', [rule([''], ['nodes'], ['get', 'patch'])]),
    role('ebs-external-provisioner-role', [
      rule([''], ['persistentvolumes'], ['get', 'list', 'watch', 'create', 'delete']),
      rule([''], ['persistentvolumeclaims'], ['get', 'list', 'watch', 'update']),
      rule(['storage.k8s.io'], ['storageclasses', 'csinodes', 'volumeattachments'], READ),
    ]),
  ];
}
