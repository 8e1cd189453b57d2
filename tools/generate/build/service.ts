import type { JsonObject, KubeObject } from '../json-types.js';
import type { ServiceSpec } from '../model/object-specs.js';
import type { AddressBook } from '../model/plan-types.js';
import type { Random } from '../random.js';
import { creatorFor, simpleMeta } from './simple-meta.js';

function nextClusterIp(addresses: AddressBook): string {
  const n = addresses.nextServiceIp++;
  return `10.${96 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}

function loadBalancerStatus(s: ServiceSpec, rng: Random): JsonObject {
  if (s.type !== 'LoadBalancer') return { loadBalancer: {} };
  const host = `k8s-${s.namespace.slice(0, 9)}-${s.name.slice(0, 9)}-${rng.hex(10)}.elb.eu-west-1.amazonaws.com`;
  return { loadBalancer: { ingress: [{ hostname: host }] } };
}

/** A Service with its cluster IP, node ports and load balancer status filled in. */
export function renderService(s: ServiceSpec, addresses: AddressBook, rng: Random): KubeObject {
  const exposed = s.type === 'NodePort' || s.type === 'LoadBalancer';
  const ports = s.ports.map((p) => ({
    name: p.name,
    nodePort: exposed ? 30000 + (addresses.nextNodePort++ % 2768) : undefined,
    port: p.port,
    protocol: p.protocol ?? 'TCP',
    targetPort: p.targetPort,
  }));
  const ip =
    s.type === 'ExternalName' ? undefined : s.headless ? 'None' : (s.fixedIp ?? nextClusterIp(addresses));
  const spec: JsonObject =
    s.type === 'ExternalName'
      ? { externalName: s.externalName, sessionAffinity: 'None', type: 'ExternalName' }
      : {
          allocateLoadBalancerNodePorts: s.type === 'LoadBalancer' ? true : undefined,
          clusterIP: ip,
          clusterIPs: [ip!],
          externalTrafficPolicy: exposed ? 'Cluster' : undefined,
          internalTrafficPolicy: 'Cluster',
          ipFamilies: ['IPv4'],
          ipFamilyPolicy: 'SingleStack',
          ports,
          selector: s.selector,
          sessionAffinity: 'None',
          type: s.type,
        };
  const metadata = simpleMeta({
    name: s.name,
    namespace: s.namespace,
    created: s.created,
    labels: s.labels,
    annotations: s.annotations,
    apiVersion: 'v1',
    manager: s.fixedIp === '10.96.0.1' ? 'kube-apiserver' : creatorFor(s.name, s.labels),
    body: { spec: { ports: ports.length > 0 ? ports : undefined, selector: s.selector, type: s.type } },
    rng,
  });
  return { apiVersion: 'v1', kind: 'Service', metadata, spec, status: loadBalancerStatus(s, rng) };
}
