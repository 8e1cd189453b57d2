/**
 * create-privileged-pod: a pod creator writes the whole pod spec (privileged, hostPID, a hostPath of `/`) and
 * its own nodeSelector and tolerations, so it lands on any node, control plane included, as root there.
 * Pod Security Admission `baseline` or `restricted` enforce on the namespace rejects such pods at create time.
 */
import { pointer } from '../collect/patch.js';
import type { Model } from '../model/model.js';
import type { Namespace } from '../model/types.js';
import { namespacesOf, reachedHubs } from './rbac-hubs.js';
import type { Edge, Evidence, Fix, Technique } from './types.js';
import { compareText, evidence, sortEdges } from './workload-helpers.js';

const ENFORCE = 'pod-security.kubernetes.io/enforce';

/** Why the namespace admits privileged pods, in words and with the deciding field. */
export function psaEvidence(model: Model, ns: Namespace): Evidence {
  if (!ns.declared)
    return evidence(
      model,
      ns.ref,
      `namespace ${ns.name} is not in the input, so its Pod Security level is unknown`,
    );
  if (ns.labels[ENFORCE] !== undefined)
    return evidence(
      model,
      ns.ref,
      `namespace ${ns.name} sets ${ENFORCE}: ${ns.labels[ENFORCE]}`,
      pointer('metadata', 'labels', ENFORCE),
    );
  return evidence(
    model,
    ns.ref,
    `namespace ${ns.name} has no ${ENFORCE} label, so the cluster default (${ns.psaEnforce}) applies`,
  );
}

/** Enforcing baseline on a namespace that is in the input; an absent Namespace cannot be patched. */
export function enforceBaseline(ns: Namespace): Fix[] {
  if (!ns.declared) return [];
  const hasLabels = Object.keys(ns.labels).length > 0;
  const op = hasLabels
    ? { op: 'add' as const, path: pointer('metadata', 'labels', ENFORCE), value: 'baseline' }
    : { op: 'add' as const, path: pointer('metadata', 'labels'), value: { [ENFORCE]: 'baseline' } };
  return [{ remediation: 'enforce-pod-security-baseline', target: ns.ref, ops: [op] }];
}

/** The namespace, or an undeclared one of unknown level when the input does not hold it. */
export function namespaceOrUnknown(model: Model, name: string): Namespace {
  return (
    model.namespace(name) ?? {
      ref: `Namespace/${name}`,
      name,
      labels: {},
      psaEnforce: 'unknown',
      declared: false,
    }
  );
}

/** True when Pod Security Admission would admit a privileged pod (or container) in the namespace. */
export function admitsPrivileged(ns: Namespace): boolean {
  return ns.psaEnforce === 'privileged' || ns.psaEnforce === 'unknown';
}

function find(model: Model): Edge[] {
  const pools = [...new Set(model.nodes.map((node) => node.pool))].sort(compareText);
  const edges: Edge[] = [];
  for (const name of namespacesOf(model, reachedHubs(model).createPods)) {
    const ns = namespaceOrUnknown(model, name);
    if (!admitsPrivileged(ns)) continue;
    const proof = psaEvidence(model, ns);
    for (const pool of pools)
      edges.push({
        technique: 'create-privileged-pod',
        from: `hub:create-pods/${name}`,
        to: `jewel:node-root/${pool}`,
        ...(ns.psaEnforce === 'unknown' ? { likelihood: 'likely' as const } : {}),
        evidence: [proof],
        fixes: enforceBaseline(ns),
      });
  }
  return sortEdges(edges);
}

/** A pod creator in a namespace without baseline enforcement becomes root on any node it chooses. */
export const createPrivilegedPod: Technique = {
  meta: {
    id: 'create-privileged-pod',
    title: 'Create a privileged pod on any node',
    summary: 'Becomes root on a node of the attacker’s choosing by creating a privileged pod there.',
    prerequisites:
      'The identity may create pods or pod controllers in a namespace whose Pod Security Admission enforce level is privileged (or unknown).',
    exploitation:
      'The attacker creates a pod that is privileged, shares the host PID namespace and mounts the host root, with a nodeSelector and tolerations that place it on the node they want, control plane included. From inside it they enter the host namespaces and act as root on that node.',
    threatModels: ['container', 'credentials'],
    mitre: ['T1610', 'T1611'],
    msThreatMatrix: ['MS-TA9008', 'MS-TA9018'],
    likelihood: 'trivial',
    remediations: ['enforce-pod-security-baseline'],
  },
  find,
};
