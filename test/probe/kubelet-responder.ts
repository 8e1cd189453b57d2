// A minimal loopback KUBELET RESPONDER, not a kubelet: it answers the documented kubelet API paths with the
// status codes a real kubelet gives in each authentication/authorization setting, so the probe's kubelet checks
// can be tested where no kubelet can run. Bodies are placeholders; nothing is ever executed.
//   anonymous-off   every path 401 (authentication.anonymous.enabled: false)
//   forbidden       every path 403 (anonymous authenticated, Webhook authorization denies nodes/proxy)
//   open            reads 200; exec/attach 400 and run 404 for a pod that does not exist (past authorization)
//   no-debugging    reads 200; exec/run/attach 405 (enableDebuggingHandlers: false)
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestCert } from './test-pki.js';

/** How the responder's kubelet is configured. */
export type KubeletMode = 'anonymous-off' | 'forbidden' | 'open' | 'no-debugging';

/** A running responder. */
export interface Responder {
  readonly port: number;
  /** Every request it got, as `METHOD /path`. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

function kubeletAnswer(mode: KubeletMode, req: IncomingMessage): [number, string] {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const stream = /^\/(exec|run|attach)\//.exec(path)?.[1];
  if (mode === 'anonymous-off') return [401, 'Unauthorized'];
  if (mode === 'forbidden')
    return [403, 'Forbidden (user=system:anonymous, verb=get, resource=nodes, subresource=proxy)'];
  if (path === '/healthz') return [200, 'ok'];
  if (stream !== undefined) {
    if (mode === 'no-debugging') return [405, 'Debug endpoints are disabled.'];
    // A real kubelet checks the stream options (exec, attach) or looks the pod up (run) after authorization.
    return stream === 'run'
      ? [404, 'pod does not exist']
      : [400, 'you must specify at least 1 of stdin, stdout, stderr'];
  }
  if (['/pods', '/runningpods/', '/configz', '/metrics'].includes(path)) return [200, '{}'];
  return [404, '404 page not found'];
}

function listen(server: ReturnType<typeof createHttpServer>, requests: string[]): Promise<Responder> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ port, requests, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** Starts a kubelet responder (TLS, like port 10250) in one mode. */
export function startKubeletResponder(mode: KubeletMode, cert: TestCert): Promise<Responder> {
  const requests: string[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    requests.push(`${req.method} ${req.url}`);
    const [status, body] = kubeletAnswer(mode, req);
    res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
  };
  return listen(createHttpsServer({ cert: cert.cert, key: cert.key }, handle), requests);
}

/** Starts a read-only-port responder (plain HTTP, like 10255): /healthz and /pods answer 200 to anyone. */
export function startReadOnlyResponder(): Promise<Responder> {
  const requests: string[] = [];
  const server = createHttpServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const known = req.url === '/healthz' || req.url === '/pods';
    res.writeHead(known ? 200 : 404).end(known ? 'ok' : '404 page not found');
  });
  return listen(server, requests);
}
