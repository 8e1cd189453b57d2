/**
 * Hardening and exposure facts that lie on no path by themselves: a container that may run as root, keeps the
 * default capabilities, takes Secrets into its environment or runs AppArmor Unconfined; a Service that selects workloads, forwards SSH, or puts a
 * known administrative UI on a node port or load balancer.
 */
import { mapSelectorMatches } from '../model/label-selector.js';
import type { Model } from '../model/model.js';
import type { Service, Workload } from '../model/types.js';
import { workloadsIn } from './rbac-capability.js';
import { containerPointer } from './workload-helpers.js';

/** The hygiene fact ids. */
export type HygieneFactId =
  | 'apparmor-unconfined'
  | 'capabilities-not-dropped'
  | 'run-as-root-possible'
  | 'secret-in-env-reference'
  | 'sensitive-interface-exposed'
  | 'service-backend'
  | 'ssh-port-exposed';

/** One hygiene fact, before the facts table adds locations. */
export interface HygieneFact {
  readonly object: string;
  readonly container?: string;
  readonly fact: HygieneFactId;
  readonly says: string;
  readonly path?: string;
}

// Ports SSH daemons listen on by convention (22, and 2222 for unprivileged sshd images).
const SSH_PORTS = new Set([22, 2222]);

/**
 * Image repositories of administrative UIs that run code or read cluster state for whoever reaches them
 * (matched on the repository path, any registry and tag).
 */
const SENSITIVE_IMAGES: readonly string[] = [
  'argoproj/argocli',
  'jenkins/jenkins',
  'kubernetesui/dashboard',
  'apache/nifi',
  'weaveworks/scope',
  'jupyter/',
  'kubeflow',
];

/** The workloads a Service selects: same namespace, a non-empty selector that matches the pod labels. */
export function backendsOf(model: Model, service: Service): Workload[] {
  if (Object.keys(service.selector).length === 0) return [];
  return workloadsIn(model, service.namespace).filter((w) =>
    mapSelectorMatches(service.selector, w.podLabels),
  );
}

function repository(image: string): string {
  const at = image.indexOf('@');
  const bare = at < 0 ? image : image.slice(0, at);
  const slash = bare.lastIndexOf('/');
  const colon = bare.lastIndexOf(':');
  return colon > slash ? bare.slice(0, colon) : bare;
}

// The container runtimes' default capability set (containerd and CRI-O defaults, Docker's before 20.10 too).
const RUNTIME_DEFAULT_CAPABILITIES: readonly string[] = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'NET_RAW',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
];

/** The capabilities a container holds beyond none: added ones, and runtime defaults it does not drop. */
export function keptCapabilities(drop: readonly string[], add: readonly string[]): string[] {
  const defaults = drop.includes('ALL') ? [] : RUNTIME_DEFAULT_CAPABILITIES.filter((c) => !drop.includes(c));
  return [...new Set([...defaults, ...add])].sort();
}

function containerHygiene(workload: Workload, out: HygieneFact[]): void {
  for (const container of workload.containers) {
    const sc = container.securityContext;
    const base = { object: workload.ref, container: container.name };
    const name = `container ${container.name}`;
    // The image picks the UID when no level states one; without runAsNonRoot the kubelet starts it as root too.
    if (!sc.runAsNonRoot && sc.runAsUser === 'unknown')
      out.push({
        ...base,
        fact: 'run-as-root-possible',
        says: `${name} sets neither runAsNonRoot nor a UID: it runs as root whenever its image does`,
        path: containerPointer(workload, container, 'securityContext'),
      });
    const kept = keptCapabilities(sc.capabilitiesDrop, sc.capabilitiesAdd);
    if (!sc.privileged && kept.length > 0)
      out.push({
        ...base,
        fact: 'capabilities-not-dropped',
        says: `${name} keeps capabilities ${kept.join(', ')} (no capabilities.drop: [ALL])`,
        path: containerPointer(workload, container, 'securityContext', 'capabilities'),
      });
    // A Secret in env sits in the process environment: inherited by children, shown in /proc, often logged.
    if (container.envSecretNames.length > 0)
      out.push({
        ...base,
        fact: 'secret-in-env-reference',
        says: `${name} takes Secrets ${container.envSecretNames.join(', ')} into its environment (env or envFrom)`,
        path: containerPointer(workload, container, 'env'),
      });
    if (sc.appArmor === 'Unconfined')
      out.push({
        ...base,
        fact: 'apparmor-unconfined',
        says: `${name} runs with AppArmor profile Unconfined`,
      });
  }
}

function serviceHygiene(model: Model, service: Service, out: HygieneFact[]): void {
  const backends = backendsOf(model, service);
  if (backends.length === 0) return;
  const names = backends.map((w) => w.ref).join(', ');
  out.push({
    object: service.ref,
    fact: 'service-backend',
    says: `Service ${service.name} sends traffic to ${names}`,
  });
  service.ports.forEach((port, i) => {
    const ssh =
      SSH_PORTS.has(port.port) ||
      (typeof port.targetPort === 'number' && SSH_PORTS.has(port.targetPort)) ||
      port.name === 'ssh' ||
      port.targetPort === 'ssh';
    if (!ssh) return;
    for (const object of [service.ref, ...backends.map((w) => w.ref)])
      out.push({
        object,
        fact: 'ssh-port-exposed',
        says: `Service ${service.name} port ${port.port} forwards SSH to ${names}`,
        ...(object === service.ref ? { path: `/spec/ports/${i}` } : {}),
      });
  });
  if (service.type !== 'NodePort' && service.type !== 'LoadBalancer') return;
  for (const workload of backends)
    for (const container of workload.containers)
      if (SENSITIVE_IMAGES.some((known) => repository(container.image).includes(known)))
        out.push({
          object: workload.ref,
          container: container.name,
          fact: 'sensitive-interface-exposed',
          says: `container ${container.name} runs administrative UI ${container.image}, reachable outside the cluster through ${service.type} Service ${service.name}`,
          path: containerPointer(workload, container, 'image'),
        });
}

/** Every hygiene fact of the model. */
export function hygieneFacts(model: Model): HygieneFact[] {
  const out: HygieneFact[] = [];
  for (const workload of model.workloads) containerHygiene(workload, out);
  for (const service of model.services) serviceHygiene(model, service, out);
  return out;
}
