/**
 * kube-controller-manager, kube-scheduler, kube-proxy and the dashboard. Health endpoints are open by design
 * (`--authorization-always-allow-paths`) and are information; metrics and configuration answered to an anonymous
 * request are findings. The dashboard is a finding when it answers at all, and critical when login can be skipped.
 */
import { type CheckOutcome, code, finding, jsonOf, said } from './outcome.js';
import type { PortContext } from './port-context.js';
import type { Answer } from './transport.js';
import type { ProbeFindingId } from './types.js';

async function openPaths(ctx: PortContext, paths: readonly string[]) {
  const out = [];
  for (const path of paths) {
    const answer = await ctx.ask('GET', path);
    if (code(answer) === 200) out.push(ctx.evidence('GET', path, answer, 'answered an anonymous request'));
  }
  return out;
}

/** Checks the controller-manager or scheduler secure port; `first` is its answer to `GET /healthz`. */
export async function checkControlComponent(
  ctx: PortContext,
  first: Answer,
  which: 'controller-manager' | 'scheduler',
): Promise<CheckOutcome> {
  const notes = [`GET /healthz: ${said(first)}`];
  if (![200, 401, 403].includes(code(first)))
    return { notes: [...notes, `not a kube-${which}`], findings: [] };
  const open = await openPaths(ctx, ['/metrics', '/configz']);
  const id: ProbeFindingId = `${which}-anonymous-access`;
  return { service: which, notes, findings: open.length > 0 ? [finding(ctx, id, open)] : [] };
}

/** Checks kube-proxy's metrics port (default 127.0.0.1 only); `first` is its answer to `GET /healthz`. */
export async function checkKubeProxyMetrics(ctx: PortContext, first: Answer): Promise<CheckOutcome> {
  const open = await openPaths(ctx, ['/metrics']);
  const notes = [`GET /healthz: ${said(first)}`];
  if (open.length === 0) return { notes, findings: [] };
  return {
    service: 'kube-proxy-metrics',
    notes,
    findings: [finding(ctx, 'kube-proxy-metrics-exposed', open)],
  };
}

/** kube-proxy's health port is meant for load balancers: information only. */
export async function checkKubeProxyHealth(_ctx: PortContext, first: Answer): Promise<CheckOutcome> {
  const up = code(first) === 200 || code(first) === 503;
  return up
    ? {
        service: 'kube-proxy-health',
        notes: [`GET /healthz: ${said(first)} (health for load balancers)`],
        findings: [],
      }
    : { notes: [`GET /healthz: ${said(first)}: not kube-proxy`], findings: [] };
}

/** True when a page is the Kubernetes dashboard. */
export function isDashboard(answer: Answer): boolean {
  return answer.kind === 'response' && /Kubernetes Dashboard|<kd-root/i.test(answer.body);
}

/** Checks for the dashboard; `first` is its answer to `GET /` (a public HTML page). */
export async function checkDashboard(ctx: PortContext, first: Answer): Promise<CheckOutcome> {
  if (!isDashboard(first)) return { notes: [`GET /: ${said(first)}: not the dashboard`], findings: [] };
  const findings = [
    finding(ctx, 'dashboard-exposed', [ctx.evidence('GET', '/', first, 'the dashboard page')]),
  ];
  const skip = await ctx.ask('GET', '/api/v1/login/skippable', { readBody: true });
  if (jsonOf(skip)?.skippable === true)
    findings.push(
      finding(ctx, 'dashboard-skip-login', [
        ctx.evidence('GET', '/api/v1/login/skippable', skip, 'login can be skipped'),
      ]),
    );
  return { service: 'dashboard', notes: [], findings };
}
