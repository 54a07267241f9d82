import type { MultiDirectedGraph } from 'graphology';
import type { StateEdgeAttributes, StateNodeAttributes, StateGraph } from './stateGraph.ts';

/** Export formats of the state graph. */
export type GraphFormat = 'dot' | 'graphml' | 'json';

/**
 * Serialises a state graph. DOT labels and colours edges by action (one colour per actor),
 * marks initial states with a double circle and violating states in red, as TLC's
 * `-dump dot,actionlabels,colorize` does. GraphML keeps depth, status and the state's
 * fields (as JSON) as attributes. JSON is graphology's own serialisation format.
 */
export function exportGraph<TState, TAction>(stateGraph: StateGraph<TState, TAction>, format: GraphFormat): string {
  const graph = stateGraph.toGraphology();
  switch (format) {
    case 'dot':
      return toDot(graph);
    case 'graphml':
      return toGraphMl(graph);
    case 'json':
      return JSON.stringify(graph.export(), null, 1) + '\n';
  }
}

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];

/** The graph in Graphviz DOT. */
export function toDot(graph: MultiDirectedGraph<StateNodeAttributes, StateEdgeAttributes>): string {
  const colours = new Map<string, string>();
  const colourOf = (actor: string | undefined): string => {
    const key = actor ?? '';
    if (!colours.has(key)) colours.set(key, PALETTE[colours.size % PALETTE.length]);
    return colours.get(key)!;
  };
  const lines = ['digraph states {', '  rankdir=TB;', '  node [shape=circle, fontsize=10];', '  edge [fontsize=8];'];
  graph.forEachNode((key, a) => {
    const style = [`label="${a.ordinal}"`];
    if (a.initial) style.push('shape=doublecircle');
    if (a.status === 'violation') style.push('color=red', 'fontcolor=red', `tooltip="${escapeDot(a.violates.join(', '))}"`);
    lines.push(`  s${key} [${style.join(', ')}];`);
  });
  graph.forEachEdge((_key, a, source, target) => {
    const colour = colourOf(a.actor);
    lines.push(`  s${source} -> s${target} [label="${escapeDot(a.action)}", color="${colour}", fontcolor="${colour}"];`);
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** The graph in GraphML, with typed attribute keys. */
export function toGraphMl(graph: MultiDirectedGraph<StateNodeAttributes, StateEdgeAttributes>): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="depth" for="node" attr.name="depth" attr.type="int"/>',
    '  <key id="initial" for="node" attr.name="initial" attr.type="boolean"/>',
    '  <key id="status" for="node" attr.name="status" attr.type="string"/>',
    '  <key id="state" for="node" attr.name="state" attr.type="string"/>',
    '  <key id="action" for="edge" attr.name="action" attr.type="string"/>',
    '  <key id="actor" for="edge" attr.name="actor" attr.type="string"/>',
    '  <graph id="states" edgedefault="directed">',
  ];
  graph.forEachNode((key, a) => {
    lines.push(`    <node id="s${key}"><data key="depth">${a.depth}</data><data key="initial">${a.initial}</data><data key="status">${a.status}</data><data key="state">${escapeXml(JSON.stringify(a.state))}</data></node>`);
  });
  graph.forEachEdge((key, a, source, target) => {
    lines.push(`    <edge id="e${key}" source="s${source}" target="s${target}"><data key="action">${escapeXml(a.action)}</data><data key="actor">${escapeXml(a.actor ?? '')}</data></edge>`);
  });
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n') + '\n';
}

function escapeDot(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
