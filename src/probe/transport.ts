/**
 * One HTTP request to one (host, port), over TLS or plain TCP, bounded by a timeout from connect to the status
 * line. Certificates are never verified (cluster certificates come from private CAs), but the serving
 * certificate's names are kept. The body is read only when asked for, capped, and only for answers that hold no
 * secrets (version, health); everything else is judged by its status code and the socket is closed unread.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';

/** What a request came back with. */
export type Answer =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly contentType: string;
      /** Up to `BODY_CAP` bytes, only when `readBody` was asked. */
      readonly body: string;
      /** Subject alternative names of the serving certificate (TLS only). */
      readonly sans?: readonly string[];
    }
  | { readonly kind: 'closed' }
  | { readonly kind: 'no-answer' }
  | { readonly kind: 'unreachable'; readonly message: string }
  /** Connected, but what came back was not TLS (for `tls`) or not HTTP. */
  | { readonly kind: 'protocol-error'; readonly message: string };

/** One request to send. */
export interface RequestSpec {
  readonly host: string;
  readonly port: number;
  readonly tls: boolean;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  /** Read (at most `BODY_CAP` bytes of) the body: only for version and health answers. */
  readonly readBody?: boolean;
}

/** Bodies are capped: version and health answers are small, and nothing else is read. */
export const BODY_CAP = 16 * 1024;

/** How a request is written in evidence: `GET https://host:port/path`. */
export function describe(spec: Pick<RequestSpec, 'host' | 'port' | 'tls' | 'method' | 'path'>): string {
  const host = spec.host.includes(':') ? `[${spec.host}]` : spec.host;
  return `${spec.method} ${spec.tls ? 'https' : 'http'}://${host}:${spec.port}${spec.path}`;
}

function sansOf(res: IncomingMessage): string[] | undefined {
  const socket = res.socket as TLSSocket;
  if (typeof socket.getPeerCertificate !== 'function') return undefined;
  const alt = socket.getPeerCertificate()?.subjectaltname ?? '';
  return alt === '' ? [] : alt.split(', ').map((name) => name.replace(/^(DNS|IP Address):/, ''));
}

function classify(error: NodeJS.ErrnoException): Answer {
  const code = error.code ?? '';
  if (code === 'ECONNREFUSED') return { kind: 'closed' };
  if (['EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL'].includes(code))
    return { kind: 'unreachable', message: `${code}: ${error.message}` };
  return { kind: 'protocol-error', message: code === '' ? error.message : `${code}: ${error.message}` };
}

/** Sends one request; never throws, never waits past `timeoutMs`. */
export function send(spec: RequestSpec): Promise<Answer> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(answer);
    };
    const options = {
      host: spec.host,
      port: spec.port,
      method: spec.method,
      path: spec.path,
      agent: false as const,
      headers: {
        'user-agent': 'chokepoint-probe',
        ...(spec.body === undefined ? {} : { 'content-length': Buffer.byteLength(spec.body) }),
        ...spec.headers,
      },
      // Private CAs and self-signed kubelet certificates are normal; the probe judges access, not trust.
      rejectUnauthorized: false,
    };
    const req = (spec.tls ? httpsRequest : httpRequest)(options, (res) => {
      const head = {
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type'] ?? ''),
        ...(spec.tls ? { sans: sansOf(res) ?? [] } : {}),
      };
      if (spec.readBody !== true) return finish({ kind: 'response', ...head, body: '' });
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= BODY_CAP) done();
      });
      const done = () =>
        finish({
          kind: 'response',
          ...head,
          body: Buffer.concat(chunks).subarray(0, BODY_CAP).toString('utf8'),
        });
      res.on('end', done);
      res.on('error', done);
    });
    const timer = setTimeout(() => finish({ kind: 'no-answer' }), spec.timeoutMs);
    req.on('error', (error) => finish(classify(error)));
    req.end(spec.body);
  });
}

/** The status code, or what happened instead, for evidence. */
export function statusOf(answer: Answer): number | string {
  switch (answer.kind) {
    case 'response':
      return answer.status;
    case 'closed':
      return 'connection refused';
    case 'no-answer':
      return 'no answer';
    case 'unreachable':
    case 'protocol-error':
      return answer.message;
    default: {
      const never: never = answer;
      throw new Error(`unknown answer ${JSON.stringify(never)}`);
    }
  }
}
