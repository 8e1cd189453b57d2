/**
 * What chokepoint reported about each resource of one unit: the findings (edges) and facts that touch it. A
 * finding touches the objects at its ends (a container stands for its workload) and every object its evidence
 * cites. RBAC is reported on identities, so it also reaches the objects that hold or hand out an identity: a
 * binding is touched by the findings of the subjects it binds and by the facts of the role it binds; a subject
 * by the facts of its bindings and their roles; a workload by the findings of the identity its token gives it.
 */
import type { Model } from '../../src/model/model.js';
import type { Binding } from '../../src/model/types.js';
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
export function subjectRefs(binding: Binding): string[] {
  return binding.subjects.map((s) =>
    s.kind === 'ServiceAccount' ? `ServiceAccount/${s.namespace ?? ''}/${s.name}` : `${s.kind}/${s.name}`,
  );
}

/** The subjects of every binding, by binding ref. */
export function bindingSubjects(model: Model): ReadonlyMap<string, readonly string[]> {
  return new Map(model.bindings.map((b) => [b.ref, subjectRefs(b)]));
}

/** The ref of the role a binding names. */
function roleRefOf(binding: Binding): string {
  return binding.roleRef.kind === 'Role'
    ? `Role/${binding.namespace ?? ''}/${binding.roleRef.name}`
    : `ClusterRole/${binding.roleRef.name}`;
}

class Index {
  readonly map = new Map<string, Observation[]>();
  add(ref: string, ...observations: readonly Observation[]): void {
    const list = this.map.get(ref) ?? [];
    this.map.set(ref, list);
    list.push(...observations);
  }
  get(ref: string): readonly Observation[] {
    return this.map.get(ref) ?? [];
  }
}

/** Indexes a report's findings and facts by the objects they touch. */
export function observe(report: Report, model: Model): Observations {
  const out = new Index();
  const fromIdentity = new Index();
  const facts = new Index();
  for (const finding of report.findings) {
    const says = finding.evidence.map((e) => e.says).join('; ');
    const from = objectOf(finding.from);
    const observation = { id: finding.technique, finding: true, origin: false, says };
    const touched = new Set([from, objectOf(finding.to)]);
    for (const evidence of finding.evidence) touched.add(evidence.ref);
    for (const ref of touched) out.add(ref, ref === from ? { ...observation, origin: true } : observation);
    fromIdentity.add(finding.from, { ...observation, origin: true });
  }
  for (const fact of report.facts)
    facts.add(objectOf(fact.object), { id: fact.fact, finding: false, origin: true, says: fact.says });
  for (const [ref, list] of facts.map) out.add(ref, ...list);
  for (const binding of model.bindings) {
    const granted = [...facts.get(binding.ref), ...facts.get(roleRefOf(binding))];
    out.add(binding.ref, ...facts.get(roleRefOf(binding)));
    for (const subject of subjectRefs(binding)) {
      out.add(binding.ref, ...fromIdentity.get(subject));
      out.add(subject, ...granted);
    }
  }
  // A container's token edge (container → ServiceAccount) makes that identity's findings the workload's own.
  for (const finding of report.findings) {
    if (finding.from.includes('#') && finding.to.startsWith('ServiceAccount/'))
      out.add(objectOf(finding.from), ...fromIdentity.get(finding.to));
  }
  return out.map;
}
