/**
 * Kubelet responders that kube-hunter can read: like test/probe/kubelet-responder.ts (same status codes per
 * mode), but `/pods` and `/runningpods/` answer a JSON PodList with one placeholder Running pod, because
 * kube-hunter only reports exposed pods, and only tries its debug-handler checks, when it can parse one.
 * Nothing is executed; everything not emulated answers 404, as a kubelet does for unknown paths.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestCert } from '../../test/probe/test-pki.js';

/** A running responder. */
export interface PodsResponder {
  readonly port: number;
  close(): Promise<void>;
}

const POD_LIST = JSON.stringify({
  kind: 'PodList',
  apiVersion: 'v1',
  items: [
    {
      metadata: { name: 'placeholder', namespace: 'default' },
      spec: { containers: [{ name: 'placeholder' }] },
      status: { phase: 'Running' },
    },
  ],
});

function answer(mode: 'open' | 'forbidden' | 'read-only', req: IncomingMessage): [number, string] {
  if (mode === 'forbidden')
    return [403, 'Forbidden (user=system:anonymous, verb=get, resource=nodes, subresource=proxy)'];
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (path === '/healthz') return [200, 'ok'];
  if (path === '/pods' || (mode === 'open' && path === '/runningpods/')) return [200, POD_LIST];
  if (mode === 'open' && /^\/(exec|attach)\//.test(path))
    return [400, 'you must specify at least 1 of stdin, stdout, stderr'];
  // A real kubelet looks the pod up after authorization: an absent pod is 404.
  if (mode === 'open' && path.startsWith('/run/')) return [404, 'pod does not exist'];
  return [404, '404 page not found'];
}

function listen(server: ReturnType<typeof createHttpServer>): Promise<PodsResponder> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        port,
        close: () => {
          server.closeAllConnections();
          return new Promise((r) => server.close(() => r()));
        },
      });
    });
  });
}

/** A TLS kubelet (port 10250): `open` lets anonymous read and reach run; `forbidden` answers 403 to everything. */
export function startKubeletPods(mode: 'open' | 'forbidden', cert: TestCert): Promise<PodsResponder> {
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const [status, body] = answer(mode, req);
    res.writeHead(status, { 'content-type': status === 200 ? 'application/json' : 'text/plain' }).end(body);
  };
  return listen(createHttpsServer({ cert: cert.cert, key: cert.key }, handle));
}

/** A read-only port (10255, plain HTTP): `/healthz` and `/pods` answer anyone. */
export function startReadOnlyPods(): Promise<PodsResponder> {
  return listen(
    createHttpServer((req, res) => {
      const [status, body] = answer('read-only', req);
      res.writeHead(status).end(body);
    }),
  );
}
