/**
 * How a workload is reachable from outside: Services that select its pods (LoadBalancer, NodePort), Ingress
 * backends naming such a Service, and hostPorts. Services are indexed by namespace, Ingresses by backend.
 */
import { mapSelectorMatches } from './label-selector.js';
import type { Exposure } from './model.js';
import { compareStrings } from './read.js';
import type { Ingress, Service, Workload } from './types.js';

// Private, shared, loopback and link-local ranges: a LoadBalancer limited to these is not internet-facing.
const PRIVATE_V4: readonly (readonly [number, number])[] = [
  [0x0a000000, 8],
  [0xac100000, 12],
  [0xc0a80000, 16],
  [0x64400000, 10],
  [0x7f000000, 8],
  [0xa9fe0000, 16],
];

function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    const octet = Number(part);
    if (!/^\d{1,3}$/.test(part) || octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/** True when the CIDR lies wholly inside a private range (IPv6: ULA `fc00::/7`, link-local `fe80::/10`). */
export function isPrivateCidr(cidr: string): boolean {
  const [address = '', prefixText] = cidr.trim().split('/');
  if (address.includes(':')) {
    const prefix = Number(prefixText ?? 128);
    const head = Number.parseInt(address.split(':')[0] || '0', 16);
    return ((head & 0xfe00) === 0xfc00 && prefix >= 7) || ((head & 0xffc0) === 0xfe80 && prefix >= 10);
  }
  const ip = ipv4(address);
  const prefix = Number(prefixText ?? 32);
  if (ip === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return false;
  return PRIVATE_V4.some(
    ([base, bits]) => prefix >= bits && Math.floor(ip / 2 ** (32 - bits)) === base / 2 ** (32 - bits),
  );
}

/** A LoadBalancer is internet-facing unless internal or restricted to private source ranges. */
export function isPublicLoadBalancer(service: Service): boolean {
  if (service.type !== 'LoadBalancer' || service.internalLoadBalancer) return false;
  return service.sourceRanges.length === 0 || !service.sourceRanges.every(isPrivateCidr);
}

/** The exposure a Service gives by its type alone; a LoadBalancer is also a NodePort, reported as such when not public. */
function serviceExposure(service: Service): Exposure | undefined {
  const first = service.ports[0];
  if (isPublicLoadBalancer(service))
    return { kind: 'LoadBalancer', via: service.ref, ...(first !== undefined ? { port: first.port } : {}) };
  if (service.type === 'NodePort' || service.type === 'LoadBalancer') {
    const nodePort = first?.nodePort;
    return { kind: 'NodePort', via: service.ref, ...(nodePort !== undefined ? { port: nodePort } : {}) };
  }
  return undefined;
}

function portOf(service: Service): { readonly port?: number } {
  const first = service.ports[0];
  return first === undefined ? {} : { port: first.port };
}

function compareExposures(a: Exposure, b: Exposure): number {
  return compareStrings(a.kind, b.kind) || compareStrings(a.via, b.via) || (a.port ?? 0) - (b.port ?? 0);
}

/** Builds `exposureOf` over the model's Services and Ingresses. */
export function exposureIndex(
  services: readonly Service[],
  ingresses: readonly Ingress[],
): (workload: Workload) => Exposure[] {
  const servicesByNamespace = new Map<string, Service[]>();
  for (const service of services) {
    if (Object.keys(service.selector).length === 0) continue;
    const list = servicesByNamespace.get(service.namespace);
    if (list === undefined) servicesByNamespace.set(service.namespace, [service]);
    else list.push(service);
  }
  const ingressesByService = new Map<string, Ingress[]>();
  for (const ingress of ingresses)
    for (const backend of ingress.backends) {
      const key = `${ingress.namespace}/${backend.service}`;
      const list = ingressesByService.get(key) ?? [];
      if (!list.includes(ingress)) list.push(ingress);
      ingressesByService.set(key, list);
    }
  return (workload) => {
    const out: Exposure[] = [];
    const viaIngress = new Set<string>();
    for (const service of servicesByNamespace.get(workload.namespace) ?? []) {
      if (!mapSelectorMatches(service.selector, workload.podLabels)) continue;
      const exposure = serviceExposure(service);
      if (exposure !== undefined) out.push(exposure);
      if ((service.externalIPs ?? []).some((ip) => !isPrivateCidr(ip)))
        out.push({ kind: 'ExternalIP', via: service.ref, ...portOf(service) });
      for (const ingress of ingressesByService.get(`${service.namespace}/${service.name}`) ?? []) {
        if (viaIngress.has(ingress.ref)) continue;
        viaIngress.add(ingress.ref);
        const backend = ingress.backends.find((b) => b.service === service.name);
        const port = typeof backend?.port === 'number' ? backend.port : undefined;
        out.push({ kind: 'Ingress', via: ingress.ref, ...(port !== undefined ? { port } : {}) });
      }
    }
    // Every distinct hostPort is its own endpoint: each may front a different container and service.
    const hostPorts = new Set<number>();
    for (const c of workload.containers) for (const p of c.ports) if (p.hostPort) hostPorts.add(p.hostPort);
    for (const port of hostPorts) out.push({ kind: 'hostPort', via: workload.ref, port });
    return out.sort(compareExposures);
  };
}
