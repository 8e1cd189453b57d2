/**
 * Anonymous requests to the API server act as `system:anonymous` in group `system:unauthenticated`. That is an
 * attack step only when those subjects hold real grants (the built-in `system:public-info-viewer` grant of
 * /healthz, /version and the like is not one), or when authorization is `AlwaysAllow`, which allows everything.
 * Defaults: `--anonymous-auth` is true; `--authorization-mode` is AlwaysAllow when neither it nor
 * `--authorization-config` is set. No API server manifest in the input means a default, RBAC-authorized server.
 */

import { listHas } from '../model/control-plane-flags.js';
import type { Model } from '../model/model.js';
import type { Grant } from '../model/types.js';
import { componentsOf, ENDPOINTS, flag, flagFix } from './control-plane-helpers.js';
import { removeBindingSubject } from './rbac-fixes.js';
import { grantsOfSubjects } from './rbac-scan.js';
import type { Edge, Fix, Technique } from './types.js';
import { evidence, sortEdges } from './workload-helpers.js';

const ANONYMOUS = ['User/system:anonymous', 'Group/system:unauthenticated'];
// What system:public-info-viewer grants: health and version probes, no resources.
const PUBLIC_URLS = new Set(['/healthz', '/livez', '/readyz', '/version', '/version/']);

function isRealGrant(grant: Grant): boolean {
  const rule = grant.rule;
  return rule.resources.length > 0 || rule.nonResourceURLs.some((url) => !PUBLIC_URLS.has(url));
}

function find(model: Model): Edge[] {
  const servers = componentsOf(model, 'kube-apiserver');
  const anonymousOn = servers.filter((s) => (flag(s, 'anonymous-auth') ?? 'true') === 'true');
  if (servers.length > 0 && anonymousOn.length === 0) return [];
  const disable: Fix[] = anonymousOn.flatMap((s) =>
    s.source === 'static-pod'
      ? flagFix('disable-anonymous-auth', s.ref, { flags: s.flags, name: 'anonymous-auth', value: 'false' })
      : [],
  );
  const edges: Edge[] = [];
  for (const server of anonymousOn) {
    const mode =
      flag(server, 'authorization-mode') ?? (flag(server, 'authorization-config') ? '' : 'AlwaysAllow');
    if (!listHas(mode, 'AlwaysAllow')) continue;
    const says = `kube-apiserver authorizes with ${mode} (authorization-mode ${flag(server, 'authorization-mode') === undefined ? 'unset: AlwaysAllow' : 'set'}) and accepts anonymous requests`;
    const fixes = [
      ...(server.source === 'static-pod'
        ? flagFix('set-authorization-mode-rbac', server.ref, {
            flags: server.flags,
            name: 'authorization-mode',
            value: 'Node,RBAC',
          })
        : []),
      ...disable,
    ];
    edges.push({
      technique: 'apiserver-anonymous-access',
      from: ENDPOINTS.apiserver,
      to: 'jewel:cluster-admin',
      evidence: [evidence(model, server.ref, says)],
      fixes,
    });
  }
  for (const subject of ANONYMOUS) {
    const byBinding = new Map<string, Grant[]>();
    for (const grant of grantsOfSubjects(model, new Set([subject])))
      if (isRealGrant(grant)) byBinding.set(grant.binding, [...(byBinding.get(grant.binding) ?? []), grant]);
    if (byBinding.size === 0) continue;
    const proof = [...byBinding.keys()].map((binding) =>
      evidence(model, binding, `${binding} grants ${subject} more than public health and version endpoints`),
    );
    const removals = [...byBinding.values()].flatMap((grants) => removeBindingSubject(model, grants) ?? []);
    if (servers.length === 0)
      proof.push({
        ref: ENDPOINTS.apiserver,
        says: 'no kube-apiserver manifest in the input: anonymous-auth is assumed on, its default',
      });
    edges.push({
      technique: 'apiserver-anonymous-access',
      from: ENDPOINTS.apiserver,
      to: subject,
      evidence: proof,
      fixes: [...removals, ...disable],
    });
  }
  return sortEdges(edges);
}

/** The API server's network port → cluster-admin (AlwaysAllow) or the anonymous identities' grants. */
export const apiserverAnonymousAccess: Technique = {
  meta: {
    id: 'apiserver-anonymous-access',
    title: 'Anonymous access to the API server',
    summary: 'Anyone who reaches the API server acts with the rights granted to anonymous users.',
    prerequisites:
      'Anonymous authentication on (the default) and either AlwaysAllow authorization or a binding that grants ' +
      'system:anonymous or system:unauthenticated more than the public health and version endpoints.',
    exploitation:
      'The attacker sends requests without credentials (kubectl --server https://host:6443 --insecure-skip-tls-verify ' +
      'get secrets -A); the API server treats them as system:anonymous and authorizes what its grants allow.',
    threatModels: ['external'],
    mitre: ['T1133', 'T1078.001'],
    msThreatMatrix: ['MS-TA9029', 'MS-TA9005'],
    likelihood: 'likely',
    remediations: ['disable-anonymous-auth', 'remove-binding-subject', 'set-authorization-mode-rbac'],
  },
  find,
};
