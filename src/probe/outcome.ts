/** What one check concluded about one open port, and the helper that turns evidence into a finding. */
import { PROBE_FINDINGS } from './catalogue.js';
import type { PortContext } from './port-context.js';
import type { Answer } from './transport.js';
import type { Evidence, ProbeFinding, ProbeFindingId, ServiceKind } from './types.js';

/** A check's conclusion: what answered, information, findings. */
export interface CheckOutcome {
  readonly service?: ServiceKind;
  readonly notes: readonly string[];
  readonly findings: readonly ProbeFinding[];
}

/** A check of one service kind, given the open port and its answer to the first path. */
export type Check = (ctx: PortContext, first: Answer) => Promise<CheckOutcome>;

/** The finding `id` on the context's (host, port), with its catalogue title, severity and fix. */
export function finding(ctx: PortContext, id: ProbeFindingId, evidence: readonly Evidence[]): ProbeFinding {
  const meta = PROBE_FINDINGS[id];
  return {
    id,
    severity: meta.severity,
    host: ctx.host,
    port: ctx.port,
    title: meta.title,
    evidence,
    fix: meta.fix,
  };
}

/** The status code, or 0 when the request got no HTTP answer. */
export function code(answer: Answer): number {
  return answer.kind === 'response' ? answer.status : 0;
}

/** The body parsed as a JSON object, or undefined. */
export function jsonOf(answer: Answer): Record<string, unknown> | undefined {
  if (answer.kind !== 'response' || answer.body === '') return undefined;
  try {
    const value: unknown = JSON.parse(answer.body);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** "HTTP 403" or what happened instead, for notes. */
export function said(answer: Answer): string {
  if (answer.kind === 'response') return `HTTP ${answer.status}`;
  return answer.kind === 'closed'
    ? 'connection refused'
    : answer.kind === 'no-answer'
      ? 'no answer'
      : answer.message;
}
