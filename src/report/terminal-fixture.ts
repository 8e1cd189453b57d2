/** A small hand-made report for reporter tests: one path, a plan of three, gaps and hygiene. */
import type { PathReport, PlanItem, Report } from './contract.js';

const PATH: PathReport = {
  threatModel: 'external',
  entry: 'lb:Service/shop/web:443',
  jewel: 'jewel:cluster-admin',
  likelihood: 0.27,
  score: 270_000,
  steps: [
    {
      technique: 'exposed-workload',
      from: 'lb:Service/shop/web:443',
      to: 'Deployment/shop/web#app',
      says: 'the internet reaches container app of Deployment/shop/web through a LoadBalancer',
      evidence: [
        {
          ref: 'Service/shop/web',
          path: '/spec/type',
          location: 'k8s/web.yaml:20',
          says: 'type: LoadBalancer',
        },
      ],
    },
    {
      technique: 'mounted-service-account-token',
      from: 'Deployment/shop/web#app',
      to: 'ServiceAccount/shop/web',
      says: 'container app of Deployment/shop/web mounts the token of ServiceAccount/shop/web — k8s/web.yaml:1',
      evidence: [
        { ref: 'Deployment/shop/web', location: 'k8s/web.yaml:1', says: 'automount is on (default)' },
      ],
    },
    {
      technique: 'cluster-admin-grant',
      from: 'ServiceAccount/shop/web',
      to: 'jewel:cluster-admin',
      says: 'ServiceAccount/shop/web is granted cluster-admin',
      evidence: [
        { ref: 'ClusterRoleBinding/web-admin', location: 'k8s/rbac.yaml:3', says: 'binds cluster-admin' },
      ],
    },
  ],
};

function item(overrides: Partial<PlanItem> & Pick<PlanItem, 'remediation' | 'title' | 'target'>): PlanItem {
  return {
    effort: 'hours',
    effortHours: 2,
    riskBefore: 1_000_000,
    riskAfter: 400_000,
    pathsCut: 1,
    patch: [{ op: 'remove', path: '/subjects/0' }],
    kubectl: `kubectl patch x --type=json -p '[]'`,
    mayBreak: 'Whatever the subject does with these rights.',
    chokepoint: false,
    ...overrides,
  };
}

/** The one thing of the sample (also the plan's second item). */
export const SAMPLE_ONE_THING: PlanItem = item({
  remediation: 'remove-binding-subject',
  title: 'Remove the subject from the binding',
  target: 'ClusterRoleBinding/web-admin',
  location: 'k8s/rbac.yaml:3',
  riskBefore: 1_000_000,
  riskAfter: 250_000,
  pathsCut: 3,
  kubectl: `kubectl patch clusterrolebinding web-admin --type=json -p '[{"op":"remove","path":"/subjects/0"}]'`,
  chokepoint: true,
  breaks: PATH,
});

/** A report with every section filled; override parts per test. */
export function sampleReport(overrides: Partial<Report> = {}): Report {
  return {
    schemaVersion: '1.0',
    tool: { name: 'chokepoint', version: '9.9.9' },
    source: { type: 'files', paths: ['k8s/'] },
    threatModels: [
      { name: 'external', enabled: true, weight: 100 },
      { name: 'container', enabled: true, weight: 100 },
      { name: 'credentials', enabled: false, weight: 100 },
    ],
    assumptions: ['Kubernetes 1.36 semantics and bootstrap RBAC.'],
    risk: { total: 1_000_000, byThreatModel: { external: 750_000, container: 250_000, credentials: 0 } },
    oneThing: SAMPLE_ONE_THING,
    plan: [
      item({
        remediation: 'disable-token-automount',
        title: 'Stop mounting the service-account token',
        target: 'Deployment/shop/web',
        location: 'k8s/web.yaml:1',
        effort: 'minutes',
        effortHours: 0.5,
        riskAfter: 500_000,
        pathsCut: 2,
      }),
      SAMPLE_ONE_THING,
      item({
        remediation: 'make-service-internal',
        title: 'Stop exposing the Service outside the cluster',
        target: 'Service/shop/web',
        riskBefore: 250_000,
        riskAfter: 0,
      }),
    ],
    paths: [PATH],
    findings: [],
    facts: [
      {
        fact: 'privileged',
        object: 'Deployment/ops/agent#agent',
        location: 'k8s/agent.yaml:9',
        says: 'privileged: true',
        onPath: false,
      },
      { fact: 'image-latest', object: 'Deployment/shop/web#app', says: 'image tag latest', onPath: false },
      { fact: 'image-latest', object: 'Deployment/ops/agent#agent', says: 'image tag latest', onPath: false },
      { fact: 'automount-token', object: 'Deployment/shop/web', says: 'automount on', onPath: true },
    ],
    gaps: [
      {
        kind: 'parse-error',
        where: 'k8s/broken.yaml:7',
        message: 'k8s/broken.yaml:7: unexpected end of the stream — fix the YAML',
      },
    ],
    stats: {
      objects: 12,
      kinds: { Service: 2, Deployment: 3, ClusterRoleBinding: 1 },
      workloads: 3,
      identities: 4,
      graphNodes: 20,
      graphEdges: 30,
      entries: 5,
      paths: 1,
      pathsByJewel: { 'cluster-admin': 1 },
    },
    ...overrides,
  };
}
