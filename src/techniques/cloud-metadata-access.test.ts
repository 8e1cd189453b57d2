import { cloudMetadataAccess } from './cloud-metadata-access.js';
import { runTable } from './table-test.js';
import { container, deployment } from './workload-test-fixtures.js';

const node = (name: string, labels: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'cloud.google.com/gke-nodepool': 'pool-a', ...labels } },
});
const GKE_MDS = { 'iam.gke.io/gke-metadata-server-enabled': 'true' };

runTable(cloudMetadataAccess, [
  {
    name: 'a pod network container may reach IMDS at low likelihood',
    objects: [deployment({ containers: [container()] })],
    edges: ['Deployment/shop/web#app -> cloud:node-identity/workers'],
    fixes: [],
  },
  {
    name: 'near miss: hostNetwork is host-network-reach',
    objects: [deployment({ hostNetwork: true, containers: [container()] })],
    edges: [],
  },
  {
    name: 'near miss: every node of the pool runs the GKE metadata server',
    objects: [node('a', GKE_MDS), node('b', GKE_MDS), deployment({ containers: [container()] })],
    edges: [],
  },
  {
    name: 'one node without the metadata server keeps the pool reachable',
    objects: [node('a', GKE_MDS), node('b', {}), deployment({ containers: [container()] })],
    edges: ['Deployment/shop/web#app -> cloud:node-identity/pool-a'],
  },
]);
