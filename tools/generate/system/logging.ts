import { CLUSTER_EPOCH } from '../clock.js';
import type { NamespaceContents } from '../model/namespace-contents.js';
import type { Random } from '../random.js';
import { component, TOLERATE_ALL } from './component.js';
import { systemAccounts } from './system-accounts.js';

const DAY = 86400;
const EMPTY = {
  secrets: [],
  services: [],
  ingresses: [],
  networkPolicies: [],
  roles: [],
  roleBindings: [],
} as const;

/** logging: one fluent-bit per node, reading host logs. */
export function logging(rng: Random): NamespaceContents {
  const t0 = CLUSTER_EPOCH + 3 * DAY;
  const ns = 'logging';
  const selector = { 'app.kubernetes.io/name': 'fluent-bit', 'app.kubernetes.io/instance': 'fluent-bit' };
  return {
    ...EMPTY,
    serviceAccounts: systemAccounts(['fluent-bit'], t0, rng),
    workloads: [
      component(
        {
          kind: 'DaemonSet',
          name: 'fluent-bit',
          namespace: ns,
          selector,
          image: 'cr.fluentbit.io/fluent/fluent-bit:2.2.2',
          ports: [{ name: 'http', containerPort: 2020, protocol: 'TCP' }],
          sidecar: ['config-reloader', 'ghcr.io/jimmidyson/configmap-reload:v0.12.0', 9533],
          serviceAccount: 'fluent-bit',
          hardening: 'partial',
          nodes: 'all',
          tolerations: TOLERATE_ALL,
          created: t0,
          hostMounts: [
            { name: 'varlog', path: '/var/log', mountPath: '/var/log' },
            {
              name: 'varlibcontainers',
              path: '/var/lib/containerd',
              mountPath: '/var/lib/containerd',
              readOnly: true,
            },
          ],
        },
        rng,
      ),
    ],
    services: [
      {
        name: 'fluent-bit',
        namespace: ns,
        type: 'ClusterIP',
        selector,
        created: t0,
        ports: [{ name: 'http', port: 2020, targetPort: 'http', protocol: 'TCP' }],
      },
    ],
  };
}
