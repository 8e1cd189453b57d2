/**
 * Equivalence classes of pods for NetworkPolicy: workloads selected by the same policies (for ingress and for
 * egress), matched by the same policy peers, and resolving the same named ports are indistinguishable to every
 * policy, so reach is computed per class pair, never pod × pod. Namespace labels enter through the peers.
 */
import { selectorMatches } from './label-selector.js';
import type { LabelSelector, Namespace, NetworkPolicy, Workload } from './types.js';

/** One policy peer, flattened: the policy it belongs to and what it selects. */
export interface FlatPeer {
  readonly policy: number;
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly ipBlock: boolean;
}

/** Pods every policy treats alike. */
export interface ReachClass {
  /** The first member's ref: stable, and readable in reports. */
  readonly id: string;
  readonly members: readonly Workload[];
  /** hostNetwork pods: no policy governs them, and pod selectors never match them (they have the node's IP). */
  readonly hostNetwork: boolean;
  /** Indices into the policy list of the policies isolating these pods for ingress, and for egress. */
  readonly ingressPolicies: readonly number[];
  readonly egressPolicies: readonly number[];
  /** Ids of the peers that match these pods. */
  readonly peers: ReadonlySet<number>;
  /** Named container ports policies refer to, resolved on these pods: `name` → (protocol, port) pairs. */
  readonly namedPorts: ReadonlyMap<string, readonly (readonly [string, number])[]>;
}

/** The classes, and the peer ids of every rule: `peerIds[policy][direction][rule][peer]`. */
export interface ReachClasses {
  readonly classes: readonly ReachClass[];
  readonly peers: readonly FlatPeer[];
  readonly peerIds: readonly Readonly<Record<'ingress' | 'egress', readonly (readonly number[])[]>>[];
  /** The class of each workload ref. */
  readonly classOf: ReadonlyMap<string, ReachClass>;
}

/** What the class builder reads from the model. */
export interface ClassInput {
  readonly workloads: readonly Workload[];
  readonly namespaces: readonly Namespace[];
  readonly policies: readonly NetworkPolicy[];
  /** False when the CNI does not enforce NetworkPolicy: every policy is ignored. */
  readonly enforced: boolean;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Builds the classes in one pass over workloads; each workload tests only its namespace's policies and peers. */
export function buildReachClasses(input: ClassInput): ReachClasses {
  const policies = input.enforced ? input.policies : [];
  const peers: FlatPeer[] = [];
  const podPeersByNamespace = new Map<string, number[]>();
  const namespacePeers: number[] = [];
  const namedPortNames = new Set<string>();
  const peerIds = policies.map((policy, p) => {
    const flatten = (direction: 'ingress' | 'egress') =>
      policy[direction].map((rule) => {
        for (const port of rule.ports) if (typeof port.port === 'string') namedPortNames.add(port.port);
        return rule.peers.map((peer) => {
          const id = peers.length;
          peers.push({ policy: p, ...peer, ipBlock: peer.ipBlock !== undefined });
          if (peer.namespaceSelector !== undefined) namespacePeers.push(id);
          else if (peer.podSelector !== undefined) push(podPeersByNamespace, policy.namespace, id);
          return id;
        });
      });
    return { ingress: flatten('ingress'), egress: flatten('egress') };
  });
  const policiesByNamespace = new Map<string, number[]>();
  policies.forEach((policy, p) => {
    push(policiesByNamespace, policy.namespace, p);
  });
  // The API server labels every namespace with its name (kubernetes.io/metadata.name, since 1.21).
  const nsLabels = new Map<string, Readonly<Record<string, string>>>();
  for (const ns of input.namespaces)
    nsLabels.set(ns.name, { ...ns.labels, 'kubernetes.io/metadata.name': ns.name });
  const nsPeerCache = new Map<string, number[]>();
  const namespacePeersOf = (namespace: string): number[] => {
    let hit = nsPeerCache.get(namespace);
    if (hit === undefined) {
      const labels = nsLabels.get(namespace) ?? { 'kubernetes.io/metadata.name': namespace };
      hit = namespacePeers.filter((id) => selectorMatches(peers[id]!.namespaceSelector!, labels));
      nsPeerCache.set(namespace, hit);
    }
    return hit;
  };
  const ipBlockPeers = peers.flatMap((peer, id) => (peer.ipBlock ? [id] : []));

  const byKey = new Map<string, Workload[]>();
  const shapes = new Map<string, Omit<ReachClass, 'id' | 'members'>>();
  for (const workload of input.workloads) {
    const shape = shapeOf(workload);
    const key = keyOf(shape);
    push(byKey, key, workload);
    if (!shapes.has(key)) shapes.set(key, shape);
  }
  const classes: ReachClass[] = [];
  const classOf = new Map<string, ReachClass>();
  for (const [key, members] of byKey) {
    const reachClass: ReachClass = { id: members[0]!.ref, members, ...shapes.get(key)! };
    classes.push(reachClass);
    for (const member of members) classOf.set(member.ref, reachClass);
  }
  classes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { classes, peers, peerIds, classOf };

  function shapeOf(workload: Workload): Omit<ReachClass, 'id' | 'members'> {
    const namedPorts = new Map<string, (readonly [string, number])[]>();
    for (const container of workload.containers)
      for (const port of container.ports)
        if (port.name !== undefined && namedPortNames.has(port.name))
          push(namedPorts, port.name, [port.protocol, port.containerPort] as const);
    if (workload.hostNetwork)
      return {
        hostNetwork: true,
        ingressPolicies: [],
        egressPolicies: [],
        peers: new Set(ipBlockPeers),
        namedPorts,
      };
    const labels = workload.podLabels;
    const ingressPolicies: number[] = [];
    const egressPolicies: number[] = [];
    for (const p of policiesByNamespace.get(workload.namespace) ?? []) {
      const policy = policies[p]!;
      if (!selectorMatches(policy.podSelector, labels)) continue;
      if (policy.policyTypes.includes('Ingress')) ingressPolicies.push(p);
      if (policy.policyTypes.includes('Egress')) egressPolicies.push(p);
    }
    const matched = new Set<number>();
    for (const id of podPeersByNamespace.get(workload.namespace) ?? [])
      if (selectorMatches(peers[id]!.podSelector!, labels)) matched.add(id);
    for (const id of namespacePeersOf(workload.namespace)) {
      const podSelector = peers[id]!.podSelector;
      if (podSelector === undefined || selectorMatches(podSelector, labels)) matched.add(id);
    }
    return { hostNetwork: false, ingressPolicies, egressPolicies, peers: matched, namedPorts };
  }
}

function keyOf(shape: Omit<ReachClass, 'id' | 'members'>): string {
  const named = [...shape.namedPorts]
    .map(([name, ports]) => `${name}=${ports.map(([proto, port]) => `${proto}/${port}`).sort()}`)
    .sort();
  return [
    shape.hostNetwork ? 'H' : '',
    shape.ingressPolicies.join(','),
    shape.egressPolicies.join(','),
    [...shape.peers].sort((a, b) => a - b).join(','),
    named.join(';'),
  ].join('|');
}
