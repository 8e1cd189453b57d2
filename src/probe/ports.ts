/** The default port table (what each control-plane port serves), `--ports` lists and the NodePort range. */
import type { ServiceKind } from './types.js';

/** The ports probed by default, and what each is expected to serve. */
export const DEFAULT_PORTS: Readonly<Record<number, ServiceKind>> = {
  443: 'apiserver',
  2379: 'etcd',
  2380: 'etcd-peer',
  6443: 'apiserver',
  // The insecure API port: only meaningful before 1.24 (the flag is gone since).
  8080: 'insecure-apiserver',
  8001: 'kubectl-proxy',
  8443: 'apiserver',
  10249: 'kube-proxy-metrics',
  10250: 'kubelet',
  10255: 'kubelet-read-only',
  10256: 'kube-proxy-health',
  10257: 'controller-manager',
  10259: 'scheduler',
  30000: 'dashboard',
};

/** The default NodePort range (`--service-node-port-range`), added by `--node-ports`. */
export const NODE_PORT_RANGE = { first: 30000, last: 32767 } as const;

/** Every service kind, as `--ports PORT=SERVICE` accepts them. */
export const SERVICE_KINDS: readonly ServiceKind[] = [
  ...new Set<ServiceKind>([...Object.values(DEFAULT_PORTS), 'node-port']),
].sort();

/** What a port is expected to serve: `--ports PORT=SERVICE`, the table, else unknown (identified by its answers). */
export function expectedService(
  port: number,
  named: Readonly<Record<number, ServiceKind>> = {},
): ServiceKind {
  return named[port] ?? DEFAULT_PORTS[port] ?? 'node-port';
}

/** Every default port, ascending. */
export function defaultPorts(): number[] {
  return Object.keys(DEFAULT_PORTS)
    .map(Number)
    .sort((a, b) => a - b);
}

/** Ports to probe, and the service named for some of them. */
export interface PortList {
  readonly ports: number[];
  readonly named: Record<number, ServiceKind>;
}

/** Parses `443,6443,10250-10255,7443=apiserver` into sorted unique ports, or says what is wrong. */
export function parsePorts(text: string): { ok: true; value: PortList } | { ok: false; message: string } {
  const out = new Set<number>();
  const named: Record<number, ServiceKind> = {};
  for (const entry of text.split(',').map((s) => s.trim())) {
    const [item = '', service] = entry.split('=');
    if (service !== undefined) {
      if (!(SERVICE_KINDS as readonly string[]).includes(service) || !/^\d+$/.test(item))
        return {
          ok: false,
          message: `--ports: "${entry}": name one port and one of ${SERVICE_KINDS.join(', ')} — e.g. 7443=apiserver`,
        };
      named[Number(item)] = service as ServiceKind;
    }
    const match = /^(\d+)(?:-(\d+))?$/.exec(item);
    const first = Number(match?.[1]);
    const last = match?.[2] === undefined ? first : Number(match[2]);
    if (match === null || first < 1 || last > 65535 || last < first)
      return {
        ok: false,
        message: `--ports: "${item}" is not a port or range from 1 to 65535 — use e.g. 6443,10250-10255`,
      };
    for (let port = first; port <= last; port++) out.add(port);
  }
  return { ok: true, value: { ports: [...out].sort((a, b) => a - b), named } };
}
