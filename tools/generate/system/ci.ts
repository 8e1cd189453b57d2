import { CLUSTER_EPOCH } from '../clock.js';
import type { NamespaceContents } from '../model/namespace-contents.js';
import type { Random } from '../random.js';
import { component } from './component.js';
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

/** ci: a GitLab runner whose ServiceAccount is cluster-admin, the classic CI shortcut. */
export function ci(rng: Random): NamespaceContents {
  const t0 = CLUSTER_EPOCH + 9 * DAY;
  const ns = 'ci';
  return {
    ...EMPTY,
    serviceAccounts: systemAccounts(['gitlab-runner'], t0, rng),
    workloads: [
      component(
        {
          kind: 'Deployment',
          name: 'gitlab-runner',
          namespace: ns,
          selector: { app: 'gitlab-runner' },
          image: 'gitlab/gitlab-runner:v16.9.1',
          ports: [{ name: 'metrics', containerPort: 9252, protocol: 'TCP' }],
          sidecar: [
            'docker-credential-helper',
            'registry.example.com/platform/credential-helper:2.1.0',
            8090,
          ],
          serviceAccount: 'gitlab-runner',
          hardening: 'partial',
          created: t0,
        },
        rng,
      ),
    ],
    secrets: [
      {
        name: 'gitlab-runner-registration',
        namespace: ns,
        type: 'Opaque',
        keys: ['runner-token'],
        created: t0,
      },
    ],
  };
}
