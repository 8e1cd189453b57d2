/**
 * The attack graph the reports draw: the union of the top paths of a report, each node and edge tagged with
 * the threat models and namespaces it serves and whether the one thing cuts it. HTML, DOT and Mermaid share it.
 */
import type { Evidence, NodeRef, TechniqueId, ThreatModel } from '../techniques/types.js';
import type { PathReport, Report } from './contract.js';
import { findingKey } from './fingerprint.js';
import { describeNode } from './step-sentence.js';

/** Paths drawn by default: enough to show the shape, few enough to read. */
export const GRAPH_PATHS = 50;

/** What a node is, for its shape and colour. */
export type NodeRole = 'entry' | 'jewel' | 'step';

/** One node of the drawn graph. */
export interface DrawnNode {
  readonly id: NodeRef;
  readonly label: string;
  readonly role: NodeRole;
  /** The namespace of the object, when it has one. */
  readonly namespace?: string;
  readonly threatModels: readonly ThreatModel[];
  /** Evidence of every drawn step that leaves or enters the node. */
  readonly evidence: readonly Evidence[];
  /** On a path the one thing cuts. */
  readonly cut: boolean;
}

/** One edge of the drawn graph. */
export interface DrawnEdge {
  readonly id: string;
  readonly from: NodeRef;
  readonly to: NodeRef;
  readonly technique: TechniqueId;
  readonly says: string;
  readonly threatModels: readonly ThreatModel[];
  /** The one thing removes this edge. */
  readonly removed: boolean;
  /** On a path the one thing cuts. */
  readonly cut: boolean;
}

/** The drawn graph, nodes and edges sorted by id. */
export interface DrawnGraph {
  readonly paths: readonly PathReport[];
  readonly nodes: readonly DrawnNode[];
  readonly edges: readonly DrawnEdge[];
}

/**
 * The namespace of a node: that of the object ref it holds (`Kind/ns/name`, behind a prefix such as `lb:` or
 * `hub:reach/`, or with a `#container`), or of a Secrets jewel. Other hubs and pools have none; the namespace
 * filter still finds them through the objects on their paths.
 */
export function namespaceOf(ref: NodeRef): string | undefined {
  const bare = ref.split('#')[0]!;
  const secrets = /^jewel:secrets\/([^/]+)$/.exec(bare);
  if (secrets !== null) return secrets[1];
  return /(?:^|[:/])[A-Z][A-Za-z]*\/([^/]+)\/[^/]/.exec(bare)?.[1];
}

/** Findings the one thing removes: those with its fix (or the fix of its second half). */
function removedByOneThing(report: Report): Set<string> {
  const one = report.oneThing;
  const removed = new Set<string>();
  if (one === null) return removed;
  const fixes = new Set([`${one.remediation}|${one.target}`]);
  if (one.also !== undefined) fixes.add(`${one.also.remediation}|${one.also.target}`);
  for (const finding of report.findings) {
    if (finding.fixes.some((fix) => fixes.has(`${fix.remediation}|${fix.target}`)))
      removed.add(findingKey(finding));
  }
  return removed;
}

const byId = <T extends { readonly id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The union of the first `limit` paths of the report (they come most valuable first). */
export function pathGraph(report: Report, limit: number = GRAPH_PATHS): DrawnGraph {
  const paths = report.paths.slice(0, limit);
  const removed = removedByOneThing(report);
  type Acc = { role: NodeRole; tms: Set<ThreatModel>; evidence: Map<string, Evidence>; cut: boolean };
  const nodes = new Map<NodeRef, Acc>();
  const edges = new Map<string, DrawnEdge & { tms: Set<ThreatModel> }>();
  const node = (ref: NodeRef, role: NodeRole, tm: ThreatModel, cut: boolean): Acc => {
    const acc = nodes.get(ref) ?? { role, tms: new Set(), evidence: new Map(), cut: false };
    if (role !== 'step') acc.role = role;
    acc.tms.add(tm);
    acc.cut ||= cut;
    nodes.set(ref, acc);
    return acc;
  };
  for (const path of paths) {
    const cut = path.steps.some((step) => removed.has(findingKey(step)));
    node(path.entry, 'entry', path.threatModel, cut);
    node(path.jewel, 'jewel', path.threatModel, cut);
    for (const step of path.steps) {
      for (const ref of [step.from, step.to]) {
        const acc = node(ref, 'step', path.threatModel, cut);
        for (const e of step.evidence) acc.evidence.set(`${e.ref}|${e.path ?? ''}|${e.says}`, e);
      }
      const id = findingKey(step);
      const edge = edges.get(id) ?? {
        id,
        from: step.from,
        to: step.to,
        technique: step.technique,
        says: step.says,
        threatModels: [],
        removed: removed.has(id),
        cut: false,
        tms: new Set<ThreatModel>(),
      };
      edge.tms.add(path.threatModel);
      edges.set(id, { ...edge, cut: edge.cut || cut });
    }
  }
  const tmOrder = (tms: Set<ThreatModel>): ThreatModel[] =>
    report.threatModels.map((t) => t.name).filter((t) => tms.has(t));
  return {
    paths,
    nodes: [...nodes]
      .map(([id, acc]): DrawnNode => {
        const namespace = namespaceOf(id);
        return {
          id,
          label: describeNode(id),
          role: acc.role,
          ...(namespace === undefined ? {} : { namespace }),
          threatModels: tmOrder(acc.tms),
          evidence: [...acc.evidence.values()],
          cut: acc.cut,
        };
      })
      .sort(byId),
    edges: [...edges.values()]
      .map(({ tms, ...edge }) => ({ ...edge, threatModels: tmOrder(tms) }))
      .sort(byId),
  };
}
