/**
 * Edge builders for the RBAC techniques: an edge cut by the grants of one binding subject carries those grants
 * as evidence (role rule and binding subject) and their fixes; hub fan-out edges are structural and fixless.
 */
import { pointer } from '../collect/patch.js';
import { memoKey } from '../model/memo.js';
import type { Model } from '../model/model.js';
import type { Grant, PolicyRule, Ref } from '../model/types.js';
import type { LikelihoodClass } from './likelihood.js';
import { grantFixes } from './rbac-fixes.js';
import { type Edge, type Evidence, type Fix, NO_FIXES, type NodeRef, type TechniqueId } from './types.js';
import { evidence } from './workload-helpers.js';

function describeRule(rule: PolicyRule): string {
  const names = rule.resourceNames.length > 0 ? ` named ${rule.resourceNames.join(', ')}` : '';
  return `${rule.verbs.join(', ')} on ${rule.resources.join(', ')}${names}`;
}

// Every binding to a role cites the same rule, and every edge of one binding subject the same subject: each
// evidence item is made once per model, and edges share it (evidence is never mutated). An entry is reused only
// for a grant that would say the same (hand-made grants, such as system:masters', may share a ref and index).
interface Made {
  readonly grant: Grant;
  readonly item: Evidence;
}
/** Items made for one model: by role ref then rule index, and by binding ref then subject index. */
interface Items {
  readonly rules: Map<Ref, Made[]>;
  readonly subjects: Map<Ref, Made[]>;
}
const ITEMS = memoKey<Items>('rbac evidence items');

function items(model: Model): Items {
  return model.memo.of(ITEMS, () => ({ rules: new Map(), subjects: new Map() }));
}

function slots(byRef: Map<Ref, Made[]>, ref: Ref): Made[] {
  let made = byRef.get(ref);
  if (made === undefined) {
    made = [];
    byRef.set(ref, made);
  }
  return made;
}

/** The evidence item that a binding gives the grant's role to its subject, pointing at the subject. */
function subjectItem(model: Model, made: Items, grant: Grant): Evidence {
  const slot = slots(made.subjects, grant.binding);
  const cached = slot[grant.subjectIndex]?.grant;
  if (cached?.subject === grant.subject && cached.role === grant.role && cached.scope === grant.scope)
    return slot[grant.subjectIndex]!.item;
  const where = grant.scope === '*' ? 'cluster-wide' : `in namespace ${grant.scope}`;
  const says = `${grant.binding} gives ${grant.role} to ${grant.subject} ${where}`;
  const item = evidence(model, grant.binding, says, pointer('subjects', grant.subjectIndex));
  slot[grant.subjectIndex] = { grant, item };
  return item;
}

/** The evidence item that the grant's role rule allows what it allows. */
function ruleItem(model: Model, made: Items, grant: Grant): Evidence {
  const slot = slots(made.rules, grant.role);
  const cached = slot[grant.ruleIndex]?.grant.rule;
  // A RoleBinding's copy of a rule (nonResourceURLs dropped) keeps the lists the description reads.
  const { verbs, resources, resourceNames } = grant.rule;
  if (cached?.verbs === verbs && cached.resources === resources && cached.resourceNames === resourceNames)
    return slot[grant.ruleIndex]!.item;
  const says = `${grant.role} allows ${describeRule(grant.rule)}`;
  const item = evidence(model, grant.role, says, pointer('rules', grant.ruleIndex));
  slot[grant.ruleIndex] = { grant, item };
  return item;
}

/** Evidence that a binding gives the grant's role to its subject, pointing at the subject. */
export function bindingEvidence(model: Model, grant: Grant): Evidence[] {
  return [subjectItem(model, items(model), grant)];
}

/** Evidence for one grant: the role rule that allows it and the binding that gives it to the subject. */
export function grantEvidence(model: Model, grant: Grant): Evidence[] {
  const made = items(model);
  return [ruleItem(model, made, grant), subjectItem(model, made, grant)];
}

/** Evidence for several grants, without repeating an item (one item per role rule and per binding subject). */
export function grantsEvidence(model: Model, grants: readonly Grant[]): Evidence[] {
  const made = items(model);
  const unique = new Set<Evidence>();
  for (const grant of grants) {
    unique.add(ruleItem(model, made, grant));
    unique.add(subjectItem(model, made, grant));
  }
  return [...unique];
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

/** A hub fan-out edge: it costs nothing, says why the hub leads there, and has no fix unless its target has one. */
export function structuralEdge(
  technique: TechniqueId,
  from: NodeRef,
  to: NodeRef,
  proof: Evidence,
  fixes: readonly Fix[] = NO_FIXES,
): Edge {
  return { technique, from, to, structural: true, evidence: [proof], fixes };
}
