/**
 * Which pod classes can open a connection to which, under NetworkPolicy: a flow needs the source's egress AND
 * the destination's ingress to allow it, on a common port. Policies see the pod's own (target) port after the
 * Service DNAT, so ports are the destination's container ports and named ports resolve per destination.
 * hostNetwork pods are not governed, and traffic from them comes from the node's IP, which only ipBlock peers
 * and empty peer lists admit.
 */
import { memoKey } from './memo.js';
import type { Model } from './model.js';
import { buildReachClasses, type ReachClass, type ReachClasses } from './network-classes.js';
import { ALL_PORTS, type PortSet, PortSetBuilder, portSetsIntersect } from './port-set.js';
import type { NetworkPolicy, NetworkPolicyRule } from './types.js';

/** The context canReach evaluates in: the policies and their flattened peers. */
export interface ReachContext {
  readonly policies: readonly NetworkPolicy[];
  readonly classes: ReachClasses;
}

/** The ports of one rule on destination `to`: named ports resolve against its containers. */
function rulePorts(rule: NetworkPolicyRule, to: ReachClass, into: PortSetBuilder): void {
  if (rule.ports.length === 0) {
    into.all();
    return;
  }
  for (const port of rule.ports) {
    if (port.port === undefined) into.add(port.protocol, 1, 65535);
    else if (typeof port.port === 'number') into.add(port.protocol, port.port, port.endPort ?? port.port);
    else
      for (const [protocol, number] of to.namedPorts.get(port.port) ?? [])
        if (protocol === port.protocol) into.add(protocol, number, number);
  }
}

/** The ports the policies of `governed` allow, in one direction, for traffic with `peer`, towards `to`. */
function allowedPorts(
  context: ReachContext,
  options: { governed: ReachClass; peer: ReachClass; to: ReachClass; direction: 'ingress' | 'egress' },
): PortSet {
  const { governed, peer, to, direction } = options;
  const isolating = direction === 'ingress' ? governed.ingressPolicies : governed.egressPolicies;
  if (governed.hostNetwork || isolating.length === 0) return ALL_PORTS;
  const ports = new PortSetBuilder();
  for (const p of isolating) {
    const rules = context.policies[p]![direction];
    const ids = context.classes.peerIds[p]![direction];
    rules.forEach((rule, r) => {
      // No peers means every peer; otherwise peers are ORed (each peer ANDs its own selectors).
      const matches = rule.peers.length === 0 || ids[r]!.some((id) => peer.peers.has(id));
      if (matches) rulePorts(rule, to, ports);
    });
  }
  return ports.build();
}

/** True when a pod of `from` can connect to some port of a pod of `to`. */
export function canReach(context: ReachContext, from: ReachClass, to: ReachClass): boolean {
  const egress = allowedPorts(context, { governed: from, peer: to, to, direction: 'egress' });
  const ingress = allowedPorts(context, { governed: to, peer: from, to, direction: 'ingress' });
  return portSetsIntersect(egress, ingress);
}

/** True when no policy restricts the class's egress (or ingress): it is part of the open network. */
export function isOpen(reachClass: ReachClass, direction: 'ingress' | 'egress'): boolean {
  const isolating = direction === 'ingress' ? reachClass.ingressPolicies : reachClass.egressPolicies;
  return reachClass.hostNetwork || isolating.length === 0;
}

/**
 * The class pairs a policy decides: every (from, to) with `from` egress-isolated or `to` ingress-isolated that
 * can connect. Pairs of an open source and an open destination always connect and are not listed. Candidates
 * come from the peers of the isolating rules, so the work is proportional to what the policies name.
 */
export function restrictedPairs(context: ReachContext): [ReachClass, ReachClass][] {
  const { classes: all, peerIds } = context.classes;
  const classes = { classes: all };
  const classesOfPeer = new Map<number, ReachClass[]>();
  for (const reachClass of classes.classes)
    for (const id of reachClass.peers) {
      const list = classesOfPeer.get(id);
      if (list === undefined) classesOfPeer.set(id, [reachClass]);
      else list.push(reachClass);
    }
  const candidates = (policiesOf: readonly number[], direction: 'ingress' | 'egress'): Set<ReachClass> => {
    const out = new Set<ReachClass>();
    for (const p of policiesOf)
      context.policies[p]![direction].forEach((rule, r) => {
        if (rule.peers.length === 0) for (const c of classes.classes) out.add(c);
        else
          for (const id of peerIds[p]![direction][r]!)
            for (const c of classesOfPeer.get(id) ?? []) out.add(c);
      });
    return out;
  };
  const pairs: [ReachClass, ReachClass][] = [];
  for (const to of classes.classes) {
    if (isOpen(to, 'ingress')) continue;
    for (const from of candidates(to.ingressPolicies, 'ingress'))
      if (canReach(context, from, to)) pairs.push([from, to]);
  }
  for (const from of classes.classes) {
    if (isOpen(from, 'egress')) continue;
    for (const to of candidates(from.egressPolicies, 'egress'))
      if (isOpen(to, 'ingress') && canReach(context, from, to)) pairs.push([from, to]);
  }
  return pairs;
}

const REACH_CONTEXT = memoKey<ReachContext>('reach context');

/** The reach context of a model, built once per model (techniques share it). */
export function reachContextOf(model: Model): ReachContext {
  return model.memo.of(REACH_CONTEXT, () => {
    const enforced = model.assumptions.networkPolicyEnforced;
    const policies = enforced ? model.networkPolicies : [];
    const classes = buildReachClasses({
      workloads: model.workloads,
      namespaces: model.namespaces,
      policies,
      enforced,
    });
    return { policies, classes };
  });
}
