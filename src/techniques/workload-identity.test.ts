import { runTable } from './table-test.js';
import { workloadIdentity } from './workload-identity.js';
import { container, deployment } from './workload-test-fixtures.js';

const sa = (annotations: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name: 'api', namespace: 'shop', annotations },
});
const ARN = 'arn:aws:iam::111122223333:role/shop-api';
const AZURE = { 'azure.workload.identity/client-id': '00000000-0000-0000-0000-000000000001' };
const podOf = (labels: Record<string, string>) => {
  const d = deployment({ serviceAccountName: 'api', containers: [container()] }) as {
    spec: { template: { metadata: { labels: Record<string, string> } } };
  };
  d.spec.template.metadata.labels = { ...d.spec.template.metadata.labels, ...labels };
  return d;
};

runTable(workloadIdentity, [
  {
    name: 'IRSA role ARN',
    objects: [sa({ 'eks.amazonaws.com/role-arn': ARN })],
    edges: [`ServiceAccount/shop/api -> cloud:identity/${ARN}`],
    fixes: [],
  },
  {
    name: 'GKE service account',
    objects: [sa({ 'iam.gke.io/gcp-service-account': 'api@proj.iam.gserviceaccount.com' })],
    edges: ['ServiceAccount/shop/api -> cloud:identity/api@proj.iam.gserviceaccount.com'],
  },
  {
    name: 'Azure client id with a pod that opts in',
    objects: [sa(AZURE), podOf({ 'azure.workload.identity/use': 'true' })],
    edges: ['ServiceAccount/shop/api -> cloud:identity/00000000-0000-0000-0000-000000000001'],
  },
  { name: 'near miss: Azure client id without the pod label', objects: [sa(AZURE), podOf({})], edges: [] },
  { name: 'near miss: an empty role ARN', objects: [sa({ 'eks.amazonaws.com/role-arn': '' })], edges: [] },
]);
