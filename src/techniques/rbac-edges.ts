/**
 * Edge builders for the RBAC techniques: an edge cut by the grants of one binding subject carries those grants
 * as evidence (role rule and binding subject) and their fixes; hub fan-out edges are structural and fixless.
 */
import { pointer } from '../collect/patch.js';
import type { Model } from '../model/model.js';
import type { Grant, PolicyRule } from '../model/types.js';
import type { LikelihoodClass } from './likelihood.js';
import { grantFixes } from './rbac-fixes.js';
import type { Edge, Evidence, Fix, NodeRef, TechniqueId } from './types.js';
import { evidence } from './workload-helpers.js';

function describeRule(rule: PolicyRule): string {
  const names = rule.resourceNames.length > 0 ? ` named ${rule.resourceNames.join(', ')}` : '';
  return `${rule.verbs.join(', ')} on ${rule.resources.join(', ')}${names}`;
}

/** Evidence that a binding gives the grant's role to its subject, pointing at the subject. */
export function bindingEvidence(model: Model, grant: Grant): Evidence[] {
  const where = grant.scope === '*' ? 'cluster-wide' : `in namespace ${grant.scope}`;
  const says = `${grant.binding} gives ${grant.role} to ${grant.subject} ${where}`;
  return [evidence(model, grant.binding, says, pointer('subjects', grant.subjectIndex))];
}

/** Evidence for one grant: the role rule that allows it and the binding that gives it to the subject. */
export function grantEvidence(model: Model, grant: Grant): Evidence[] {
  const rule = `${grant.role} allows ${describeRule(grant.rule)}`;
  return [
    evidence(model, grant.role, rule, pointer('rules', grant.ruleIndex)),
    ...bindingEvidence(model, grant),
  ];
}

/** Evidence for several grants, without repeating an item. */
export function grantsEvidence(model: Model, grants: readonly Grant[]): Evidence[] {
  const seen = new Set<string>();
  const items: Evidence[] = [];
  for (const item of grants.flatMap((grant) => grantEvidence(model, grant))) {
    const key = `${item.ref}\n${item.path ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}

/** What a grant edge is made of: the grants to cut, and what else it cites or offers. */
export interface GrantEdgeParts {
  readonly from: NodeRef;
  readonly to: NodeRef;
  /** Grants of one binding subject that decide the edge: their fixes are the edge's fixes. */
  readonly deciding: readonly Grant[];
  /** Other grants the step also needs, cited as evidence only. */
  readonly cited?: readonly Grant[];
  /** Cite these deciding grants instead of all of them (a role with a hundred deciding rules needs one). */
  readonly citeDeciding?: readonly Grant[];
  readonly likelihood?: LikelihoodClass;
  readonly evidence?: readonly Evidence[];
  readonly fixes?: readonly Fix[];
}

/** An edge cut by removing the deciding grants' subject from their binding, or their rule from the role. */
export function grantEdge(model: Model, technique: TechniqueId, parts: GrantEdgeParts): Edge {
  const deciding = parts.citeDeciding ?? parts.deciding;
  const cited = (parts.cited ?? []).filter((grant) => !deciding.includes(grant));
  return {
    technique,
    from: parts.from,
    to: parts.to,
    ...(parts.likelihood === undefined ? {} : { likelihood: parts.likelihood }),
    evidence: [...grantsEvidence(model, [...deciding, ...cited]), ...(parts.evidence ?? [])],
    fixes: [...grantFixes(model, parts.deciding), ...(parts.fixes ?? [])],
  };
}

/** A hub fan-out edge: it costs nothing, has no fix of its own, and says why the hub leads there. */
export function structuralEdge(technique: TechniqueId, from: NodeRef, to: NodeRef, proof: Evidence): Edge {
  return { technique, from, to, structural: true, evidence: [proof], fixes: [] };
}
