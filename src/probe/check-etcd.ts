/**
 * etcd (3.6 has no v2 API). `/version` and `/health` are information. The unauthenticated read is checked with
 * `POST /v3/kv/range` and `count_only: true`: read-only, but a POST, so it is allowed here explicitly; its body
 * (a count) is not read. A port that refuses the TLS handshake without a client certificate never gets here.
 */
import { type CheckOutcome, code, finding, jsonOf, said } from './outcome.js';
import type { PortContext } from './port-context.js';
import type { Answer } from './transport.js';

/** Every key (`\0` to `\0`), counted, never returned. */
export const KV_COUNT_BODY = JSON.stringify({ key: 'AA==', range_end: 'AA==', count_only: true });

/** Checks an etcd client port; `first` is its answer to `GET /version`. */
export async function checkEtcd(ctx: PortContext, first: Answer): Promise<CheckOutcome> {
  const server = jsonOf(first)?.etcdserver;
  if (typeof server !== 'string')
    return { notes: [`answers ${said(first)} to GET /version: not etcd`], findings: [] };
  const health = await ctx.ask('GET', '/health', { readBody: true });
  const notes = [
    `etcd ${server} over ${ctx.tls ? 'TLS without a client certificate' : 'plain HTTP'}`,
    `GET /health: ${said(health)}${jsonOf(health)?.health === 'true' ? ' (healthy)' : ''}`,
  ];
  const path = '/v3/kv/range';
  const range = await ctx.ask('POST', path, {
    body: KV_COUNT_BODY,
    headers: { 'content-type': 'application/json' },
  });
  if (code(range) !== 200) {
    notes.push(`POST ${path} (count_only): ${said(range)}: the key space is not readable`);
    return { service: 'etcd', notes, findings: [] };
  }
  const evidence = [
    ctx.evidence('POST', path, range, 'a count_only range over every key answered with no credentials'),
  ];
  return { service: 'etcd', notes, findings: [finding(ctx, 'etcd-no-client-auth', evidence)] };
}

/** Checks an etcd peer port; `first` is its answer to `GET /version`. */
export async function checkEtcdPeer(ctx: PortContext, first: Answer): Promise<CheckOutcome> {
  if (typeof jsonOf(first)?.etcdserver !== 'string')
    return { notes: [`answers ${said(first)} to GET /version: not etcd`], findings: [] };
  const members = await ctx.ask('GET', '/members');
  if (code(members) !== 200)
    return { service: 'etcd-peer', notes: [`GET /members: ${said(members)}`], findings: [] };
  const evidence = [
    ctx.evidence('GET', '/members', members, 'the peer API answered with no client certificate'),
  ];
  return { service: 'etcd-peer', notes: [], findings: [finding(ctx, 'etcd-peer-no-client-auth', evidence)] };
}
