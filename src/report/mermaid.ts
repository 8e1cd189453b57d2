/**
 * `--format mermaid`: the attack graph (the union of the top paths) as a Mermaid flowchart, for docs and pull
 * requests. Node ids are positional (n0, n1, ... in ref order) because refs hold characters Mermaid reserves.
 */
import type { Report } from './contract.js';
import { type NodeRole, pathGraph } from './path-graph.js';

const OPEN_CLOSE: Readonly<Record<NodeRole, readonly [string, string]>> = {
  entry: ['([', '])'],
  jewel: ['{{', '}}'],
  step: ['[', ']'],
};

/** A Mermaid label: quoted, with quotes and angle brackets as entities. */
function label(text: string): string {
  return `"${text.replaceAll('"', '#quot;').replaceAll('<', '#lt;').replaceAll('>', '#gt;')}"`;
}

/** The report's attack graph as a Mermaid flowchart. */
export function renderMermaid(report: Report): string {
  const graph = pathGraph(report);
  const id = new Map(graph.nodes.map((node, i) => [node.id, `n${i}`]));
  const lines = ['flowchart LR'];
  for (const node of graph.nodes) {
    const [open, close] = OPEN_CLOSE[node.role];
    lines.push(`  ${id.get(node.id)}${open}${label(node.label)}${close}`);
  }
  const removed: number[] = [];
  graph.edges.forEach((edge, i) => {
    lines.push(`  ${id.get(edge.from)} -->|${edge.technique}| ${id.get(edge.to)}`);
    if (edge.removed) removed.push(i);
  });
  lines.push('  classDef entry fill:#fde2c4,stroke:#b35c00');
  lines.push('  classDef jewel fill:#f8c4c4,stroke:#c00000');
  for (const role of ['entry', 'jewel'] as const) {
    const members = graph.nodes.filter((n) => n.role === role).map((n) => id.get(n.id));
    if (members.length > 0) lines.push(`  class ${members.join(',')} ${role}`);
  }
  if (removed.length > 0) lines.push(`  linkStyle ${removed.join(',')} stroke:#c00000,stroke-width:3px`);
  return `${lines.join('\n')}\n`;
}
