/**
 * Which kinds are cluster-scoped. kubectl puts a namespaced object without `metadata.namespace` in `default`, and
 * ignores the namespace of a cluster-scoped one, so refs must follow the same rule to match what the API stores.
 */

/** Built-in (and widely installed) kinds that live outside namespaces. */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'APIService',
  'CSIDriver',
  'CSINode',
  'CertificateSigningRequest',
  'ClusterIssuer',
  'ClusterPolicy',
  'ClusterRole',
  'ClusterRoleBinding',
  'ClusterTrustBundle',
  'ComponentStatus',
  'ConstraintTemplate',
  'CustomResourceDefinition',
  'DeviceClass',
  'FlowSchema',
  'GatewayClass',
  'IPAddress',
  'IngressClass',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PodSecurityPolicy',
  'PriorityClass',
  'PriorityLevelConfiguration',
  'ResourceSlice',
  'RuntimeClass',
  'SelfSubjectAccessReview',
  'SelfSubjectReview',
  'SelfSubjectRulesReview',
  'ServiceCIDR',
  'StorageClass',
  'StorageVersion',
  'StorageVersionMigration',
  'SubjectAccessReview',
  'TokenReview',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
  'VolumeAttributesClass',
]);

/** Built-in kinds that live in a namespace, so a missing `metadata.namespace` means `default`. */
export const NAMESPACED_KINDS: ReadonlySet<string> = new Set([
  'Binding',
  'ConfigMap',
  'ControllerRevision',
  'CronJob',
  'CSIStorageCapacity',
  'DaemonSet',
  'Deployment',
  'EndpointSlice',
  'Endpoints',
  'Event',
  'GRPCRoute',
  'Gateway',
  'HTTPRoute',
  'HorizontalPodAutoscaler',
  'Ingress',
  'Job',
  'Lease',
  'LimitRange',
  'LocalSubjectAccessReview',
  'NetworkPolicy',
  'PersistentVolumeClaim',
  'Pod',
  'PodDisruptionBudget',
  'PodTemplate',
  'ReferenceGrant',
  'ReplicaSet',
  'ReplicationController',
  'ResourceClaim',
  'ResourceClaimTemplate',
  'ResourceQuota',
  'Role',
  'RoleBinding',
  'Secret',
  'Service',
  'ServiceAccount',
  'StatefulSet',
]);

/**
 * The namespace an object lives in, or `undefined` when it is cluster-scoped. Unknown kinds (CRDs) are namespaced
 * only when they say so, since their scope is declared in a CRD the input may not hold.
 */
export function namespaceFor(kind: string, declared: string | undefined): string | undefined {
  if (CLUSTER_SCOPED_KINDS.has(kind)) return undefined;
  if (declared !== undefined && declared !== '') return declared;
  return NAMESPACED_KINDS.has(kind) ? 'default' : undefined;
}
