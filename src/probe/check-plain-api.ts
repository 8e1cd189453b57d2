/**
 * Plain-HTTP ports that may front the API: the insecure port (8080, no authentication or authorization at all,
 * removed in 1.24) and `kubectl proxy` (8001, every request carries the proxy user's credentials). Only an answer
 * that is really an API server counts; on a 1.24+ server, 8080 cannot be the insecure port, so it is reported as
 * a proxy instead of crying wolf.
 */
import { versionBefore } from '../model/control-plane.js';
import { kubeVersionOf } from './check-apiserver.js';
import { type CheckOutcome, code, finding, said } from './outcome.js';
import type { PortContext } from './port-context.js';
import type { Answer } from './transport.js';

const PROBE_PATH = '/api/v1/namespaces?limit=1';

/** Checks a plain-HTTP port expected to be the insecure API port or a kubectl proxy; `first` answers /version. */
export async function checkPlainApi(
  ctx: PortContext,
  first: Answer,
  expected: 'insecure-apiserver' | 'kubectl-proxy',
): Promise<CheckOutcome> {
  const version = kubeVersionOf(first);
  if (version === undefined)
    return {
      notes: [
        `answers ${said(first)} to GET /version: not a Kubernetes API server${ctx.tls ? ' (TLS)' : ''}`,
      ],
      findings: [],
    };
  const notes = [`Kubernetes ${version} over ${ctx.tls ? 'TLS' : 'plain HTTP'}`];
  if (ctx.tls) return { service: 'apiserver', notes, findings: [] };
  const answer = await ctx.ask('GET', PROBE_PATH, { headers: { accept: 'application/json' } });
  if (code(answer) !== 200) {
    notes.push(`GET ${PROBE_PATH}: ${said(answer)}: requests are not let through`);
    return { service: expected, notes, findings: [] };
  }
  const minor = /v?(\d+\.\d+)/.exec(version)?.[1] ?? '0.0';
  const insecure = expected === 'insecure-apiserver' && versionBefore(minor, 24);
  if (expected === 'insecure-apiserver' && !insecure)
    notes.push('the insecure port is gone since 1.24: this is a plain-HTTP proxy in front of the API server');
  const evidence = [
    ctx.evidence('GET', PROBE_PATH, answer, 'an unauthenticated request lists namespaces (status only)'),
  ];
  return {
    service: insecure ? 'insecure-apiserver' : 'kubectl-proxy',
    notes,
    findings: [finding(ctx, insecure ? 'apiserver-insecure-port' : 'kubectl-proxy-exposed', evidence)],
  };
}
