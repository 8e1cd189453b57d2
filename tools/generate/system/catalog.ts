import type { NamespaceContents } from '../model/namespace-contents.js';
import type { PsaLevel } from '../model/plan-types.js';
import type { Random } from '../random.js';
import { certManager } from './cert-manager.js';
import { ci } from './ci.js';
import { ingressNginx } from './ingress-nginx.js';
import { kubeSystem } from './kube-system.js';
import { logging } from './logging.js';
import { monitoring } from './monitoring.js';
import { defaultNamespace, kubeNodeLease, kubePublic } from './small-namespaces.js';

/** A namespace every cluster has, with fixed contents. */
export interface SystemNamespace {
  readonly name: string;
  readonly psa?: PsaLevel;
  readonly contents: (rng: Random) => NamespaceContents;
}

/** The system namespaces, in the order they are written. */
export const SYSTEM_NAMESPACES: readonly SystemNamespace[] = [
  { name: 'default', contents: defaultNamespace },
  { name: 'kube-node-lease', contents: kubeNodeLease },
  { name: 'kube-public', contents: kubePublic },
  { name: 'kube-system', psa: 'privileged', contents: kubeSystem },
  { name: 'monitoring', psa: 'privileged', contents: monitoring },
  { name: 'logging', psa: 'privileged', contents: logging },
  { name: 'ingress-nginx', psa: 'baseline', contents: ingressNginx },
  { name: 'cert-manager', psa: 'restricted', contents: certManager },
  { name: 'ci', contents: ci },
];
