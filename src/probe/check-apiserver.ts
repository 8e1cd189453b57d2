/**
 * The API server, as an anonymous client sees it. `system:public-info-viewer` (version, health) is open to
 * everyone by default and is not a finding. Anything more is tested per resource with `GET ...?limit=1` and the
 * PartialObjectMetadataList Accept header, judged by the status code; bodies are never read (even metadata
 * holds values: last-applied-configuration annotations copy a Secret's data).
 */
import { type CheckOutcome, code, finding, jsonOf, said } from './outcome.js';
import type { PortContext } from './port-context.js';
import type { Answer } from './transport.js';
import type { Evidence } from './types.js';

/** Metadata only, if the server ever sent a body. */
export const METADATA_ACCEPT =
  'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json;as=PartialObjectMetadataList;v=v1beta1;g=meta.k8s.io,application/json';

// Cluster-wide lists, then the namespaces every cluster has (a RoleBinding grants only inside its namespace).
const CLUSTER_LISTS = [
  '/api/v1/pods',
  '/api/v1/secrets',
  '/api/v1/configmaps',
  '/api/v1/serviceaccounts',
  '/api/v1/nodes',
  '/api/v1/namespaces',
  '/api/v1/services',
  '/apis/apps/v1/deployments',
  '/apis/apps/v1/daemonsets',
  '/apis/batch/v1/jobs',
  '/apis/rbac.authorization.k8s.io/v1/clusterroles',
  '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
  '/apis/rbac.authorization.k8s.io/v1/rolebindings',
  '/apis/certificates.k8s.io/v1/certificatesigningrequests',
];
const NAMESPACED = ['pods', 'secrets', 'configmaps', 'serviceaccounts'];
const NAMESPACES = ['default', 'kube-system'];

/** The list requests that tell what anonymous may read. */
export function anonymousListPaths(): string[] {
  const namespaced = NAMESPACES.flatMap((ns) => NAMESPACED.map((r) => `/api/v1/namespaces/${ns}/${r}`));
  return [...CLUSTER_LISTS, ...namespaced].map((path) => `${path}?limit=1`);
}

/** The `gitVersion` of a `/version` answer, when it is a Kubernetes API server's. */
export function kubeVersionOf(answer: Answer): string | undefined {
  const json = jsonOf(answer);
  return typeof json?.gitVersion === 'string' && typeof json.goVersion === 'string'
    ? json.gitVersion
    : undefined;
}

/** True for a Kubernetes `Status` object (what the API server answers 401 and 403 with). */
export function isStatusObject(answer: Answer): boolean {
  return jsonOf(answer)?.kind === 'Status';
}

/** Each list path anonymous may read, as evidence; empty when none. */
export async function anonymousReads(ctx: PortContext): Promise<Evidence[]> {
  const out: Evidence[] = [];
  for (const path of anonymousListPaths()) {
    const answer = await ctx.ask('GET', path, { headers: { accept: METADATA_ACCEPT } });
    if (code(answer) === 200)
      out.push(ctx.evidence('GET', path, answer, 'anonymous may list this (status only; no body read)'));
  }
  return out;
}

/** Checks an API server port; `first` is its answer to `GET /version`. */
export async function checkApiserver(ctx: PortContext, first: Answer): Promise<CheckOutcome> {
  const version = kubeVersionOf(first);
  if (version === undefined && !isStatusObject(first))
    return {
      notes: [`answers ${said(first)} to GET /version but is not a Kubernetes API server`],
      findings: [],
    };
  const notes = [version === undefined ? `GET /version: ${said(first)}` : `Kubernetes ${version}`];
  for (const path of ['/healthz', '/livez']) notes.push(`GET ${path}: ${said(await ctx.ask('GET', path))}`);
  if (code(first) === 401) {
    notes.push('anonymous authentication is off (401 to /version)');
    return { service: 'apiserver', notes, findings: [] };
  }
  const findings = [];
  const discovery = await ctx.ask('GET', '/api');
  if (code(discovery) === 200)
    findings.push(
      finding(ctx, 'apiserver-anonymous-discovery', [
        ctx.evidence('GET', '/api', discovery, 'anonymous reads API discovery'),
      ]),
    );
  const reads = await anonymousReads(ctx);
  if (reads.length > 0) findings.push(finding(ctx, 'apiserver-anonymous-access', reads));
  else notes.push('anonymous may read nothing beyond system:public-info-viewer');
  return { service: 'apiserver', notes, findings };
}
