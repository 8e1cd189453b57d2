/**
 * The seven configurations kube-hunter and chokepoint probe side by side: real API servers (hardened, default,
 * anonymous with grants), real etcd (TLS with client certificates, plain HTTP), and kubelet responders kube-hunter can
 * read (open, 403, read-only port). Each names the standard ports it serves and the real loopback port behind each.
 */
import { type ControlPlane, startControlPlane } from '../../test/harness/control-plane.js';
import { startEtcd } from '../../test/probe/etcd-process.js';
import { makeCert } from '../../test/probe/test-pki.js';
import { startKubeletPods, startReadOnlyPods } from './kubelet-pods.js';

/** One configuration: standard port → real loopback port, and how to stop it. */
export interface Setup {
  readonly name: string;
  readonly forwards: Readonly<Record<number, number>>;
  /** The real API server, whose audit log must show kube-hunter made no writes. */
  readonly cp?: ControlPlane;
  readonly stop: () => Promise<unknown>;
}

const portOf = (cp: ControlPlane) => Number(new URL(cp.url).port);

/** An API server where anonymous may list pods cluster-wide (a real, if rare, misconfiguration). */
async function anonymousGrants(): Promise<ControlPlane> {
  const cp = await startControlPlane({ controllers: false });
  await cp.request('admin', 'POST', '/apis/rbac.authorization.k8s.io/v1/clusterroles', {
    metadata: { name: 'anon-pods' },
    rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['list'] }],
  });
  await cp.request('admin', 'POST', '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {
    metadata: { name: 'anon-pods' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'anon-pods' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'system:anonymous' }],
  });
  return cp;
}

/** Starts every configuration (about a minute: three API servers, three etcds). */
export async function startSetups(): Promise<Setup[]> {
  const cert = makeCert('DNS:localhost,IP:127.0.0.1');
  // One after another: each picks free ports, and parallel starts could pick the same one.
  const hardenedCp = await startControlPlane({
    controllers: false,
    apiserverArgs: ['--anonymous-auth=false'],
  });
  const tlsEtcd = await startEtcd({ tls: true });
  const defaultCp = await startControlPlane({ controllers: false });
  const grantsCp = await anonymousGrants();
  const plainEtcd = await startEtcd({ tls: false });
  const kubeletOpen = await startKubeletPods('open', cert);
  const kubeletForbidden = await startKubeletPods('forbidden', cert);
  const readOnly = await startReadOnlyPods();
  return [
    {
      name: 'hardened',
      forwards: { 6443: portOf(hardenedCp), 2379: tlsEtcd.clientPort },
      cp: hardenedCp,
      stop: () => Promise.all([hardenedCp.stop(), tlsEtcd.stop()]),
    },
    { name: 'default', forwards: { 6443: portOf(defaultCp) }, cp: defaultCp, stop: () => defaultCp.stop() },
    {
      name: 'anonymous-grants',
      forwards: { 6443: portOf(grantsCp) },
      cp: grantsCp,
      stop: () => grantsCp.stop(),
    },
    { name: 'etcd-plain-http', forwards: { 2379: plainEtcd.clientPort }, stop: () => plainEtcd.stop() },
    { name: 'kubelet-open', forwards: { 10250: kubeletOpen.port }, stop: () => kubeletOpen.close() },
    { name: 'kubelet-403', forwards: { 10250: kubeletForbidden.port }, stop: () => kubeletForbidden.close() },
    { name: 'read-only-port', forwards: { 10255: readOnly.port }, stop: () => readOnly.close() },
  ];
}
