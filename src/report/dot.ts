/**
 * `--format dot`: the attack graph (the union of the top paths) for Graphviz. Entries are ovals, jewels are
 * double octagons, and the edges the one thing removes are red and bold.
 */
import type { Report } from './contract.js';
import { type NodeRole, pathGraph } from './path-graph.js';

const SHAPE: Readonly<Record<NodeRole, string>> = {
  entry: 'shape=oval, style=filled, fillcolor="#fde2c4"',
  jewel: 'shape=doubleoctagon, style=filled, fillcolor="#f8c4c4"',
  step: 'shape=box, style=rounded',
};

/** A DOT string literal. */
function quote(text: string): string {
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`;
}

/** The report's attack graph as a Graphviz digraph. */
export function renderDot(report: Report): string {
  const graph = pathGraph(report);
  const lines = [
    'digraph chokepoint {',
    '  rankdir=LR;',
    '  node [fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const node of graph.nodes) {
    const cut = node.cut ? ', color="#c00000"' : '';
    lines.push(`  ${quote(node.id)} [label=${quote(node.label)}, ${SHAPE[node.role]}${cut}];`);
  }
  for (const edge of graph.edges) {
    const style = edge.removed ? ', color="#c00000", penwidth=3' : edge.cut ? ', color="#c00000"' : '';
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)} [label=${quote(edge.technique)}${style}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
