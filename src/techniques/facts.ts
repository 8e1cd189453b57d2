/**
 * Facts: observed, security-relevant properties of single objects. Edges cite them as evidence; those on no
 * path are still reported, as hygiene, below everything on a path.
 */
import { pointer } from '../collect/patch.js';
import type { Model } from '../model/model.js';
import { ruleAllows } from '../model/rbac-match.js';
import type { Container, Ref, Workload } from '../model/types.js';
import { controlPlaneFacts } from './control-plane-facts.js';
import { isRuntimeSocketPath } from './host-paths.js';
import { type HygieneFactId, hygieneFacts } from './hygiene-facts.js';
import { bindingFacts } from './rbac-binding-facts.js';
import { type RbacFactId, rbacFacts } from './rbac-facts.js';
import { streamRequests } from './rbac-stream.js';
import { scannerSays } from './scanner-fact.js';
import {
  compareText,
  containerPointer,
  locationString,
  mountedVolumes,
  podSpecPointer,
} from './workload-helpers.js';

/** Every fact id. */
export type FactId =
  | 'allow-privilege-escalation'
  | 'anonymous-auth-enabled'
  | 'automount-token'
  | 'capability-added'
  | 'credential-in-configmap'
  | 'credential-in-env'
  | 'duplicate-key'
  | 'host-ipc'
  | 'host-network'
  | 'host-path'
  | 'host-path-writable'
  | 'host-pid'
  | 'host-port'
  | 'image-latest'
  | 'kubelet-read-only-port'
  | 'legacy-token-secret'
  | 'load-balancer-service'
  | 'network-policy-missing'
  | 'no-resource-limits'
  | 'node-port-service'
  | 'privileged'
  | 'pod-exec-rbac-rule'
  | 'profiling-enabled'
  | 'psa-privileged-namespace'
  | 'rbac-anonymous-binding'
  | 'rbac-authenticated-binding'
  | 'run-as-root'
  | 'runtime-socket'
  | 'scanner-identity'
  | 'seccomp-unconfined'
  | 'share-process-namespace'
  | 'system-masters-binding'
  | 'wildcard-rbac-rule'
  | RbacFactId
  | HygieneFactId;

/** One fact about one object. */
export interface Fact {
  readonly fact: FactId;
  readonly object: Ref;
  /** The container, when the fact is about one container of a workload. */
  readonly container?: string;
  readonly path?: string;
  readonly location?: string;
  readonly says: string;
}

type Emit = (fact: FactId, says: string, path?: string) => void;

/** True when an image names no tag and no digest (the registry serves `latest`), or the `latest` tag. */
export function isLatestImage(image: string): boolean {
  if (image === '' || image.includes('@')) return false;
  const name = image.slice(image.lastIndexOf('/') + 1);
  const colon = name.lastIndexOf(':');
  return colon < 0 || name.slice(colon + 1) === 'latest';
}

function workloadFacts(workload: Workload, emit: Emit): void {
  const pod = (field: string) => podSpecPointer(workload, field);
  if (workload.hostPID)
    emit('host-pid', 'the pod shares the host PID namespace (hostPID: true)', pod('hostPID'));
  if (workload.hostIPC)
    emit('host-ipc', 'the pod shares the host IPC namespace (hostIPC: true)', pod('hostIPC'));
  if (workload.hostNetwork)
    emit('host-network', 'the pod uses the host network namespace (hostNetwork: true)', pod('hostNetwork'));
  if (workload.shareProcessNamespace)
    emit(
      'share-process-namespace',
      "containers of the pod see each other's processes",
      pod('shareProcessNamespace'),
    );
  if (workload.token.mounted) emit('automount-token', `the pod holds an API token: ${workload.token.reason}`);
  for (const volume of workload.volumes) {
    if (volume.type !== 'hostPath' || volume.hostPath === undefined) continue;
    const path = podSpecPointer(workload, 'volumes', volume.index, 'hostPath', 'path');
    emit('host-path', `volume ${volume.name} mounts host path ${volume.hostPath}`, path);
    if (isRuntimeSocketPath(volume.hostPath))
      emit(
        'runtime-socket',
        `volume ${volume.name} mounts the container runtime socket path ${volume.hostPath}`,
        path,
      );
  }
}

function containerFacts(workload: Workload, container: Container, emit: Emit): void {
  const sc = container.securityContext;
  const at = (...segments: (string | number)[]) => containerPointer(workload, container, ...segments);
  const name = `container ${container.name}`;
  if (sc.privileged)
    emit('privileged', `${name} sets securityContext.privileged: true`, at('securityContext', 'privileged'));
  for (const cap of sc.capabilitiesAdd)
    emit('capability-added', `${name} adds capability ${cap}`, at('securityContext', 'capabilities', 'add'));
  if (sc.runAsUser === 0) emit('run-as-root', `${name} runs as UID 0 (runAsUser: 0)`);
  if (sc.allowPrivilegeEscalation)
    emit(
      'allow-privilege-escalation',
      `${name} may gain privileges through setuid binaries (allowPrivilegeEscalation)`,
    );
  if (sc.seccomp === 'Unconfined') emit('seccomp-unconfined', `${name} runs with seccomp profile Unconfined`);
  for (const { volume, writable, mount } of mountedVolumes(workload, container)) {
    if (volume.type === 'hostPath' && writable)
      emit(
        'host-path-writable',
        `${name} mounts host path ${volume.hostPath} writable`,
        at('volumeMounts', mount),
      );
  }
  container.ports.forEach((port, i) => {
    if (port.hostPort !== undefined)
      emit(
        'host-port',
        `${name} binds hostPort ${port.hostPort} on its node's addresses`,
        at('ports', i, 'hostPort'),
      );
  });
  if (isLatestImage(container.image))
    emit(
      'image-latest',
      `${name} runs image ${container.image}, which floats with the latest tag`,
      at('image'),
    );
  if (container.credentialLikeEnvNames.length > 0)
    emit(
      'credential-in-env',
      `${name} sets credential-like env vars as literals: ${container.credentialLikeEnvNames.join(', ')}`,
      at('env'),
    );
  if (!container.hasResourceLimits && container.role !== 'ephemeral')
    emit('no-resource-limits', `${name} sets no CPU and memory limits`, at('resources'));
}

