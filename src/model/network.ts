/** Services, Ingresses (flattened to backends) and NetworkPolicies (omitted policyTypes resolved). */
import type { SnapshotObject } from '../collect/snapshot.js';
import { labelSelector } from './label-selector.js';
import { namespaceOf } from './owners.js';
import { arr, asObj, num, numOrStr, type Obj, obj, str, stringMap, strings } from './read.js';
import type { Ingress, LabelSelector, NetworkPolicy, NetworkPolicyRule, Service } from './types.js';

const SERVICE_TYPES: ReadonlySet<string> = new Set(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);

// Cloud annotations that make a LoadBalancer internal (reachable from the VPC only), with their values.
const INTERNAL_LB: readonly (readonly [string, (value: string) => boolean])[] = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', (v) => v !== 'false' && v !== ''],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', (v) => v === 'internal'],
  ['networking.gke.io/load-balancer-type', (v) => v.toLowerCase() === 'internal'],
  ['cloud.google.com/load-balancer-type', (v) => v.toLowerCase() === 'internal'],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', (v) => v === 'true'],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', (v) => v === 'true'],
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', (v) => v === 'true'],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', (v) => v === 'private'],
  ['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type', (v) => v === 'intranet'],
];

// Fields validation allows only on NodePort/LoadBalancer Services: a patch to ClusterIP must drop them.
const EXTERNAL_ONLY_FIELDS = [
  'allocateLoadBalancerNodePorts',
  'externalTrafficPolicy',
  'healthCheckNodePort',
  'loadBalancerClass',
  'loadBalancerSourceRanges',
] as const;

function located<T>(so: SnapshotObject, value: T): T {
  return so.location !== undefined ? { ...value, location: so.location } : value;
}

/** A Service, reduced. */
export function serviceOf(so: SnapshotObject): Service {
  const spec = obj(so.object.spec);
  const type = str(spec.type) ?? 'ClusterIP';
  const annotations = stringMap(so.object.metadata?.annotations);
  return located(so, {
    ref: so.ref,
    namespace: namespaceOf(so),
    name: so.name,
    type: (SERVICE_TYPES.has(type) ? type : 'ClusterIP') as Service['type'],
    selector: stringMap(spec.selector),
    ports: arr(spec.ports).map((raw) => {
      const port = obj(raw);
      const targetPort = numOrStr(port.targetPort);
      const nodePort = num(port.nodePort);
      const name = str(port.name);
      return {
        port: num(port.port) ?? 0,
        ...(targetPort !== undefined ? { targetPort } : {}),
        ...(nodePort !== undefined ? { nodePort } : {}),
        ...(name !== undefined ? { name } : {}),
      };
    }),
    externalOnlyFields: EXTERNAL_ONLY_FIELDS.filter(
      (field) => spec[field] !== undefined && spec[field] !== null,
    ),
    sourceRanges: strings(spec.loadBalancerSourceRanges),
    externalIPs: strings(spec.externalIPs),
    internalLoadBalancer: INTERNAL_LB.some(([key, isInternal]) => {
      const value = annotations[key];
      return value !== undefined && isInternal(value);
    }),
  });
}

/** A backend in either form: `service.{name,port.{number|name}}` (v1) or `serviceName/servicePort` (beta). */
function backendOf(raw: unknown): { service: string; port?: number | string } | undefined {
  const backend = obj(raw);
  const service = asObj(backend.service);
  if (service !== undefined) {
    const name = str(service.name);
    const port = num(obj(service.port).number) ?? str(obj(service.port).name);
    return name === undefined ? undefined : { service: name, ...(port !== undefined ? { port } : {}) };
  }
  const name = str(backend.serviceName);
  const port = numOrStr(backend.servicePort);
  return name === undefined ? undefined : { service: name, ...(port !== undefined ? { port } : {}) };
}

/** An Ingress flattened to (host, path, service, port) backends; the default backend has host and path `*`. */
export function ingressOf(so: SnapshotObject): Ingress {
  const spec = obj(so.object.spec);
  const backends: Ingress['backends'][number][] = [];
  const fallback = backendOf(spec.defaultBackend ?? spec.backend);
  if (fallback !== undefined) backends.push({ host: '*', path: '*', ...fallback });
  arr(spec.rules).forEach((rule, ruleIndex) => {
    const host = str(obj(rule).host) ?? '*';
    arr(obj(obj(rule).http).paths).forEach((path, pathIndex) => {
      const backend = backendOf(obj(path).backend);
      if (backend !== undefined)
        backends.push({ host, path: str(obj(path).path) ?? '/', ...backend, ruleIndex, pathIndex });
    });
  });
  return located(so, { ref: so.ref, namespace: namespaceOf(so), name: so.name, backends });
}

function peersOf(value: unknown): NetworkPolicyRule['peers'] {
  return arr(value).map((raw) => {
    const peer = obj(raw);
    const podSelector = labelSelector(peer.podSelector);
    const namespaceSelector = labelSelector(peer.namespaceSelector);
    const ipBlock = asObj(peer.ipBlock);
    return {
      ...(podSelector !== undefined ? { podSelector } : {}),
      ...(namespaceSelector !== undefined ? { namespaceSelector } : {}),
      ...(ipBlock !== undefined
        ? { ipBlock: { cidr: str(ipBlock.cidr) ?? '', except: strings(ipBlock.except) } }
        : {}),
    };
  });
}

function rulesOf(value: unknown, peerField: 'from' | 'to'): NetworkPolicyRule[] {
  return arr(value).map((raw) => {
    const rule: Obj = obj(raw);
    return {
      peers: peersOf(rule[peerField]),
      ports: arr(rule.ports).map((p) => {
        const port = numOrStr(obj(p).port);
        const endPort = num(obj(p).endPort);
        return {
          protocol: str(obj(p).protocol) ?? 'TCP',
          ...(port !== undefined ? { port } : {}),
          ...(endPort !== undefined ? { endPort } : {}),
        };
      }),
    };
  });
}

const EVERYTHING: LabelSelector = { matchLabels: {}, matchExpressions: [] };

/** A NetworkPolicy; omitted policyTypes mean Ingress, plus Egress when it has egress rules. */
export function networkPolicyOf(so: SnapshotObject): NetworkPolicy {
  const spec = obj(so.object.spec);
  const ingress = rulesOf(spec.ingress, 'from');
  const egress = rulesOf(spec.egress, 'to');
  const stated = strings(spec.policyTypes).filter(
    (t): t is 'Ingress' | 'Egress' => t === 'Ingress' || t === 'Egress',
  );
  const policyTypes: ('Ingress' | 'Egress')[] =
    Array.isArray(spec.policyTypes) && stated.length > 0
      ? [...new Set(stated)].sort()
      : egress.length > 0
        ? ['Egress', 'Ingress']
        : ['Ingress'];
  return located(so, {
    ref: so.ref,
    namespace: namespaceOf(so),
    name: so.name,
    podSelector: labelSelector(spec.podSelector) ?? EVERYTHING,
    policyTypes,
    ingress,
    egress,
  });
}
