/**
 * The Kubernetes dashboard acts with its own ServiceAccount for anyone who gets past its login. With
 * `--enable-skip-login` there is no login: whoever reaches it (from the internet when a Service or Ingress
 * exposes it, or from any pod the network lets through) uses the ServiceAccount's rights. Exposed with a login,
 * it still needs a token or a flaw, so that edge is `unlikely`.
 */
import { endpointRef } from '../graph/entries.js';
import type { DashboardSettings } from '../model/control-plane.js';
import type { Model } from '../model/model.js';
import { reachContextOf } from '../model/network-reach.js';
import type { Edge, Fix, Technique } from './types.js';
import { makeServiceInternal } from './workload-fixes.js';
import { evidence, likelihoodField, sortEdges } from './workload-helpers.js';

function skipLoginFix(dashboard: DashboardSettings): Fix[] {
  const flag = dashboard.flags.flags.get('enable-skip-login');
  if (flag === undefined || flag.path === '') return [];
  const op =
    flag.item === flag.token
      ? { op: 'remove' as const, path: flag.path }
      : { op: 'replace' as const, path: flag.path, value: flag.item.replace(flag.token, '').trim() };
  return [{ remediation: 'disable-dashboard-skip-login', target: dashboard.workload, ops: [op] }];
}

function find(model: Model): Edge[] {
  const edges: Edge[] = [];
  for (const dashboard of model.controlPlane.dashboards) {
    const workload = model.workload(dashboard.workload);
    if (workload === undefined) continue;
    const account = `ServiceAccount/${workload.namespace}/${workload.serviceAccountName}`;
    const open = dashboard.flags.flags.get('enable-skip-login')?.value === 'true';
    const says = open
      ? `dashboard container ${dashboard.container} sets --enable-skip-login: visitors act as ${account}`
      : `dashboard container ${dashboard.container} acts as ${account} for whoever logs in`;
    const proof = evidence(
      model,
      workload.ref,
      says,
      dashboard.flags.flags.get('enable-skip-login')?.path || undefined,
    );
    const fixes = open ? skipLoginFix(dashboard) : [];
    for (const exposure of model.exposureOf(workload.ref)) {
      const service = model.services.find((s) => s.ref === exposure.via);
      const exposureFix =
        service !== undefined && exposure.kind !== 'ExternalIP' ? [makeServiceInternal(service)] : [];
      edges.push({
        technique: 'dashboard-exposed',
        from: endpointRef(exposure.kind, exposure.via, exposure.port),
        to: account,
        ...likelihoodField('likely', open ? 'likely' : 'unlikely'),
        evidence: [
          proof,
          evidence(model, exposure.via, `${exposure.via} exposes the dashboard (${exposure.kind})`),
        ],
        fixes: [...fixes, ...exposureFix],
      });
    }
    const reachClass = reachContextOf(model).classes.classOf.get(workload.ref);
    if (open && reachClass !== undefined)
      edges.push({
        technique: 'dashboard-exposed',
        from: `hub:reach/${reachClass.id}`,
        to: account,
        evidence: [proof],
        fixes,
      });
  }
  return sortEdges(edges);
}

/** An exposed or skip-login dashboard → its ServiceAccount. */
export const dashboardExposed: Technique = {
  meta: {
    id: 'dashboard-exposed',
    title: 'Kubernetes dashboard exposed or without login',
    summary: "Whoever reaches the dashboard acts with its ServiceAccount's rights.",
    prerequisites:
      'The Kubernetes dashboard reachable by the attacker (a LoadBalancer, NodePort or Ingress, or the pod network) ' +
      'and --enable-skip-login set, or a way past its login.',
    exploitation:
      'The attacker opens the dashboard, presses Skip on the login page and manages workloads and Secrets with the ' +
      "dashboard's ServiceAccount (the 2018 Tesla cryptojacking began this way).",
    threatModels: ['external', 'container'],
    mitre: ['T1133', 'T1078.004'],
    msThreatMatrix: ['MS-TA9032', 'MS-TA9005'],
    likelihood: 'likely',
    remediations: ['disable-dashboard-skip-login', 'make-service-internal'],
  },
  find,
};
