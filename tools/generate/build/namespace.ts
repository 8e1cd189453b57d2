import type { KubeObject } from '../json-types.js';
import type { NamespacePlan } from '../model/plan-types.js';
import type { Random } from '../random.js';
import { simpleMeta } from './simple-meta.js';

/** A Namespace, with Pod Security Admission labels when the plan enforces a level. */
export function renderNamespace(ns: NamespacePlan, rng: Random): KubeObject {
  const labels: Record<string, string> = { 'kubernetes.io/metadata.name': ns.name };
  if (!ns.system) {
    labels.team = ns.team;
    labels.env = ns.env;
  }
  if (ns.psa !== undefined) {
    labels['pod-security.kubernetes.io/enforce'] = ns.psa;
    labels['pod-security.kubernetes.io/enforce-version'] = 'latest';
    // Teams tightening gradually warn one level above what they enforce.
    if (ns.psa === 'baseline') labels['pod-security.kubernetes.io/warn'] = 'restricted';
  }
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: simpleMeta({
      name: ns.name,
      created: ns.created,
      labels,
      apiVersion: 'v1',
      manager: ns.system ? 'kube-apiserver' : 'argocd-controller',
      body: {},
      rng,
    }),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}
