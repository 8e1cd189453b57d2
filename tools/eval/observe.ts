/**
 * What chokepoint reported about each resource of one unit: the findings (edges) and facts that touch it. A
 * finding touches the objects at its ends (a container stands for its workload) and every object its evidence
 * cites; a binding is also touched by the findings of the subjects it binds.
 */
import type { Model } from '../../src/model/model.js';
import type { Report } from '../../src/report/contract.js';
import { objectOf } from './refs.js';

/** One thing reported on a resource: the technique or fact id and the statement, for `detail` matching. */
export interface Observation {
  readonly id: string;
  /** A finding is an edge of the graph; a fact restates one object's setting. */
  readonly finding: boolean;
  /** The resource is where the finding starts (its container, or a subject it binds), not a cited victim. */
  readonly origin: boolean;
  readonly says: string;
}

/** Findings and facts per object ref. */
export type Observations = ReadonlyMap<string, readonly Observation[]>;

/** Subject refs as the graph writes identities: `ServiceAccount/ns/name`, `User/name`, `Group/name`. */
export function bindingSubjects(model: Model): ReadonlyMap<string, readonly string[]> {
  const out = new Map<string, string[]>();
  for (const binding of model.bindings) {
    out.set(
      binding.ref,
      binding.subjects.map((s) =>
        s.kind === 'ServiceAccount' ? `ServiceAccount/${s.namespace ?? ''}/${s.name}` : `${s.kind}/${s.name}`,
      ),
    );
  }
  return out;
}

/** Indexes a report's findings and facts by the objects they touch. */
export function observe(report: Report, model: Model): Observations {
  const out = new Map<string, Observation[]>();
  const add = (ref: string, observation: Observation) => {
    const list = out.get(ref) ?? [];
    out.set(ref, list);
    list.push(observation);
  };
  const bySubject = new Map<string, Observation[]>();
  for (const finding of report.findings) {
    const says = finding.evidence.map((e) => e.says).join('; ');
    const from = objectOf(finding.from);
    const observation = { id: finding.technique, finding: true, origin: false, says };
    const touched = new Set([objectOf(finding.from), objectOf(finding.to)]);
    for (const evidence of finding.evidence) touched.add(evidence.ref);
    for (const ref of touched) add(ref, ref === from ? { ...observation, origin: true } : observation);
    const fromSubject = bySubject.get(finding.from) ?? [];
    bySubject.set(finding.from, fromSubject);
    fromSubject.push({ ...observation, origin: true });
  }
  for (const [binding, subjects] of bindingSubjects(model)) {
    for (const subject of subjects) for (const o of bySubject.get(subject) ?? []) add(binding, o);
  }
  for (const fact of report.facts)
    add(objectOf(fact.object), { id: fact.fact, finding: false, origin: true, says: fact.says });
  return out;
}
