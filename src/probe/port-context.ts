/**
 * One open (host, port) as the checks see it: whether it speaks TLS, and a rate-limited `ask` that records
 * every request with its status as evidence. `openPort` decides TLS or plain HTTP from the first answer.
 */
import type { RateLimiter } from './limiter.js';
import { type Answer, describe, type RequestSpec, send, statusOf } from './transport.js';
import type { Evidence, PortState } from './types.js';

/** How one port is reached. */
export interface PortContext {
  readonly host: string;
  readonly port: number;
  readonly tls: boolean;
  /** Subject alternative names of the serving certificate (TLS only). */
  readonly sans: readonly string[];
  /** Sends one request; bodies are read only with `readBody`. */
  ask(
    method: 'GET' | 'POST',
    path: string,
    options?: Pick<RequestSpec, 'headers' | 'body' | 'readBody'>,
  ): Promise<Answer>;
  /** Evidence for a request already sent. */
  evidence(method: 'GET' | 'POST', path: string, answer: Answer, meaning: string): Evidence;
}

/** Settings shared by every port of one run. */
export interface ProbeTransport {
  readonly timeoutMs: number;
  readonly limiter: RateLimiter;
}

// A TLS server that demands a client certificate aborts the handshake with one of these alerts.
const CLIENT_CERT_ALERT = /CERTIFICATE_REQUIRED|BAD_CERTIFICATE|HANDSHAKE_FAILURE|certificate required/i;

function contextOf(host: string, port: number, tls: boolean, sans: readonly string[], t: ProbeTransport) {
  const ctx: PortContext = {
    host,
    port,
    tls,
    sans,
    async ask(method, path, options = {}) {
      await t.limiter.take();
      return send({ host, port, tls, method, path, timeoutMs: t.timeoutMs, ...options });
    },
    evidence: (method, path, answer, meaning) => ({
      request: describe({ host, port, tls, method, path }),
      status: statusOf(answer),
      meaning,
    }),
  };
  return ctx;
}

/** The state of a port that is not open, or its context and first answer to `GET path`. */
export async function openPort(
  host: string,
  port: number,
  options: { transport: ProbeTransport; path: string },
): Promise<
  | { readonly state: 'open'; readonly ctx: PortContext; readonly first: Answer }
  | { readonly state: Exclude<PortState, 'open'>; readonly note: string }
> {
  const { transport, path } = options;
  const overTls = await contextOf(host, port, true, [], transport).ask('GET', path, { readBody: true });
  if (overTls.kind === 'response')
    return { state: 'open', ctx: contextOf(host, port, true, overTls.sans ?? [], transport), first: overTls };
  if (overTls.kind === 'closed') return { state: 'closed', note: 'connection refused' };
  if (overTls.kind === 'no-answer')
    return {
      state: 'no-answer',
      note: `no answer within ${transport.timeoutMs} ms (filtered, or not speaking)`,
    };
  if (overTls.kind === 'unreachable') return { state: 'unreachable', note: overTls.message };
  if (CLIENT_CERT_ALERT.test(overTls.message))
    return {
      state: 'tls-refused',
      note: `TLS requires a client certificate (${overTls.message.split('\n')[0]})`,
    };
  const plain = await contextOf(host, port, false, [], transport).ask('GET', path, { readBody: true });
  if (plain.kind === 'response')
    return { state: 'open', ctx: contextOf(host, port, false, [], transport), first: plain };
  if (plain.kind === 'no-answer')
    return { state: 'no-answer', note: `no HTTP answer within ${transport.timeoutMs} ms` };
  return {
    state: 'other-protocol',
    note: `speaks neither TLS nor HTTP (${statusOf(overTls)}; ${statusOf(plain)})`.replace(/\n/g, ' '),
  };
}