/** Every fact of the model, sorted by (object, container, fact, path, says). */
export function findFacts(model: Model): readonly Fact[] {
  // Facts are grouped per object, so only each object's few facts need a full comparison.
  const groups = new Map<Ref, Fact[]>();
  const emitter = (object: Ref, container?: string): Emit => {
    const location = locationString(model, object);
    const list = groups.get(object) ?? [];
    groups.set(object, list);
    return (fact, says, path) =>
      list.push({
        fact,
        object,
        ...(container === undefined ? {} : { container }),
        ...(path === undefined ? {} : { path }),
        ...(location === undefined ? {} : { location }),
        says,
      });
  };
  for (const workload of model.workloads) {
    workloadFacts(workload, emitter(workload.ref));
    for (const container of workload.containers)
      containerFacts(workload, container, emitter(workload.ref, container.name));
  }
  for (const service of model.services) {
    const emit = emitter(service.ref);
    if (service.type === 'LoadBalancer')
      emit('load-balancer-service', `Service ${service.name} is type LoadBalancer`, '/spec/type');
    if (service.type === 'NodePort')
      emit('node-port-service', `Service ${service.name} is type NodePort`, '/spec/type');
  }
  for (const secret of model.secrets) {
    if (secret.type === 'kubernetes.io/service-account-token')
      emitter(secret.ref)(
        'legacy-token-secret',
        `Secret ${secret.name} holds a long-lived token of ServiceAccount ${secret.serviceAccountName ?? '(unnamed)'}`,
        '/type',
      );
  }
  for (const configMap of model.configMaps) {
    if (configMap.credentialLikeKeys.length > 0)
      emitter(configMap.ref)(
        'credential-in-configmap',
        `ConfigMap ${configMap.name} has credential-like keys: ${configMap.credentialLikeKeys.join(', ')}`,
        '/data',
      );
  }
  for (const namespace of model.namespaces) {
    if (namespace.declared && namespace.labels['pod-security.kubernetes.io/enforce'] === 'privileged')
      emitter(namespace.ref)(
        'psa-privileged-namespace',
        `Namespace ${namespace.name} enforces the privileged Pod Security level`,
        pointer('metadata', 'labels', 'pod-security.kubernetes.io/enforce'),
      );
  }
  const podShellRequests = [...streamRequests(model, 'exec'), ...streamRequests(model, 'attach')];
  for (const binding of model.bindings) {
    const facts = bindingFacts(binding);
    if (facts.length === 0) continue;
    const emit = emitter(binding.ref);
    for (const { fact, says, path } of facts) emit(fact, says, path);
  }
  for (const { object, fact, says, path } of controlPlaneFacts(model)) emitter(object)(fact, says, path);
  for (const { object, fact, says, path } of rbacFacts(model)) emitter(object)(fact, says, path);
  for (const { object, container, fact, says, path } of hygieneFacts(model))
    emitter(object, container)(fact, says, path);
  // A live scan names the identity it ran as: its credentials read what it reads, Secrets included.
  if (model.scanner !== undefined)
    emitter(model.scanner.identity)('scanner-identity', scannerSays(model.scanner));
  // kubectl keeps the last value, strict API servers refuse the object, other tools differ: the scan analyses
  // the most dangerous reading, and says so here.
  for (const { ref, path, lines } of model.duplicateKeys)
    emitter(ref)(
      'duplicate-key',
      `key ${path} is given ${lines.length} times (lines ${lines.join(', ')}); which value counts depends on the tool that applies it, and the most dangerous reading is analysed`,
      path,
    );
  for (const role of model.roles) {
    // An aggregated ClusterRole's rules are the controller's copy of its sources, which carry the fact.
    if (role.builtIn || role.aggregatedFrom !== undefined) continue;
    role.rules.forEach((rule, i) => {
      const wild = (['verbs', 'resources', 'apiGroups'] as const).filter((field) =>
        rule[field].includes('*'),
      );
      if (wild.length > 0)
        emitter(role.ref)(
          'wildcard-rbac-rule',
          `${role.kind} ${role.name} rule ${i} has * in ${wild.join(', ')}`,
          `/rules/${i}`,
        );
      // Latent until bound: whoever is bound later runs commands in every pod the binding's scope covers.
      if (podShellRequests.some((request) => ruleAllows(rule, request)))
        emitter(role.ref)(
          'pod-exec-rbac-rule',
          `${role.kind} ${role.name} rule ${i} allows exec into or attach to pods`,
          `/rules/${i}`,
        );
    });
  }
  const inObject = (a: Fact, b: Fact) =>
    compareText(a.container ?? '', b.container ?? '') ||
    compareText(a.fact, b.fact) ||
    compareText(a.path ?? '', b.path ?? '') ||
    compareText(a.says, b.says);
  return [...groups.keys()].sort(compareText).flatMap((object) => groups.get(object)!.sort(inObject));
}
