/** Pod volumes reduced to what matters for attacks: host paths, secrets and projected tokens. */
import { arr, asObj, type Obj, obj, str, uniqueSorted } from './read.js';
import type { Volume } from './types.js';

const TYPES = [
  'hostPath',
  'secret',
  'projected',
  'configMap',
  'emptyDir',
  'persistentVolumeClaim',
  'downwardAPI',
] as const satisfies readonly Volume['type'][];

function typeOf(volume: Obj): Volume['type'] {
  return TYPES.find((type) => asObj(volume[type]) !== undefined || volume[type] === null) ?? 'other';
}

/**
 * True for the volume the ServiceAccount admission plugin injects when automount is on (live pods show it):
 * `kube-api-access-<suffix>`, projecting exactly the token, the `kube-root-ca.crt` ConfigMap and the namespace
 * (plugin/pkg/admission/serviceaccount). It is the automount itself, so it is not a token projected on purpose:
 * a live pod and its manifest then mean the same, and turning automount off does remove it.
 */
function isInjectedTokenVolume(name: string | undefined, sources: readonly Obj[]): boolean {
  if (name === undefined || !/^kube-api-access-[a-z0-9]+$/.test(name) || sources.length !== 3) return false;
  const [token, configMap, downward] = sources;
  return (
    asObj(token?.serviceAccountToken) !== undefined &&
    str(obj(configMap?.configMap).name) === 'kube-root-ca.crt' &&
    asObj(downward?.downwardAPI) !== undefined
  );
}

/** Every volume of a pod spec, in order. */
export function volumesOf(spec: Obj): Volume[] {
  return arr(spec.volumes).map((raw, index) => {
    const volume = obj(raw);
    const type = typeOf(volume);
    const sources = arr(obj(volume.projected).sources).map(obj);
    const secretNames = [
      ...(type === 'secret' ? [str(obj(volume.secret).secretName)] : []),
      ...sources.map((source) => str(obj(source.secret).name)),
    ].filter((name): name is string => name !== undefined);
    const hostPath = str(obj(volume.hostPath).path);
    const claimName = str(obj(volume.persistentVolumeClaim).claimName);
    return {
      name: str(volume.name) ?? '',
      index,
      type,
      ...(type === 'hostPath' && hostPath !== undefined ? { hostPath } : {}),
      secretNames: uniqueSorted(secretNames),
      projectsServiceAccountToken:
        sources.some((source) => asObj(source.serviceAccountToken) !== undefined) &&
        !isInjectedTokenVolume(str(volume.name), sources),
      ...(claimName !== undefined ? { claimName } : {}),
    };
  });
}
