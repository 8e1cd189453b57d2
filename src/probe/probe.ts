/**
 * `chokepoint probe`: every (host, port) of the given targets, checked with safe read-only requests only, with
 * bounded concurrency and rate. Only the given targets are touched. Results and findings are sorted by host,
 * port and id, so the same network gives the same output.
 */
import { checkApiserver, kubeVersionOf } from './check-apiserver.js';
import {
  checkControlComponent,
  checkDashboard,
  checkKubeProxyHealth,
  checkKubeProxyMetrics,
} from './check-components.js';
import { checkEtcd, checkEtcdPeer } from './check-etcd.js';
import { checkKubelet, checkKubeletReadOnly } from './check-kubelet.js';
import { checkPlainApi } from './check-plain-api.js';
import { mapBounded, rateLimiter } from './limiter.js';
import { type Check, type CheckOutcome, finding, jsonOf } from './outcome.js';
import { openPort, type PortContext, type ProbeTransport } from './port-context.js';
import { expectedService } from './ports.js';
import { leakingNames } from './tls-names.js';
import type { Answer } from './transport.js';
import {
  type PortResult,
  PROBE_SCHEMA_VERSION,
  type ProbeFinding,
  type ProbeResults,
  type ServiceKind,
} from './types.js';

/** How to probe. */
export interface ProbeOptions {
  /** Expanded addresses and host names. */
  readonly hosts: readonly string[];
  readonly ports: readonly number[];
  /** Services named with `--ports PORT=SERVICE`. */
  readonly named?: Readonly<Record<number, ServiceKind>>;
  /** Per request, from connect to the status line. */
  readonly timeoutMs: number;
  /** (host, port) pairs checked at once. */
  readonly concurrency: number;
  /** Requests per second, across the run. */
  readonly rate: number;
  /** The targets as the user wrote them, for the report. */
  readonly targets: readonly string[];
  readonly version: string;
}

/** An unknown port: an API server or etcd by `/version`, else perhaps the dashboard. */
async function identify(ctx: PortContext, first: Answer): Promise<CheckOutcome> {
  if (kubeVersionOf(first) !== undefined)
    return ctx.tls ? checkApiserver(ctx, first) : checkPlainApi(ctx, first, 'kubectl-proxy');
  if (typeof jsonOf(first)?.etcdserver === 'string') return checkEtcd(ctx, first);
  return checkDashboard(ctx, await ctx.ask('GET', '/', { readBody: true }));
}

/** The first request and the check for each service kind. */
const CHECKS: Readonly<Record<ServiceKind, { readonly path: string; readonly check: Check }>> = {
  apiserver: { path: '/version', check: checkApiserver },
  'insecure-apiserver': { path: '/version', check: (c, f) => checkPlainApi(c, f, 'insecure-apiserver') },
  'kubectl-proxy': { path: '/version', check: (c, f) => checkPlainApi(c, f, 'kubectl-proxy') },
  kubelet: { path: '/healthz', check: checkKubelet },
  'kubelet-read-only': { path: '/healthz', check: checkKubeletReadOnly },
  'controller-manager': {
    path: '/healthz',
    check: (c, f) => checkControlComponent(c, f, 'controller-manager'),
  },
  scheduler: { path: '/healthz', check: (c, f) => checkControlComponent(c, f, 'scheduler') },
  etcd: { path: '/version', check: checkEtcd },
  'etcd-peer': { path: '/version', check: checkEtcdPeer },
  'kube-proxy-metrics': { path: '/healthz', check: checkKubeProxyMetrics },
  'kube-proxy-health': { path: '/healthz', check: checkKubeProxyHealth },
  dashboard: { path: '/', check: checkDashboard },
  'node-port': { path: '/version', check: identify },
};

async function probePort(
  host: string,
  port: number,
  context: { transport: ProbeTransport; named: Readonly<Record<number, ServiceKind>> },
) {
  const { transport } = context;
  const expected = expectedService(port, context.named);
  const { path, check } = CHECKS[expected];
  const opened = await openPort(host, port, { transport, path });
  if (opened.state !== 'open') {
    const result: PortResult = {
      host,
      port,
      expected,
      state: opened.state,
      tls: false,
      notes: [opened.note],
    };
    return { result, findings: [] as ProbeFinding[] };
  }
  const { ctx, first } = opened;
  const outcome: CheckOutcome = await check(ctx, first);
  const findings = [...outcome.findings];
  const leaks = leakingNames(ctx.sans, host);
  if (leaks.length > 0)
    findings.push(
      finding(ctx, 'tls-san-internal-names', [
        {
          request: `TLS handshake with ${host}:${port}`,
          status: 'certificate received',
          meaning: `names ${leaks.join(', ')}`,
        },
      ]),
    );
  const result: PortResult = {
    host,
    port,
    expected,
    state: 'open',
    ...(outcome.service === undefined ? {} : { service: outcome.service }),
    tls: ctx.tls,
    ...(ctx.tls ? { sans: [...ctx.sans].sort() } : {}),
    notes: outcome.notes,
  };
  return { result, findings };
}

const byHostPort = (a: { host: string; port: number }, b: { host: string; port: number }) =>
  a.host === b.host ? a.port - b.port : a.host < b.host ? -1 : 1;

/** Probes every (host, port); never throws for network failures (they are port states). */
export async function probe(options: ProbeOptions): Promise<ProbeResults> {
  const transport: ProbeTransport = { timeoutMs: options.timeoutMs, limiter: rateLimiter(options.rate) };
  const pairs = options.hosts.flatMap((host) => options.ports.map((port) => ({ host, port })));
  const done = await mapBounded(pairs, options.concurrency, ({ host, port }) =>
    probePort(host, port, { transport, named: options.named ?? {} }),
  );
  const findings = done
    .flatMap((d) => d.findings)
    .sort((a, b) => byHostPort(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    schemaVersion: PROBE_SCHEMA_VERSION,
    tool: { name: 'chokepoint', version: options.version },
    targets: options.targets,
    ports: options.ports,
    results: done.map((d) => d.result).sort(byHostPort),
    findings,
  };
}
