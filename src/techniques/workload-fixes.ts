/**
 * Fix builders for workloads, Services and Ingresses. Every patch is relative to the target object as it is in
 * the snapshot, is what a person would apply by hand, and lists array removals in descending index order.
 */
import { type PatchOp, pointer } from '../collect/patch.js';
import type { Container, Ingress, Service, Volume, Workload } from '../model/types.js';
import type { Fix } from './types.js';
import { CONTAINER_LIST, containerPointer, podSpecPointer } from './workload-helpers.js';

/** The node label and taint a dedicated pool for sensitive workloads carries. */
export const DEDICATED_KEY = 'chokepoint.io/dedicated';
/** The value of the dedicated label and taint. */
export const DEDICATED_VALUE = 'sensitive';

/** `privileged: false` on the one container that set it to true. */
export function dropPrivileged(workload: Workload, container: Container): Fix {
  const path = containerPointer(workload, container, 'securityContext', 'privileged');
  return {
    remediation: 'drop-privileged',
    target: workload.ref,
    ops: [{ op: 'replace', path, value: false }],
  };
}

/**
 * Takes capabilities out of one container's `capabilities.add`: the list is rewritten without them (in the
 * model's normalised spelling, which the runtimes read the same way), or removed when nothing is left.
 */
export function dropCapability(
  workload: Workload,
  container: Container,
  capabilities: readonly string[],
): Fix {
  const path = containerPointer(workload, container, 'securityContext', 'capabilities', 'add');
  const kept = container.securityContext.capabilitiesAdd.filter((cap) => !capabilities.includes(cap));
  const op: PatchOp = kept.length === 0 ? { op: 'remove', path } : { op: 'replace', path, value: kept };
  return { remediation: 'drop-capability', target: workload.ref, ops: [op] };
}

/**
 * Removes a hostPath volume and every mount of it, in every container of every role; a mount left behind
 * would make the API server reject the pod template.
 */
export function removeHostPath(workload: Workload, volume: Volume): Fix {
  const ops: PatchOp[] = [];
  for (const role of ['container', 'init', 'ephemeral'] as const) {
    const containers = workload.containers.filter((c) => c.role === role).sort((a, b) => b.index - a.index);
    for (const container of containers) {
      const indices = container.volumeMounts.flatMap((mount, i) => (mount.volume === volume.name ? [i] : []));
      for (const index of descending(indices)) {
        ops.push({ op: 'remove', path: containerPointer(workload, container, 'volumeMounts', index) });
      }
    }
  }
  ops.push({ op: 'remove', path: podSpecPointer(workload, 'volumes', volume.index) });
  return { remediation: 'remove-host-path', target: workload.ref, ops };
}

/** `automountServiceAccountToken: false` on the pod spec, which overrides the ServiceAccount's setting. */
export function disableTokenAutomount(workload: Workload): Fix {
  const path = podSpecPointer(workload, 'automountServiceAccountToken');
  return {
    remediation: 'disable-token-automount',
    target: workload.ref,
    ops: [{ op: 'add', path, value: false }],
  };
}

/**
 * `type: ClusterIP`, with the fields the API server forbids on a ClusterIP Service removed (ValidateService in
 * kubernetes pkg/apis/core/validation/validation.go): `ports[*].nodePort` ("may not be used when `type` is
 * 'ClusterIP'"), `loadBalancerSourceRanges`, `loadBalancerClass` and `allocateLoadBalancerNodePorts` ("may
 * only be used when `type` is 'LoadBalancer'"), `externalTrafficPolicy` ("may only be set for
 * externally-accessible services") and `healthCheckNodePort`. Only fields the model saw are removed: a JSON
 * Patch `remove` of an absent path fails.
 */
export function makeServiceInternal(service: Service): Fix {
  const ops: PatchOp[] = [{ op: 'replace', path: '/spec/type', value: 'ClusterIP' }];
  const withNodePort = service.ports.flatMap((port, i) => (port.nodePort === undefined ? [] : [i]));
  for (const index of descending(withNodePort)) {
    ops.push({ op: 'remove', path: pointer('spec', 'ports', index, 'nodePort') });
  }
  const fields = new Set(service.externalOnlyFields ?? []);
  if (service.sourceRanges.length > 0) fields.add('loadBalancerSourceRanges');
  for (const field of [...fields].sort()) ops.push({ op: 'remove', path: pointer('spec', field) });
  return { remediation: 'make-service-internal', target: service.ref, ops };
}

/**
 * Removes the given routes from an Ingress: each path entry, a rule whose every path goes (a rule with no path
 * is invalid), or the whole Ingress when no route would be left. Undefined when a route is the default
 * backend: its field name (`defaultBackend` or `backend`) depends on the API version, which the model drops.
 */
export function removeIngressBackend(ingress: Ingress, routes: Ingress['backends']): Fix | undefined {
  if (routes.length === 0) return undefined;
  const target = ingress.ref;
  if (routes.length >= ingress.backends.length) {
    return { remediation: 'remove-ingress-backend', target, ops: [{ op: 'delete-object' }] };
  }
  const byRule = new Map<number, number[]>();
  for (const route of routes) {
    if (route.ruleIndex === undefined || route.pathIndex === undefined) return undefined;
    byRule.set(route.ruleIndex, [...(byRule.get(route.ruleIndex) ?? []), route.pathIndex]);
  }
  const ops: PatchOp[] = [];
  for (const rule of descending([...byRule.keys()])) {
    const remove = descending(byRule.get(rule) ?? []);
    const total = ingress.backends.filter((backend) => backend.ruleIndex === rule).length;
    if (remove.length >= total) ops.push({ op: 'remove', path: pointer('spec', 'rules', rule) });
    else
      for (const index of remove)
        ops.push({ op: 'remove', path: pointer('spec', 'rules', rule, 'http', 'paths', index) });
  }
  return { remediation: 'remove-ingress-backend', target, ops };
}

/** Pins the workload to a dedicated, tainted pool: a nodeSelector plus a toleration for the pool's taint. */
export function isolateSensitiveWorkload(workload: Workload): Fix {
  const toleration = { key: DEDICATED_KEY, operator: 'Equal', value: DEDICATED_VALUE, effect: 'NoSchedule' };
  const selectorOp: PatchOp =
    Object.keys(workload.nodeSelector).length === 0
      ? {
          op: 'add',
          path: podSpecPointer(workload, 'nodeSelector'),
          value: { [DEDICATED_KEY]: DEDICATED_VALUE },
        }
      : { op: 'add', path: podSpecPointer(workload, 'nodeSelector', DEDICATED_KEY), value: DEDICATED_VALUE };
  const tolerationOp: PatchOp =
    workload.tolerations.length === 0
      ? { op: 'add', path: podSpecPointer(workload, 'tolerations'), value: [toleration] }
      : { op: 'add', path: podSpecPointer(workload, 'tolerations', '-'), value: toleration };
  return { remediation: 'isolate-sensitive-workload', target: workload.ref, ops: [selectorOp, tolerationOp] };
}

/** The container list name, exported for evidence paths. */
export function containerListName(container: Container): string {
  return CONTAINER_LIST[container.role];
}

function descending(indices: readonly number[]): number[] {
  return [...new Set(indices)].sort((a, b) => b - a);
}
