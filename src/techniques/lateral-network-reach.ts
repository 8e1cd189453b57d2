/**
 * A compromised container opens connections to the pods NetworkPolicy lets it reach. Reaching a port is not a
 * compromise (it needs an exploitable service behind it), so the step is `unlikely`. Edges go through classes:
 * container → `hub:reach-from/<class>` → `hub:reach/<class>` (or via `hub:reach-open`, the unrestricted pod
 * network) → the containers of the class; never pod × pod. Fixes: none — a default-deny policy is a new
 * object, and fixes only patch objects that exist.
 */
import type { Model } from '../model/model.js';
import type { ReachClass } from '../model/network-classes.js';
import { isOpen, reachContextOf, restrictedPairs } from '../model/network-reach.js';
import { type Edge, type Evidence, NO_FIXES, type Technique } from './types.js';
import { containerNode, evidence, sortEdges } from './workload-helpers.js';

const OPEN = 'hub:reach-open';

/** A class's two hubs, named once: each is the end of an edge for every container of the class. */
interface ClassHubs {
  readonly from: string;
  readonly to: string;
}

function hubsOf(reachClass: ReachClass): ClassHubs {
  return { from: `hub:reach-from/${reachClass.id}`, to: `hub:reach/${reachClass.id}` };
}

function structural(source: string, target: string, proof: readonly Evidence[]): Edge {
  return {
    technique: 'lateral-network-reach',
    from: source,
    to: target,
    structural: true,
    evidence: proof,
    fixes: NO_FIXES,
  };
}

/** Why the class's pods accept connections: no isolating policy, host network, or the policies that allow some. */
function ingressEvidence(model: Model, reachClass: ReachClass, workload: string): Evidence {
  if (!model.assumptions.networkPolicyEnforced)
    return evidence(model, workload, 'NetworkPolicy is assumed not enforced (networkPolicyEnforced: false)');
  if (reachClass.hostNetwork)
    return evidence(
      model,
      workload,
      `the pods of ${workload} use the host network, which NetworkPolicy does not govern`,
    );
  if (isOpen(reachClass, 'ingress'))
    return evidence(model, workload, `no NetworkPolicy isolates the pods of ${workload} for ingress`);
  const policies = reachClass.ingressPolicies.map((p) => model.networkPolicies[p]!);
  const names = policies.map((policy) => policy.name).join(', ');
  return evidence(
    model,
    policies[0]!.ref,
    `NetworkPolicy ${names} isolate the pods of ${workload} but allow some peers`,
  );
}

function find(model: Model): Edge[] {
  const context = reachContextOf(model);
  const { classes } = context.classes;
  const hubs = new Map(classes.map((reachClass) => [reachClass, hubsOf(reachClass)]));
  const hub = (reachClass: ReachClass): ClassHubs => hubs.get(reachClass)!;
  const edges: Edge[] = [];
  const reached = new Set<ReachClass>();
  const anyOpenSource = classes.some((c) => isOpen(c, 'egress'));
  for (const reachClass of classes) {
    const proof = [
      evidence(
        model,
        reachClass.id,
        `${reachClass.members.length} workload(s) share these NetworkPolicy terms`,
      ),
    ];
    if (isOpen(reachClass, 'egress')) edges.push(structural(hub(reachClass).from, OPEN, proof));
    if (isOpen(reachClass, 'ingress') && anyOpenSource) {
      edges.push(structural(OPEN, hub(reachClass).to, proof));
      reached.add(reachClass);
    }
  }
  for (const [source, target] of restrictedPairs(context)) {
    const proof = [
      evidence(model, target.id, `NetworkPolicy allows ${source.id} to connect to ${target.id}`),
    ];
    edges.push(structural(hub(source).from, hub(target).to, proof));
    reached.add(target);
  }
  for (const reachClass of classes) {
    const { from, to } = hub(reachClass);
    for (const workload of reachClass.members) {
      // The same policies admit every container of the workload.
      const admitted = reached.has(reachClass)
        ? [ingressEvidence(model, reachClass, workload.ref)]
        : undefined;
      for (const container of workload.containers) {
        if (container.role !== 'container') continue;
        const node = containerNode(workload, container);
        const says = evidence(
          model,
          workload.ref,
          `container ${container.name} sends from the pods of ${workload.ref}`,
        );
        edges.push(structural(node, from, [says]));
        if (admitted === undefined) continue;
        edges.push({
          technique: 'lateral-network-reach',
          from: to,
          to: node,
          evidence: admitted,
          fixes: NO_FIXES,
        });
      }
    }
  }
  return sortEdges(edges);
}

/** Container → the containers NetworkPolicy lets it connect to, through class hubs. */
export const lateralNetworkReach: Technique = {
  meta: {
    id: 'lateral-network-reach',
    title: 'Lateral network reach between pods',
    summary: 'A compromised container connects to other pods and may exploit the services they run.',
    prerequisites:
      'Code execution in a container, NetworkPolicy (or its absence) allowing the source pod egress and the ' +
      'destination pod ingress on a common port, and an exploitable service listening on that port.',
    exploitation:
      'The attacker scans the pod network from the compromised container, finds services that trust the ' +
      'cluster network (no authentication, old versions, debug endpoints) and exploits one to run code there.',
    threatModels: ['container', 'external'],
    mitre: ['T1210', 'T1046'],
    msThreatMatrix: ['MS-TA9034'],
    likelihood: 'unlikely',
    remediations: [],
  },
  find,
};
