/**
 * The kubelet API (10250) and its read-only port (10255). A kubelet is open only when anonymous is
 * authenticated AND authorized: 200, not 401 (anonymous auth off) or 403 (authorized by nobody). Exec, run and
 * attach are judged by a harmless request for a pod that does not exist: past authorization the kubelet answers
 * 400 or 404 and runs nothing; 405 means the debugging handlers are off. Bodies (pod specs hold env values) are
 * never read.
 */
import { type CheckOutcome, code, finding, said } from './outcome.js';
import type { PortContext } from './port-context.js';
import type { Answer } from './transport.js';
import type { Evidence } from './types.js';

/** The read paths whose 200 makes a kubelet open. */
export const KUBELET_READ_PATHS = ['/pods', '/runningpods/', '/configz', '/metrics'] as const;

// A namespace and pod that do not exist: an authorized request stops at "pod does not exist".
const ABSENT = 'chokepoint-probe/chokepoint-probe-absent/probe';

/** The harmless requests standing for exec, run and attach. */
export const KUBELET_STREAM_REQUESTS = [
  { method: 'GET', path: `/exec/${ABSENT}?command=true` },
  { method: 'POST', path: `/run/${ABSENT}` },
  { method: 'GET', path: `/attach/${ABSENT}` },
] as const;

function meaning(status: number): string {
  if (status === 200) return 'anonymous is authenticated and authorized';
  if (status === 401) return 'anonymous authentication is off';
  if (status === 403) return 'anonymous is authenticated but not authorized';
  return 'not judged';
}

/** Checks a kubelet API port; `first` is its answer to `GET /healthz`. */
export async function checkKubelet(ctx: PortContext, first: Answer): Promise<CheckOutcome> {
  const notes = [`GET /healthz: ${said(first)}`];
  const reads: { path: string; answer: Answer }[] = [];
  for (const path of KUBELET_READ_PATHS) reads.push({ path, answer: await ctx.ask('GET', path) });
  const statuses = reads.map((r) => code(r.answer));
  if (!statuses.some((s) => [200, 401, 403].includes(s)))
    return {
      notes: [...notes, `answers ${statuses.join('/')} to the kubelet paths: not a kubelet`],
      findings: [],
    };
  const findings = [];
  const open = reads.filter((r) => code(r.answer) === 200);
  if (open.length > 0)
    findings.push(
      finding(
        ctx,
        'kubelet-anonymous-access',
        open.map((r) => ctx.evidence('GET', r.path, r.answer, meaning(200))),
      ),
    );
  else
    notes.push(
      `kubelet closed to anonymous: ${meaning(statuses[0] ?? 0)} (${said(reads[0]?.answer ?? first)})`,
    );
  const allowed: Evidence[] = [];
  for (const { method, path } of KUBELET_STREAM_REQUESTS) {
    const answer = await ctx.ask(method, path);
    const status = code(answer);
    if (status === 400 || status === 404)
      allowed.push(
        ctx.evidence(method, path, answer, 'past authorization (the pod does not exist; nothing ran)'),
      );
    else if (status === 405) notes.push(`${method} ${path.split('?')[0]}: 405, debugging handlers are off`);
  }
  if (allowed.length > 0) findings.push(finding(ctx, 'kubelet-anonymous-exec', allowed));
  return { service: 'kubelet', notes, findings };
}

/** Checks the read-only kubelet port; `first` is its answer to `GET /healthz`. */
export async function checkKubeletReadOnly(ctx: PortContext, first: Answer): Promise<CheckOutcome> {
  const answer = await ctx.ask('GET', '/pods');
  if (code(answer) !== 200)
    return { notes: [`GET /healthz: ${said(first)}; GET /pods: ${said(answer)}`], findings: [] };
  const evidence = [
    ctx.evidence('GET', '/pods', answer, 'pod specs served with no authentication (not read)'),
  ];
  return {
    service: 'kubelet-read-only',
    notes: [`GET /healthz: ${said(first)}`],
    findings: [finding(ctx, 'kubelet-read-only-port', evidence)],
  };
}
