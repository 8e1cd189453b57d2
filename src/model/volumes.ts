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
      projectsServiceAccountToken: sources.some((source) => asObj(source.serviceAccountToken) !== undefined),
      ...(claimName !== undefined ? { claimName } : {}),
    };
  });
}
