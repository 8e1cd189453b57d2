/**
 * Misconfigurations planted on purpose, each at a low rate, so an analyser has real findings.
 * Every kind appears at least once at every size.
 */
export const MISTAKE_KINDS = [
  'privileged',
  'host-path-root',
  'docker-socket',
  'containerd-socket',
  'cap-sys-admin',
  'cap-sys-module',
  'host-pid',
  'host-network',
  'cluster-admin-token',
  'pod-create-token',
  'secret-read-token',
  'exposed-service',
  'legacy-token-secret',
  'latest-tag',
  'secret-env',
] as const;

/** One planted misconfiguration kind. */
export type MistakeKind = (typeof MISTAKE_KINDS)[number];

/** Kinds that change the pod itself, which Pod Security Admission baseline would reject. */
export const POD_LEVEL_MISTAKES: ReadonlySet<MistakeKind> = new Set([
  'privileged',
  'host-path-root',
  'docker-socket',
  'containerd-socket',
  'cap-sys-admin',
  'cap-sys-module',
  'host-pid',
  'host-network',
]);

/** Kinds that hand a workload a powerful ServiceAccount token; one per namespace at most. */
export const TOKEN_MISTAKES: ReadonlySet<MistakeKind> = new Set([
  'cluster-admin-token',
  'pod-create-token',
  'secret-read-token',
]);
