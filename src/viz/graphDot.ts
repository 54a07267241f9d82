import { formatValue } from '../report/formatValue.ts';
import type { ViewerData } from './graphData.ts';
import { escapeDot } from './text.ts';

/**
 * The viewer's graph in Graphviz DOT, for graphs of a few hundred states: one rank per
 * layer (BFS depth) top to bottom, states as small circles labelled with their ordinal and
 * coloured like the viewer (red: violates an invariant, green: initial, orange: on the
 * highlighted trace), the trace's transitions thick and orange with their action as label,
 * other transitions thin and grey with the action as tooltip. Pure and deterministic.
 */
export function graphToDot(data: ViewerData): string {
  const lines = [
    `digraph "${escapeDot(data.title)}" {`,
    `  graph [rankdir=TB, ranksep=0.35, nodesep=0.12, fontname="Helvetica", fontsize=12, labelloc=t, label="${escapeDot(`${data.title} — ${data.subtitle}`)}"];`,
    '  node [shape=circle, style=filled, fontname="Helvetica", fontsize=8, width=0.3, fixedsize=true, color="#4a5568", fontcolor="#ffffff"];',
    '  edge [color="#c5cad3", arrowsize=0.4, fontname="Helvetica", fontsize=8];',
  ];
  const layers = new Map<number, string[]>();
  for (const node of data.nodes) {
    const fill = node.status === 'violation' ? '#d62728' : node.step >= 0 ? '#f28e2b' : node.initial ? '#2ca02c' : '#5b7db1';
    const tip = node.violates.length > 0 ? `violates ${node.violates.join(', ')}` : formatValue(node.fields, { maxLength: 300 });
    const label = node.step >= 0 ? `${node.id}\\n(${node.step})` : node.id;
    lines.push(`  n${node.id} [label="${label}", fillcolor="${fill}", tooltip="${escapeDot(tip)}"${node.step >= 0 ? ', width=0.45, penwidth=2' : ''}];`);
    layers.set(node.layer, [...(layers.get(node.layer) ?? []), `n${node.id}`]);
  }
  for (const layer of [...layers.keys()].sort((a, b) => a - b)) lines.push(`  { rank=same; ${layers.get(layer)!.join('; ')}; }`);
  for (const edge of data.edges) {
    const style = edge.onTrace ? `color="#f28e2b", penwidth=2.5, label="${escapeDot(edge.action)}", fontcolor="#b35900"` : `tooltip="${escapeDot(edge.action)}"`;
    lines.push(`  n${edge.source} -> n${edge.target} [${style}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
