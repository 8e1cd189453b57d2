/**
 * Entry points per threat model: where each kind of attacker starts, with a prior. External attackers start at
 * exposed endpoints, a compromised container at every container, stolen credentials at every identity whose
 * credential can leave the cluster.
 */
import type { Model } from '../model/model.js';
import type { AnalysisConfig, ExposureKind } from '../prioritize/config.js';
import { probedEntries } from '../probe/probe-entries.js';
import { controlPlaneEndpoints } from '../techniques/control-plane-helpers.js';
import { costOfProbability } from '../techniques/likelihood.js';
import type { NodeRef, ThreatModel } from '../techniques/types.js';
import { anonymousEntries } from './anonymous-entries.js';

/** One entry: a threat model, the node the attacker starts at, and the prior as an integer cost. */
export interface Entry {
  readonly threatModel: ThreatModel;
  readonly node: NodeRef;
  readonly priorCost: number;
  /** Why this is an entry, for the report. */
  readonly why: string;
  /**
   * The input objects whose change can remove this entry or make its prior dearer (the planner bounds what such a
   * fix can take away by them). Absent: unknown, so any fix that can change entries might.
   */
  readonly sources?: readonly string[];
}

/** The graph ref of an exposed endpoint: the Service or Ingress, or the workload's host port. */
export function endpointRef(kind: ExposureKind, via: string, port: number | undefined): NodeRef {
  return kind === 'hostPort' ? `hostPort:${via}:${port ?? 0}` : via;
}

/** Every entry of the enabled threat models, sorted by (threat model, node); one per node and threat model. */
export function findEntries(model: Model, config: AnalysisConfig): Entry[] {
  // Per node and threat model: the entry with the cheapest prior, and every source of every entry merged into it
  // (gathered in one set: a Service in front of many workloads is added once per workload).
  const entries = new Map<string, { best: Entry; merged: boolean; sources: Set<string> | undefined }>();
  const add = (entry: Entry) => {
    const key = `${entry.threatModel}\u0000${entry.node}`;
    const seen = entries.get(key);
    if (seen === undefined) {
      const sources = entry.sources === undefined ? undefined : new Set(entry.sources);
      entries.set(key, { best: entry, merged: false, sources });
      return;
    }
    if (entry.priorCost < seen.best.priorCost) seen.best = entry;
    seen.merged = true;
    // A source list that is unknown makes the merged one unknown.
    if (entry.sources === undefined) seen.sources = undefined;
    else for (const source of entry.sources) seen.sources?.add(source);
  };
  const controlPlane = controlPlaneRefs(model);
  const enabled = (tm: ThreatModel) => config.threatModels[tm].enabled;
  for (const workload of model.workloads) {
    const exposures = model.exposureOf(workload.ref);
    if (enabled('external')) {
      for (const exposure of exposures) {
        add({
          threatModel: 'external',
          node: endpointRef(exposure.kind, exposure.via, exposure.port),
          priorCost: costOfProbability(config.priors.external[exposure.kind]),
          why: `${exposure.via} is reachable from the internet (${exposure.kind})`,
          sources: [exposure.via, workload.ref],
        });
      }
    }
    if (enabled('container')) {
      const prior = exposures.length > 0 ? config.priors.container.exposed : config.priors.container.base;
      for (const container of workload.containers) {
        add({
          threatModel: 'container',
          node: `${workload.ref}#${container.name}`,
          priorCost: costOfProbability(prior),
          why:
            exposures.length > 0
              ? 'an exposed container may be compromised'
              : 'any container may be compromised',
          sources: [workload.ref, ...exposures.map((exposure) => exposure.via)],
        });
      }
    }
  }
  if (enabled('external'))
    for (const endpoint of controlPlaneEndpoints(model))
      add({
        threatModel: 'external',
        node: endpoint.node,
        priorCost: costOfProbability(config.priors.external.ControlPlane),
        why: endpoint.why,
        sources: controlPlane,
      });
  // Grants to anonymous identities are open to whoever reaches the API server.
  if (enabled('external'))
    for (const entry of anonymousEntries(model, config))
      add({ ...entry, sources: [...(entry.sources ?? []), ...controlPlane] });
  // What a probe saw open: the attacker is already through those doors.
  if (enabled('external') && config.probeResults !== undefined)
    for (const entry of probedEntries(
      model,
      config.probeResults,
      costOfProbability(config.priors.external.probed),
    ))
      add({ ...entry, sources: controlPlane });
  if (enabled('credentials')) for (const entry of credentialEntries(model, config)) add(entry);
  return [...entries.values()]
    .map(mergedEntry)
    .sort((a, b) =>
      a.threatModel === b.threatModel
        ? a.node < b.node
          ? -1
          : a.node > b.node
            ? 1
            : 0
        : a.threatModel < b.threatModel
          ? -1
          : 1,
    );
}

/** An entry found once is itself; found more often, the cheapest prior's, with every source (unknown if one was). */
function mergedEntry(gathered: { best: Entry; merged: boolean; sources: Set<string> | undefined }): Entry {
  if (!gathered.merged) return gathered.best;
  const { sources: _, ...kept } = gathered.best;
  return gathered.sources === undefined ? kept : { ...kept, sources: [...gathered.sources] };
}

/** The objects that hold control-plane, kubelet and dashboard settings: what opens control-plane entries. */
function controlPlaneRefs(model: Model): string[] {
  const { components, kubelets, dashboards } = model.controlPlane;
  return [
    ...new Set([
      ...components.map((c) => c.ref),
      ...kubelets.map((k) => k.ref),
      ...dashboards.map((d) => d.workload),
    ]),
  ].sort();
}

/** System identities are not credentials a person holds; built-in bindings name only those. */
function isSystemName(name: string): boolean {
  return name.startsWith('system:');
}

function credentialEntries(model: Model, config: AnalysisConfig): Entry[] {
  const priors = config.priors.credentials;
  const out: Entry[] = [];
  for (const binding of model.bindings) {
    if (binding.builtIn) continue;
    for (const subject of binding.subjects) {
      if (subject.kind === 'ServiceAccount' || isSystemName(subject.name)) continue;
      const user = subject.kind === 'User';
      out.push({
        threatModel: 'credentials',
        node: `${subject.kind}/${subject.name}`,
        priorCost: costOfProbability(user ? priors.user : priors.group),
        why: `${subject.kind} ${subject.name} holds a credential outside the cluster (${binding.ref})`,
        sources: [binding.ref],
      });
    }
  }
  for (const secret of model.secrets) {
    if (secret.serviceAccountName === undefined) continue;
    out.push({
      threatModel: 'credentials',
      node: `ServiceAccount/${secret.namespace}/${secret.serviceAccountName}`,
      priorCost: costOfProbability(priors.legacyToken),
      why: `${secret.ref} holds a long-lived token that can be copied out of the cluster`,
      sources: [secret.ref],
    });
  }
  for (const ref of config.leakedCredentials) {
    out.push({
      threatModel: 'credentials',
      node: ref,
      priorCost: costOfProbability(priors.leaked),
      why: `${ref} is declared leaked in chokepoint.yaml`,
      sources: [],
    });
  }
  return out;
}
