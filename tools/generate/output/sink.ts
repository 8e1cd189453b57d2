import type { KubeObject } from '../json-types.js';

/** Where generated objects go; implementations decide the file layout. */
export interface ObjectSink {
  /** Accept one object; the sink serialises it immediately and keeps no reference. */
  write(object: KubeObject): void;
  /** No more objects of this namespace (or of cluster scope, for `undefined`) will come. */
  endScope(namespace: string | undefined): void;
  /** Flush and close everything; returns total bytes written. */
  finish(): number;
}

/** The lowercase plural kubectl uses for each kind we emit, used for file names. */
export const KIND_PLURALS: Readonly<Record<string, string>> = {
  Namespace: 'namespaces',
  Node: 'nodes',
  ClusterRole: 'clusterroles',
  ClusterRoleBinding: 'clusterrolebindings',
  ServiceAccount: 'serviceaccounts',
  Secret: 'secrets',
  Role: 'roles',
  RoleBinding: 'rolebindings',
  Service: 'services',
  Ingress: 'ingresses',
  NetworkPolicy: 'networkpolicies',
  Deployment: 'deployments',
  ReplicaSet: 'replicasets',
  DaemonSet: 'daemonsets',
  StatefulSet: 'statefulsets',
  CronJob: 'cronjobs',
  Job: 'jobs',
  Pod: 'pods',
};

/** Plural for a kind, failing loudly on a kind nobody registered. */
export function pluralOf(kind: string): string {
  const plural = KIND_PLURALS[kind];
  if (plural === undefined) throw new Error(`no plural registered for kind ${kind}`);
  return plural;
}
