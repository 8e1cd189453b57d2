import type { JsonObject, JsonValue } from '../json-types.js';
import type { ContainerSecuritySpec, ContainerSpec, EnvSpec, MountSpec } from '../model/workload-spec.js';

function envVar(env: EnvSpec): JsonObject {
  if ('value' in env) return { name: env.name, value: env.value };
  if ('secret' in env)
    return { name: env.name, valueFrom: { secretKeyRef: { key: env.key, name: env.secret } } };
  return { name: env.name, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: env.fieldPath } } };
}

function securityContext(s: ContainerSecuritySpec): JsonObject | undefined {
  const capabilities =
    s.addCapabilities !== undefined || s.dropAll
      ? { add: s.addCapabilities, drop: s.dropAll ? ['ALL'] : undefined }
      : undefined;
  const out: JsonObject = {
    allowPrivilegeEscalation: s.allowPrivilegeEscalation,
    capabilities,
    privileged: s.privileged,
    readOnlyRootFilesystem: s.readOnlyRootFilesystem,
    runAsNonRoot: s.runAsNonRoot,
    runAsUser: s.runAsUser,
  };
  return Object.values(out).some((v) => v !== undefined) ? out : undefined;
}

function probe(path: string, port: string, delay: number): JsonObject {
  return {
    failureThreshold: 3,
    httpGet: { path, port, scheme: 'HTTP' },
    initialDelaySeconds: delay,
    periodSeconds: 10,
    successThreshold: 1,
    timeoutSeconds: 1,
  };
}

function mount(m: MountSpec): JsonObject {
  return { mountPath: m.mountPath, name: m.name, readOnly: m.readOnly || undefined };
}

/** Image pull policy as the API server defaults it: Always for `:latest` or untagged images. */
export function pullPolicy(image: string): string {
  const tag = image.slice(image.lastIndexOf('/') + 1).split(':')[1];
  return tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** Extra context when rendering a container inside a pod rather than a template. */
export interface ContainerContext {
  readonly hostNetwork?: boolean;
  readonly extraMounts?: readonly MountSpec[];
}

/** One entry of `spec.containers`, with the defaults the API server fills in. */
export function renderContainer(c: ContainerSpec, ctx: ContainerContext = {}): JsonObject {
  const mounts: JsonValue[] = [...c.mounts, ...(ctx.extraMounts ?? [])].map(mount);
  const probePort = c.ports.find((p) => p.protocol !== 'UDP')?.name;
  return {
    args: c.args,
    command: c.command,
    env: c.env.length > 0 ? c.env.map(envVar) : undefined,
    image: c.image,
    imagePullPolicy: pullPolicy(c.image),
    livenessProbe: c.liveness && probePort ? probe(c.liveness, probePort, 15) : undefined,
    name: c.name,
    ports:
      c.ports.length === 0
        ? undefined
        : c.ports.map((p) => ({
            containerPort: p.containerPort,
            // With hostNetwork the API server defaults hostPort to the container port.
            hostPort: p.hostPort ?? (ctx.hostNetwork ? p.containerPort : undefined),
            name: p.name,
            protocol: p.protocol ?? 'TCP',
          })),
    readinessProbe: c.readiness && probePort ? probe(c.readiness, probePort, 5) : undefined,
    resources: { limits: c.limits, requests: c.requests },
    securityContext: securityContext(c.security),
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    volumeMounts: mounts.length > 0 ? mounts : undefined,
  };
}
