/** Containers of a pod spec (regular, init and ephemeral), with merged securityContext and env references. */
import { isCredentialLikeKey } from '../collect/credential-like.js';
import { arr, bool, num, type Obj, obj, str, uniqueSorted } from './read.js';
import { effectiveSecurityContext } from './security-context.js';
import type { Container, VolumeMount } from './types.js';

// The collector's annotation key on a projected object or env entry (collect/prune.ts).
const X_CHOKEPOINT = 'x-chokepoint';

const LISTS = [
  ['containers', 'container'],
  ['initContainers', 'init'],
  ['ephemeralContainers', 'ephemeral'],
] as const;

function envSecretNames(container: Obj): string[] {
  const names: string[] = [];
  for (const env of arr(container.env)) {
    const name = str(obj(obj(obj(env).valueFrom).secretKeyRef).name);
    if (name !== undefined) names.push(name);
  }
  for (const from of arr(container.envFrom)) {
    const name = str(obj(obj(from).secretRef).name);
    if (name !== undefined) names.push(name);
  }
  return uniqueSorted(names);
}

function credentialLikeEnvNames(container: Obj): string[] {
  const names: string[] = [];
  for (const env of arr(container.env)) {
    const name = str(obj(env).name);
    const value = str(obj(env).value);
    // The collector flags a literal whose value had a credential's shape before it redacted the value.
    const valueFlagged = obj(obj(env)[X_CHOKEPOINT]).credentialLikeValue === true;
    if (
      name !== undefined &&
      value !== undefined &&
      value !== '' &&
      (isCredentialLikeKey(name) || valueFlagged)
    )
      names.push(name);
  }
  return uniqueSorted(names);
}

function volumeMounts(container: Obj): VolumeMount[] {
  return arr(container.volumeMounts).map((raw) => ({
    volume: str(obj(raw).name) ?? '',
    mountPath: str(obj(raw).mountPath) ?? '',
    readOnly: bool(obj(raw).readOnly) === true,
  }));
}

function ports(container: Obj): Container['ports'] {
  return arr(container.ports).map((raw) => {
    const port = obj(raw);
    const hostPort = num(port.hostPort);
    const name = str(port.name);
    return {
      containerPort: num(port.containerPort) ?? 0,
      ...(hostPort !== undefined && hostPort > 0 ? { hostPort } : {}),
      ...(name !== undefined ? { name } : {}),
      protocol: str(port.protocol) ?? 'TCP',
    };
  });
}

/** Every container of a pod spec; `annotations` are the pod (template) annotations. */
export function containersOf(spec: Obj, annotations: Readonly<Record<string, string>>): Container[] {
  const podContext = obj(spec.securityContext);
  const out: Container[] = [];
  for (const [field, role] of LISTS) {
    arr(spec[field]).forEach((raw, index) => {
      const container = obj(raw);
      const name = str(container.name) ?? '';
      const limits = obj(obj(container.resources).limits);
      out.push({
        name,
        role,
        index,
        image: str(container.image) ?? '',
        securityContext: effectiveSecurityContext({
          pod: podContext,
          container: obj(container.securityContext),
          containerName: name,
          annotations,
        }),
        volumeMounts: volumeMounts(container),
        ports: ports(container),
        envSecretNames: envSecretNames(container),
        credentialLikeEnvNames: credentialLikeEnvNames(container),
        hasResourceLimits: limits.cpu !== undefined && limits.memory !== undefined,
        stdin: container.stdin === true,
        tty: container.tty === true,
      });
    });
  }
  return out;
}
