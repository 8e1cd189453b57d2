/**
 * Kubelet authentication, authorization and ports, from a KubeletConfiguration file, the kubeadm
 * `kubelet-config` ConfigMap, or a kubelet command line. The defaults differ by source (kubelet
 * pkg/kubelet/apis/config/v1beta1 defaults vs. the legacy flag defaults):
 *
 * | Source                    | anonymous | authorization | read-only port |
 * |---------------------------|-----------|---------------|----------------|
 * | KubeletConfiguration file | off       | Webhook       | 0 (off)        |
 * | legacy flags              | on        | AlwaysAllow   | 10255          |
 *
 * A command line with `--config` reads the file, so the file defaults apply to what the flags leave unset.
 */
import { parse } from 'yaml';
import type { SnapshotObject } from '../collect/snapshot.js';
import { type FlagSet, flagsOf } from './control-plane-flags.js';
import { arr, bool, num, type Obj, obj, str } from './read.js';

/** One kubelet's effective settings. */
export interface KubeletSettings {
  /** The KubeletConfiguration object, ConfigMap or Pod the settings come from. */
  readonly ref: string;
  readonly source: 'config-file' | 'config-map' | 'flags';
  readonly anonymous: boolean;
  readonly authorization: string;
  readonly readOnlyPort: number;
  /** Exec, run, attach and port-forward handlers (`enableDebuggingHandlers`, default true). */
  readonly debuggingHandlers: boolean;
  /** The flags, for a command line: fixes rewrite them. */
  readonly flags?: FlagSet;
}

function fromConfig(config: Obj): Omit<KubeletSettings, 'ref' | 'source'> {
  const authn = obj(config.authentication);
  return {
    anonymous: bool(obj(authn.anonymous).enabled) ?? false,
    authorization: str(obj(config.authorization).mode) ?? 'Webhook',
    readOnlyPort: num(config.readOnlyPort) ?? 0,
    debuggingHandlers: bool(config.enableDebuggingHandlers) ?? true,
  };
}

function fromFlags(flags: FlagSet): Omit<KubeletSettings, 'ref' | 'source'> {
  const value = (name: string) => flags.flags.get(name)?.value;
  const file = value('config') !== undefined;
  const port = Number(value('read-only-port') ?? (file ? 0 : 10255));
  return {
    anonymous: (value('anonymous-auth') ?? String(!file)) === 'true',
    authorization: value('authorization-mode') ?? (file ? 'Webhook' : 'AlwaysAllow'),
    readOnlyPort: Number.isFinite(port) ? port : 0,
    debuggingHandlers: (value('enable-debugging-handlers') ?? 'true') === 'true',
  };
}

/** The kubelet settings one snapshot object carries (none for most objects). */
export function kubeletSettingsOf(so: SnapshotObject): KubeletSettings[] {
  if (so.kind === 'KubeletConfiguration')
    return [{ ref: so.ref, source: 'config-file', ...fromConfig(so.object as Obj) }];
  if (
    so.kind === 'ConfigMap' &&
    so.namespace === 'kube-system' &&
    /^kubelet-config(-[\d.]+)?$/.test(so.name)
  ) {
    const text = str(obj(so.object.data).kubelet);
    if (text === undefined) return [];
    try {
      return [{ ref: so.ref, source: 'config-map', ...fromConfig(obj(parse(text))) }];
    } catch {
      return [];
    }
  }
  if (so.kind !== 'Pod') return [];
  return arr(obj(so.object.spec).containers).flatMap((raw, index) => {
    // The process is a kubelet only when some word of its command line is: a line that never says `kubelet` is
    // not parsed (at R150k, 300,000 pod containers, none of them a kubelet, were parsed for nothing).
    if (!mentionsKubelet(obj(raw))) return [];
    const flags = flagsOf(obj(raw), ['spec', 'containers', index]);
    if (!flags.words.includes('kubelet')) return [];
    return [{ ref: so.ref, source: 'flags' as const, ...fromFlags(flags), flags }];
  });
}

/** True when an item of the container's command or args contains `kubelet` (every word is part of an item). */
function mentionsKubelet(container: Obj): boolean {
  const says = (item: unknown) => typeof item === 'string' && item.includes('kubelet');
  return arr(container.command).some(says) || arr(container.args).some(says);
}
