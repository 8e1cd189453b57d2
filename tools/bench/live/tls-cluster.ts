/**
 * Child of the live bench: starts the real control plane of the tests (kube-apiserver and etcd, TLS with a test
 * CA), creates `N` namespaces with one Secret and one ServiceAccount each, and prints the admin kubeconfig's path.
 * It serves until stdin closes, then stops the control plane. Usage: `tls-cluster.js N`.
 */
import { once } from 'node:events';
import { startControlPlane } from '../../../test/harness/control-plane.js';
import { kubectl } from '../../../test/live/live-helpers.js';

const count = Number(process.argv[2] ?? '1000');
const cp = await startControlPlane();
try {
  const items = [];
  for (let i = 0; i < count; i++) {
    const namespace = `team-${String(i).padStart(4, '0')}`;
    items.push(
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'app', namespace } },
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'app-config', namespace },
        stringData: { mode: 'bench' },
      },
    );
  }
  // Namespaces are created first: the objects in them are refused until their namespace exists.
  for (const kinds of [['Namespace'], ['ServiceAccount', 'Secret']]) {
    const list = { apiVersion: 'v1', kind: 'List', items: items.filter((item) => kinds.includes(item.kind)) };
    const applied = kubectl(cp, ['apply', '--server-side', '-f', '-'], 'admin', JSON.stringify(list));
    if (applied.status !== 0) throw new Error(`kubectl apply: ${applied.stderr}`);
  }
  process.stdout.write(`${cp.kubeconfigFor('admin')}\n`);
  process.stdin.resume();
  await once(process.stdin, 'end');
} finally {
  await cp.stop();
}
