/**
 * Control-plane settings, read from static pod manifests (kube-system Pods labelled `component: <binary>` or
 * running the binary) and from kubeadm's ClusterConfiguration (the `kubeadm-config` ConfigMap, kept unredacted
 * by the collector) when no static pod of that component is in the input. Kubelet settings are in
 * `kubelet-settings.ts`. Defaults are applied by the techniques, which know what each flag means.
 */
import { parse } from 'yaml';
import type { SnapshotObject } from '../collect/snapshot.js';
import { type FlagSet, flagsOf } from './control-plane-flags.js';
import { type KubeletSettings, kubeletSettingsOf } from './kubelet-settings.js';
import { podSpecPathOf, WORKLOAD_KINDS } from './owners.js';
import { arr, asObj, at, type Obj, obj, str } from './read.js';
import type { WorkloadKind } from './types.js';

/** The control-plane binaries whose settings matter. */
export type ControlPlaneComponent = 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'etcd';

/** Every component, sorted. */
export const CONTROL_PLANE_COMPONENTS: readonly ControlPlaneComponent[] = [
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
];

/** One running component and its flags. */
export interface ComponentSettings {
  readonly component: ControlPlaneComponent;
  /** The static Pod, or the kubeadm-config ConfigMap. */
  readonly ref: string;
  /** A static pod's flags can be patched; kubeadm's only describe what `kubeadm init/upgrade` writes. */
  readonly source: 'static-pod' | 'kubeadm-config';
  readonly flags: FlagSet;
  /** Minor version from the image tag or `kubernetesVersion`, e.g. `1.20`. */
  readonly version?: string;
}

/** A Kubernetes dashboard container and its flags (paths relative to the workload object). */
export interface DashboardSettings {
  readonly workload: string;
  readonly container: string;
  readonly flags: FlagSet;
}

/** The control plane as the input describes it. */
export interface ControlPlane {
  readonly components: readonly ComponentSettings[];
  readonly kubelets: readonly KubeletSettings[];
  readonly dashboards: readonly DashboardSettings[];
}

// The dashboard's images: kubernetesui/dashboard(-api) since 2.0, and the project-prefixed -amd64 image before.
const DASHBOARD_IMAGE = /(^|\/)(kubernetes-)?dashboard(-amd64|-api)?(:|@|$)/;

function dashboardsOf(so: SnapshotObject): DashboardSettings[] {
  const path = podSpecPathOf(so.kind as WorkloadKind);
  return arr(obj(at(so.object, path)).containers).flatMap((raw, index) => {
    const container = obj(raw);
    const image = str(container.image) ?? '';
    if (!DASHBOARD_IMAGE.test(image)) return [];
    const flags = flagsOf(container, [...path, 'containers', index]);
    return [{ workload: so.ref, container: str(container.name) ?? '', flags }];
  });
}

/** `v1.20.7`, `1.20`, `v1.32.11-rke2r1` → `1.20` / `1.32`. */
export function minorOf(text: string | undefined): string | undefined {
  const match = /v?(\d+)\.(\d+)/.exec(text ?? '');
  return match === null ? undefined : `${match[1]}.${match[2]}`;
}

/** True when minor version `version` is before `major.minor` (both `1.x`). */
export function versionBefore(version: string, minor: number): boolean {
  const [major = '0', rest = '0'] = version.split('.');
  return Number(major) < 1 || (Number(major) === 1 && Number(rest) < minor);
}

function isComponent(value: string | undefined): value is ControlPlaneComponent {
  return CONTROL_PLANE_COMPONENTS.includes(value as ControlPlaneComponent);
}

function staticPodSettings(so: SnapshotObject): ComponentSettings[] {
  const label = so.object.metadata?.labels?.component;
  const out: ComponentSettings[] = [];
  arr(obj(so.object.spec).containers).forEach((raw, index) => {
    const container = obj(raw);
    const flags = flagsOf(container, ['spec', 'containers', index]);
    const component =
      flags.words.find(isComponent) ?? (index === 0 && isComponent(label) ? label : undefined);
    if (component === undefined) return;
    const version = minorOf(str(container.image)?.split(':')[1]);
    out.push({ component, ref: so.ref, source: 'static-pod', flags, ...(version ? { version } : {}) });
  });
  return out;
}

/** `extraArgs` as a map (kubeadm v1beta3) or a list of `{name, value}` (v1beta4), as a FlagSet without paths. */
function extraArgs(value: unknown): FlagSet {
  const flags = new Map<string, { name: string; value: string; path: string; item: string; token: string }>();
  const add = (name: string | undefined, v: unknown) => {
    if (name === undefined) return;
    const text = typeof v === 'string' ? v : String(v ?? '');
    flags.set(name, { name, value: text, path: '', item: '', token: `--${name}=${text}` });
  };
  if (Array.isArray(value)) for (const item of value) add(str(obj(item).name), obj(item).value);
  else for (const [name, v] of Object.entries(obj(value))) add(name, v);
  return { flags, appendPath: '', words: [] };
}

function kubeadmSettings(so: SnapshotObject): ComponentSettings[] {
  const text = str(obj(so.object.data).ClusterConfiguration);
  if (text === undefined) return [];
  let config: Obj;
  try {
    config = obj(parse(text));
  } catch {
    return [];
  }
  const version = minorOf(str(config.kubernetesVersion));
  const sections: [ControlPlaneComponent, unknown][] = [
    ['kube-apiserver', obj(config.apiServer).extraArgs],
    ['kube-controller-manager', obj(config.controllerManager).extraArgs],
    ['kube-scheduler', obj(config.scheduler).extraArgs],
    ['etcd', asObj(obj(config.etcd).local) === undefined ? undefined : obj(obj(config.etcd).local).extraArgs],
  ];
  return sections.flatMap(([component, args]) =>
    component === 'etcd' && asObj(obj(config.etcd).external) !== undefined
      ? []
      : [
          {
            component,
            ref: so.ref,
            source: 'kubeadm-config' as const,
            flags: extraArgs(args),
            ...(version ? { version } : {}),
          },
        ],
  );
}

/** Reads the control plane from the snapshot objects; static pods win over kubeadm's configuration. */
export function buildControlPlane(objects: readonly SnapshotObject[]): ControlPlane {
  const fromPods: ComponentSettings[] = [];
  const fromKubeadm: ComponentSettings[] = [];
  const kubelets: KubeletSettings[] = [];
  const dashboards: DashboardSettings[] = [];
  for (const so of objects) {
    if (WORKLOAD_KINDS.has(so.kind)) dashboards.push(...dashboardsOf(so));
    if (so.kind === 'Pod' && so.namespace === 'kube-system') fromPods.push(...staticPodSettings(so));
    else if (so.kind === 'ConfigMap' && so.namespace === 'kube-system' && so.name === 'kubeadm-config')
      fromKubeadm.push(...kubeadmSettings(so));
    kubelets.push(...kubeletSettingsOf(so));
  }
  const running = new Set(fromPods.map((c) => c.component));
  const components = [...fromPods, ...fromKubeadm.filter((c) => !running.has(c.component))];
  const byRef = (a: { ref: string }, b: { ref: string }) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);
  dashboards.sort((a, b) => (a.workload < b.workload ? -1 : a.workload > b.workload ? 1 : 0));
  return { components: components.sort(byRef), kubelets: kubelets.sort(byRef), dashboards };
}
