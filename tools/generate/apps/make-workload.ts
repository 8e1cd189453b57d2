import type { StringMap } from '../json-types.js';
import type {
  ContainerSpec,
  EnvSpec,
  MountSpec,
  PortSpec,
  VolumeSpec,
  WorkloadKind,
  WorkloadSpec,
} from '../model/workload-spec.js';
import type { Random } from '../random.js';
import { makeEnv } from './env-vars.js';
import { containerSecurity, type Hardening, podSecurity } from './hardening.js';

/** CPU/memory requests and limits by rough workload size. */
const RESOURCES = {
  small: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
  medium: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
  large: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' } },
} as const;

/** Inputs for one workload; the factory fills in containers, env, probes and security. */
export interface WorkloadOptions {
  readonly kind: WorkloadKind;
  readonly name: string;
  readonly namespace: string;
  readonly env: string;
  readonly selector: StringMap;
  readonly labels: StringMap;
  readonly image: string;
  readonly port: PortSpec;
  readonly sidecar: readonly [name: string, image: string, port: number];
  readonly replicas: number;
  readonly serviceAccount: string;
  readonly automountToken?: boolean;
  readonly hardening: Hardening;
  readonly envCount: number;
  readonly extraEnv?: readonly EnvSpec[];
  readonly secret?: string;
  readonly size: keyof typeof RESOURCES;
  readonly args?: readonly string[];
  readonly volumes?: readonly VolumeSpec[];
  readonly mounts?: readonly MountSpec[];
  readonly created: number;
  readonly schedule?: string;
}

function mainContainer(options: WorkloadOptions & { sidecarConfig: boolean }, rng: Random): ContainerSpec {
  const { port } = options;
  const env = makeEnv(
    {
      app: options.name,
      namespace: options.namespace,
      env: options.env,
      port: port.containerPort,
      secret: options.secret,
    },
    options.envCount,
    rng,
  );
  const batch = options.kind === 'Job' || options.kind === 'CronJob';
  const readOnlyRoot = options.hardening === 'full';
  const scratch: MountSpec[] = readOnlyRoot ? [{ name: 'tmp', mountPath: '/tmp' }] : [];
  return {
    name: options.name.length <= 20 ? options.name : 'app',
    image: options.image,
    args: options.args,
    ports: rng.chance(0.3) ? [port, { name: 'metrics', containerPort: 9090, protocol: 'TCP' }] : [port],
    env: [...env, ...(options.extraEnv ?? [])],
    mounts: [...scratch, ...(options.mounts ?? [])],
    ...RESOURCES[options.size],
    liveness: batch || rng.chance(0.2) ? undefined : '/healthz',
    readiness: batch || rng.chance(0.7) ? undefined : '/ready',
    security: containerSecurity(options.hardening),
  };
}

function sidecarContainer(options: WorkloadOptions & { sidecarConfig: boolean }, rng: Random): ContainerSpec {
  const [name, image, port] = options.sidecar;
  return {
    name,
    image,
    args: rng.chance(0.3) ? [`--config=/etc/${name}/config.yaml`] : undefined,
    ports: [{ name: 'admin', containerPort: port, protocol: 'TCP' }],
    env: rng.chance(0.3) ? [{ name: 'LOG_LEVEL', value: rng.pick(['info', 'warn']) }] : [],
    mounts: options.sidecarConfig
      ? [{ name: `${name}-config`, mountPath: `/etc/${name}`, readOnly: true }]
      : [],
    requests: { cpu: '25m', memory: '32Mi' },
    limits: { memory: '128Mi' },
    security: containerSecurity(options.hardening),
  };
}

/** Render options into a full WorkloadSpec; all randomness (env values) comes from `rng`. */
export function makeWorkload(input: WorkloadOptions, rng: Random): WorkloadSpec {
  const options = { ...input, sidecarConfig: rng.chance(0.6) };
  const main = mainContainer(options, rng);
  const sidecar = sidecarContainer(options, rng);
  const volumes: VolumeSpec[] = [
    ...(options.hardening === 'full' ? [{ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }] : []),
    ...(options.sidecarConfig
      ? [{ name: `${options.sidecar[0]}-config`, configMap: `${options.name}-${options.sidecar[0]}` }]
      : []),
    ...(options.volumes ?? []),
  ];
  return {
    kind: options.kind,
    name: options.name,
    namespace: options.namespace,
    selector: options.selector,
    podLabels: { ...options.selector, ...options.labels },
    labels: { ...options.selector, ...options.labels },
    podAnnotations: {
      ...(rng.chance(0.5) ? { 'kubectl.kubernetes.io/default-container': main.name } : {}),
      ...(rng.chance(0.6) ? { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090' } : {}),
      ...(rng.chance(0.4) ? { 'checksum/config': rng.hex(64) } : {}),
    },
    replicas: options.replicas,
    containers: [main, sidecar],
    serviceAccount: options.serviceAccount,
    automountToken: options.automountToken,
    podSecurity: podSecurity(options.hardening),
    volumes,
    schedule: options.schedule,
    created: options.created,
    spread: options.kind === 'Deployment' && options.replicas >= 3 && rng.chance(0.3),
    revision: rng.int(1, 40),
    lastApplied: rng.chance(0.15),
  };
}
