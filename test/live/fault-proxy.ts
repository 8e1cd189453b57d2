/**
 * A loopback HTTPS proxy in front of the test API server that injects faults per request: latency, a
 * connection reset in the middle of a response, 429 with Retry-After, 5xx, or no answer at all. It terminates
 * TLS with the harness's own serving certificate (valid for 127.0.0.1), so the client trusts it as the server.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, createServer as createHttpsServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ControlPlane } from '../harness/control-plane.js';

/** What to do with one request. */
export type Fault =
  | { readonly kind: 'pass'; readonly delayMs?: number }
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string }
  | { readonly kind: 'reset-mid-body' }
  | { readonly kind: 'black-hole' };

/** Decides the fault of request number `n` (0-based) to `path`. */
export type FaultPlan = (n: number, method: string, path: string) => Fault;

/** A running proxy. */
export interface FaultProxy {
  readonly url: string;
  /** A kubeconfig for a static user of the control plane, pointing at the proxy. */
  kubeconfigFor(user: string): string;
  /** Faults injected so far, by kind. */
  readonly injected: Record<string, number>;
  close(): Promise<void>;
}

/** Starts the proxy on a free loopback port. */
export async function startFaultProxy(cp: ControlPlane, plan: FaultPlan): Promise<FaultProxy> {
  const agent = new Agent({ ca: readFileSync(cp.caFile), keepAlive: true });
  const injected: Record<string, number> = {};
  let n = 0;
  const server = createHttpsServer(
    {
      cert: readFileSync(join(cp.workDir, 'apiserver.crt')),
      key: readFileSync(join(cp.workDir, 'apiserver.key')),
    },
    (req, res) => {
      const fault = plan(n++, req.method ?? 'GET', req.url ?? '/');
      injected[fault.kind] = (injected[fault.kind] ?? 0) + 1;
      if (fault.kind === 'black-hole') return;
      if (fault.kind === 'status') {
        res.writeHead(fault.status, {
          'Content-Type': 'application/json',
          ...(fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {}),
        });
        res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: fault.status }));
        return;
      }
      const upstream = request(
        new URL(req.url ?? '/', cp.url),
        { method: req.method, headers: { ...req.headers, host: new URL(cp.url).host }, agent },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (c: Buffer) => chunks.push(c));
          answer.on('end', () => {
            const body = Buffer.concat(chunks);
            const headers = { ...answer.headers, 'content-length': String(body.length) };
            delete headers['transfer-encoding'];
            setTimeout(
              () => {
                res.writeHead(answer.statusCode ?? 502, headers);
                if (fault.kind === 'reset-mid-body') {
                  res.write(body.subarray(0, Math.floor(body.length / 2)));
                  setTimeout(() => res.socket?.destroy(), 5);
                } else res.end(body);
              },
              fault.kind === 'pass' ? (fault.delayMs ?? 0) : 0,
            );
          });
        },
      );
      upstream.on('error', () => res.socket?.destroy());
      req.pipe(upstream);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    injected,
    kubeconfigFor(user) {
      const file = join(cp.workDir, `kubeconfig-proxy-${user}.json`);
      const config = {
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'proxy', cluster: { server: url, 'certificate-authority': cp.caFile } }],
        users: [{ name: user, user: { token: cp.tokens[user] } }],
        contexts: [{ name: user, context: { cluster: 'proxy', user } }],
        'current-context': user,
      };
      writeFileSync(file, JSON.stringify(config), { mode: 0o600 });
      return file;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
