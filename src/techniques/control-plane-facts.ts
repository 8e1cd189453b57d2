/**
 * Facts about the control plane and network isolation that lie on no path by themselves: profiling handlers,
 * anonymous authentication, the kubelet read-only port, and pods or namespaces no NetworkPolicy isolates.
 */
import type { Model } from '../model/model.js';
import { isOpen, reachContextOf } from '../model/network-reach.js';
import { flag } from './control-plane-helpers.js';

/** One control-plane or network fact, before the facts table adds locations. */
export interface ControlPlaneFact {
  readonly object: string;
  readonly fact:
    | 'anonymous-auth-enabled'
    | 'kubelet-read-only-port'
    | 'network-policy-missing'
    | 'profiling-enabled';
  readonly says: string;
  readonly path?: string;
}

// Components that serve /debug/pprof unless --profiling=false (the flag defaults to true).
const PROFILED = new Set(['kube-apiserver', 'kube-controller-manager', 'kube-scheduler']);

/** Every control-plane and network-isolation fact of the model. */
export function controlPlaneFacts(model: Model): ControlPlaneFact[] {
  const out: ControlPlaneFact[] = [];
  for (const c of model.controlPlane.components) {
    const path = (name: string) => c.flags.flags.get(name)?.path || undefined;
    const at = (name: string) => (path(name) === undefined ? {} : { path: path(name)! });
    if (PROFILED.has(c.component) && flag(c, 'profiling') !== 'false')
      out.push({
        object: c.ref,
        fact: 'profiling-enabled',
        says: `${c.component} serves profiling handlers (--profiling is not false)`,
        ...at('profiling'),
      });
    if (c.component === 'kube-apiserver' && (flag(c, 'anonymous-auth') ?? 'true') === 'true')
      out.push({
        object: c.ref,
        fact: 'anonymous-auth-enabled',
        says: 'kube-apiserver accepts anonymous requests (--anonymous-auth is not false)',
        ...at('anonymous-auth'),
      });
  }
  for (const k of model.controlPlane.kubelets) {
    if (k.readOnlyPort > 0)
      out.push({
        object: k.ref,
        fact: 'kubelet-read-only-port',
        says: `kubelet serves the unauthenticated read-only port ${k.readOnlyPort}`,
      });
    if (k.anonymous)
      out.push({
        object: k.ref,
        fact: 'anonymous-auth-enabled',
        says: `kubelet (${k.source}) accepts anonymous requests`,
      });
  }
  if (!model.assumptions.networkPolicyEnforced) return out;
  const { classOf } = reachContextOf(model).classes;
  const namespacesWithPolicies = new Set(model.networkPolicies.map((policy) => policy.namespace));
  for (const workload of model.workloads) {
    const reachClass = classOf.get(workload.ref);
    if (reachClass === undefined || reachClass.hostNetwork) continue;
    const open = (['ingress', 'egress'] as const).filter((direction) => isOpen(reachClass, direction));
    if (open.length > 0)
      out.push({
        object: workload.ref,
        fact: 'network-policy-missing',
        says: `no NetworkPolicy isolates the pods of ${workload.ref} for ${open.join(' and ')}`,
      });
  }
  for (const namespace of model.namespaces)
    if (namespace.declared && !namespacesWithPolicies.has(namespace.name))
      out.push({
        object: namespace.ref,
        fact: 'network-policy-missing',
        says: `namespace ${namespace.name} has no NetworkPolicy`,
      });
  return out;
}
