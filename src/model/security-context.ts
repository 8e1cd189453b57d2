/**
 * The effective securityContext of a container: pod and container levels merged field by field. Container
 * wins for runAsUser, runAsGroup, runAsNonRoot, seLinuxOptions, seccompProfile, appArmorProfile and
 * windowsOptions; privileged, capabilities, allowPrivilegeEscalation, readOnlyRootFilesystem and procMount
 * exist only on the container. Legacy seccomp and AppArmor annotations still count where fields are absent.
 */
import { bool, num, type Obj, obj, str, strings, uniqueSorted } from './read.js';
import type { EffectiveSecurityContext, LsmProfile } from './types.js';

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';
const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';

/** `CAP_sys_admin` and `sys_admin` both mean `SYS_ADMIN`. */
export function normaliseCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

function profileFromField(value: unknown): LsmProfile | undefined {
  const type = str(obj(value).type);
  return type === 'RuntimeDefault' || type === 'Localhost' || type === 'Unconfined' ? type : undefined;
}

/** Legacy annotation values: `runtime/default` (seccomp also `docker/default`), `localhost/<p>`, `unconfined`. */
function profileFromAnnotation(
  value: string | undefined,
  lsm: 'seccomp' | 'apparmor',
): LsmProfile | undefined {
  if (value === undefined) return undefined;
  if (value === 'runtime/default' || (lsm === 'seccomp' && value === 'docker/default'))
    return 'RuntimeDefault';
  if (value === 'unconfined') return 'Unconfined';
  if (value.startsWith('localhost/')) return 'Localhost';
  return undefined;
}

/** What the merge needs beyond the two securityContexts. */
export interface MergeInput {
  readonly pod: Obj;
  readonly container: Obj;
  readonly containerName: string;
  /** Annotations of the pod (template) metadata. */
  readonly annotations: Readonly<Record<string, string>>;
}

/** Merges pod and container securityContext into the effective one. */
export function effectiveSecurityContext(input: MergeInput): EffectiveSecurityContext {
  const { pod, container, annotations } = input;
  const privileged = bool(container.privileged) === true;
  const caps = obj(container.capabilities);
  const capabilitiesAdd = uniqueSorted(strings(caps.add).map(normaliseCapability));
  const capabilitiesDrop = uniqueSorted(strings(caps.drop).map(normaliseCapability));
  // privileged or CAP_SYS_ADMIN force no_new_privs off; unset means the runtime default, which allows it.
  const forced = privileged || capabilitiesAdd.includes('SYS_ADMIN');
  const allowPrivilegeEscalation = forced || (bool(container.allowPrivilegeEscalation) ?? true);
  const runAsUser = num(container.runAsUser) ?? num(pod.runAsUser) ?? 'unknown';
  // Kubelet order (kuberuntime): container field, pod field, then the legacy annotations.
  const seccomp =
    profileFromField(container.seccompProfile) ??
    profileFromField(pod.seccompProfile) ??
    profileFromAnnotation(annotations[`${SECCOMP_CONTAINER_ANNOTATION}${input.containerName}`], 'seccomp') ??
    profileFromAnnotation(annotations[SECCOMP_POD_ANNOTATION], 'seccomp') ??
    'unset';
  // AppArmor (pkg/security/apparmor GetProfile): container field, container annotation, pod field.
  const appArmor =
    profileFromField(container.appArmorProfile) ??
    profileFromAnnotation(annotations[`${APPARMOR_ANNOTATION}${input.containerName}`], 'apparmor') ??
    profileFromField(pod.appArmorProfile) ??
    'unset';
  const seLinuxType = str(obj(container.seLinuxOptions).type) ?? str(obj(pod.seLinuxOptions).type);
  return {
    privileged,
    allowPrivilegeEscalation,
    capabilitiesAdd,
    capabilitiesDrop,
    runAsUser,
    runAsNonRoot: bool(container.runAsNonRoot) ?? bool(pod.runAsNonRoot) ?? false,
    readOnlyRootFilesystem: bool(container.readOnlyRootFilesystem) ?? false,
    seccomp,
    appArmor,
    ...(seLinuxType !== undefined ? { seLinuxType } : {}),
    procMountUnmasked: str(container.procMount) === 'Unmasked',
  };
}
