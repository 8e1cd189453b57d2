/** Fixes on kubelet settings: a field of a KubeletConfiguration object, or a flag of a kubelet command line. */
import type { KubeletSettings } from '../model/kubelet-settings.js';
import { setFlagOp } from './control-plane-helpers.js';
import type { RemediationId } from './remediations.js';
import type { Fix } from './types.js';

/** Sets a kubelet setting where the input states it; none for the kubelet-config ConfigMap (one YAML string). */
export function kubeletFix(
  kubelet: KubeletSettings,
  remediation: RemediationId,
  change: { readonly path: string; readonly value: unknown; readonly flag: string },
): Fix[] {
  if (kubelet.source === 'config-file')
    return [
      { remediation, target: kubelet.ref, ops: [{ op: 'add', path: change.path, value: change.value }] },
    ];
  if (kubelet.flags === undefined) return [];
  const op = setFlagOp(kubelet.flags, change.flag, String(change.value));
  return op === undefined ? [] : [{ remediation, target: kubelet.ref, ops: [op] }];
}
