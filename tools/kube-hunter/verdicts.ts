/**
 * A verdict for each kube-hunter finding, backed by a status code observed with one anonymous request of our
 * own, and the chokepoint findings that cover it. Versions, health and etcd's version are information: true,
 * but by design not findings in chokepoint (kube-hunter lost users over such noise).
 */
import { send } from '../../src/probe/transport.js';
import type { ProbeFindingId } from '../../src/probe/types.js';

/** One kube-hunter vulnerability as its JSON report gives it. */
export interface KhFinding {
  readonly vid: string;
  readonly vulnerability: string;
  readonly location: string;
  readonly evidence: string;
}

/** The verdict on one kube-hunter finding. */
export interface Verdict {
  readonly request: string;
  readonly status: number | string;
  readonly verdict: 'true' | 'information' | 'false positive' | 'not re-checked';
  readonly why: string;
  /** chokepoint ids that report the same thing (empty for information). */
  readonly coveredBy: readonly ProbeFindingId[];
}

interface Rule {
  readonly method?: 'GET' | 'POST';
  readonly path: string;
  readonly info?: boolean;
  readonly coveredBy: readonly ProbeFindingId[];
}

const KUBELET: readonly ProbeFindingId[] = ['kubelet-anonymous-access', 'kubelet-anonymous-exec'];

// What to re-ask for each vid (the port comes from the finding's location; the scheme from the port's answer).
export const RULES: Readonly<Record<string, Rule>> = {
  KHV002: { path: '/version', info: true, coveredBy: [] },
  KHV005: {
    path: '/api',
    coveredBy: ['apiserver-anonymous-discovery', 'apiserver-anonymous-access'],
  },
  KHV006: { path: '/api', coveredBy: ['apiserver-insecure-port', 'kubectl-proxy-exposed'] },
  KHV007: { path: '/api/v1/pods?limit=1', coveredBy: ['apiserver-anonymous-access'] },
  KHV029: { path: '/', coveredBy: ['dashboard-exposed'] },
  KHV033: { path: '/version', info: true, coveredBy: [] },
  KHV034: { path: '/version', coveredBy: ['etcd-no-client-auth'] },
  KHV036: { path: '/pods', coveredBy: KUBELET },
  KHV038: { path: '/runningpods/', coveredBy: KUBELET },
  KHV040: {
    method: 'POST',
    path: '/run/chokepoint-probe/chokepoint-probe-absent/probe',
    coveredBy: KUBELET,
  },
  KHV043: { path: '/healthz', info: true, coveredBy: [] },
  KHV049: { path: '/api/v1/namespaces?limit=1', coveredBy: ['kubectl-proxy-exposed'] },
  // The same request on 10250 (secure kubelet) or 10255 (read-only port): either chokepoint id covers it.
  KHV052: { path: '/pods', coveredBy: ['kubelet-read-only-port', ...KUBELET] },
};

/** The verdict for one vid from the status code its request got (exported for tests on recorded runs). */
export function judge(vid: string, rule: Rule, status: number): Pick<Verdict, 'verdict' | 'why'> {
  if (rule.info)
    return status === 200
      ? { verdict: 'information', why: 'answered, but public by design (version/health): not a finding' }
      : { verdict: 'false positive', why: `the path answers ${status}` };
  if (vid === 'KHV040')
    return status === 404 || status === 400
      ? { verdict: 'true', why: 'past authorization (pod not found): run is allowed' }
      : { verdict: 'false positive', why: `run refused with ${status}` };
  if (status === 200) return { verdict: 'true', why: 'an anonymous request gets 200' };
  if (status === 403)
    return {
      verdict: 'false positive',
      why: 'anonymous is authenticated but not authorized (403): nothing is open',
    };
  if (status === 401) return { verdict: 'false positive', why: 'anonymous authentication is off (401)' };
  return { verdict: 'false positive', why: `the request gets ${status}` };
}

/** Re-asks the request behind a kube-hunter finding and judges it by the status code. */
export async function verdictOf(finding: KhFinding): Promise<Verdict> {
  const rule = RULES[finding.vid];
  const [host = '', port = '0'] = finding.location.split(':');
  if (rule === undefined)
    return {
      request: '-',
      status: '-',
      verdict: 'not re-checked',
      why: 'no rule for this vid',
      coveredBy: [],
    };
  const method = rule.method ?? 'GET';
  const ask = (tls: boolean) =>
    send({ host, port: Number(port), tls, method, path: rule.path, timeoutMs: 3000 });
  // TLS first, plain HTTP when the port does not speak TLS (etcd without TLS, the read-only port).
  const overTls = await ask(true);
  const tls = overTls.kind !== 'protocol-error';
  const answer = tls ? overTls : await ask(false);
  const request = `${method} ${tls ? 'https' : 'http'}://${finding.location}${rule.path}`;
  if (answer.kind !== 'response')
    return { request, status: answer.kind, verdict: 'false positive', why: 'no HTTP answer', coveredBy: [] };
  return {
    request,
    status: answer.status,
    ...judge(finding.vid, rule, answer.status),
    coveredBy: rule.coveredBy,
  };
}
