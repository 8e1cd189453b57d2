import type { IngressSpec, SecretSpec, ServiceSpec } from '../model/object-specs.js';
import type { NamespacePlan } from '../model/plan-types.js';
import type { WorkloadSpec } from '../model/workload-spec.js';
import type { Random } from '../random.js';
import { longRunning } from './apply-mistakes.js';

/** Services, Ingresses and the TLS Secrets the Ingresses reference. */
export interface AppNetworking {
  readonly services: readonly ServiceSpec[];
  readonly ingresses: readonly IngressSpec[];
  readonly tlsSecrets: readonly SecretSpec[];
}

function serviceFor(w: WorkloadSpec, name: string, exposure: ServiceSpec['type'], rng: Random): ServiceSpec {
  const port = w.containers[0]!.ports[0]!;
  const headless = w.kind === 'StatefulSet' && exposure === 'ClusterIP';
  const web = port.name === 'http';
  return {
    name,
    namespace: w.namespace,
    type: exposure,
    selector: w.selector,
    headless,
    ports: [
      {
        name: port.name,
        port: web ? 80 : port.containerPort,
        targetPort: rng.chance(0.6) ? port.name : port.containerPort,
        protocol: 'TCP',
      },
    ],
    annotations:
      exposure === 'LoadBalancer' && rng.chance(0.5)
        ? { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' }
        : undefined,
    created: w.created + 5,
  };
}

function ingressFor(
  ns: NamespacePlan,
  index: number,
  targets: readonly ServiceSpec[],
  rng: Random,
): IngressSpec {
  const main = targets[index % targets.length]!;
  const host =
    ns.env === 'preview'
      ? `${ns.name}.preview.example.com`
      : `${main.name}.${ns.env}.example.com`.replace('.prod', '');
  const paths = [{ path: '/', service: main.name, port: main.ports[0]!.port }];
  const extra = targets[(index + 1) % targets.length]!;
  if (extra !== main && rng.chance(0.4))
    paths.push({ path: '/api', service: extra.name, port: extra.ports[0]!.port });
  const named = rng.chance(0.3);
  return {
    name: index === 0 ? main.name : `${main.name}-${index}`,
    namespace: ns.name,
    rules: [
      {
        host,
        paths: paths.map((p) => ({
          ...p,
          port: named ? (targets.find((t) => t.name === p.service)?.ports[0]?.name ?? p.port) : p.port,
        })),
      },
    ],
    tlsSecret: rng.chance(0.6) ? `${main.name}-tls` : undefined,
    annotations: {
      'cert-manager.io/cluster-issuer': 'letsencrypt-prod',
      'nginx.ingress.kubernetes.io/proxy-body-size': rng.pick(['1m', '8m', '50m']),
    },
    created: main.created + 60,
  };
}

/** Services for the namespace's long-running workloads (the exposed one first), then Ingresses. */
export function appNetworking(
  ns: NamespacePlan,
  workloads: readonly WorkloadSpec[],
  rng: Random,
): AppNetworking {
  const exposed = ns.mistakes.find((m) => m.kind === 'exposed-service');
  const targets = longRunning(workloads).map((i) => workloads[i]!);
  const start = exposed === undefined || targets.length === 0 ? 0 : exposed.slot % targets.length;
  const ordered = [...targets.slice(start), ...targets.slice(0, start)];
  const services: ServiceSpec[] = [];
  for (let i = 0; i < ns.services; i++) {
    const w = ordered[i % Math.max(1, ordered.length)];
    if (w === undefined) {
      services.push({
        name: `external-db-${i + 1}`,
        namespace: ns.name,
        type: 'ExternalName',
        ports: [],
        externalName: `${ns.product}-${i + 1}.c9x2kq.eu-west-1.rds.amazonaws.com`,
        created: ns.created + 3600,
      });
      continue;
    }
    const round = Math.floor(i / ordered.length);
    const name =
      round === 0
        ? w.name
        : `${w.name}-${['metrics', 'internal', 'canary', 'v2'][(round - 1) % 4]}${round > 4 ? `-${round}` : ''}`;
    const type =
      exposed !== undefined && i === 0
        ? rng.pick(['LoadBalancer', 'NodePort'] as const)
        : rng.chance(0.01)
          ? 'NodePort'
          : 'ClusterIP';
    services.push(serviceFor(w, name, type, rng));
  }
  const routable = services.filter((s) => s.type !== 'ExternalName' && !s.headless);
  const ingressTargets = routable.length > 0 ? routable : services;
  const ingresses = Array.from({ length: ingressTargets.length > 0 ? ns.ingresses : 0 }, (_, i) =>
    ingressFor(ns, i, ingressTargets, rng),
  );
  const tlsSecrets: SecretSpec[] = ingresses.flatMap((ing) =>
    ing.tlsSecret === undefined
      ? []
      : [
          {
            name: ing.tlsSecret,
            namespace: ns.name,
            type: 'kubernetes.io/tls',
            keys: ['tls.crt', 'tls.key'],
            annotations: { 'cert-manager.io/issuer-name': 'letsencrypt-prod' },
            created: ing.created + 30,
          },
        ],
  );
  return { services, ingresses, tlsSecrets: dedupe(tlsSecrets) };
}

function dedupe(secrets: readonly SecretSpec[]): SecretSpec[] {
  const seen = new Set<string>();
  return secrets.filter((s) => !seen.has(s.name) && seen.add(s.name) !== undefined);
}
