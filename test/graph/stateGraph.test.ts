import { describe, expect, test } from 'vitest';
import { unweighted } from 'graphology-shortest-path';
const { bidirectional } = unweighted;
import { explore, exportGraph } from '../../src/index.ts';
import { dieHard } from '../fixtures/dieHard.ts';
import { counters } from '../fixtures/counters.ts';

describe('state graph', () => {
  test('has one node per explored state and one edge per transition', () => {
    const result = explore(dieHard);
    const graph = result.graph!.toGraphology();
    expect(graph.order).toBe(result.stats.states);
    expect(graph.size).toBe(result.stats.transitions);
  });

  test('marks initial and violating states and labels edges with the action', () => {
    const graph = explore(dieHard).graph!.toGraphology();
    expect(graph.getNodeAttribute('0', 'initial')).toBe(true);
    const violating = graph.filterNodes((_k, a) => a.status === 'violation');
    expect(violating.map((k) => graph.getNodeAttribute(k, 'state'))).toEqual([{ small: 3, big: 4 }, { small: 0, big: 4 }]);
    expect(new Set(graph.mapEdges((_k, a) => a.action))).toEqual(new Set(['fill small', 'fill big', 'empty small', 'empty big', 'pour small into big', 'pour big into small']));
  });

  test('graphology shortest paths agree with the BFS counterexample length', () => {
    const result = explore(dieHard);
    const graph = result.graph!.toGraphology();
    const target = graph.findNode((_k, a) => a.status === 'violation')!;
    const path = bidirectional(graph, '0', target)!;
    expect(path.length - 1).toBe(result.properties[0].trace!.path.length);
    expect(graph.getNodeAttribute(target, 'depth')).toBe(6);
  });

  test('exports DOT with labelled, coloured edges and GraphML with attributes', () => {
    const graph = explore(dieHard).graph!;
    const dot = exportGraph(graph, 'dot');
    expect(dot).toMatch(/^digraph states \{/);
    expect(dot).toContain('s0 [label="0", shape=doublecircle]');
    expect(dot.match(/ -> /g)).toHaveLength(96);
    expect(dot).toMatch(/label="fill big", color="#[0-9a-f]{6}"/);
    const graphml = exportGraph(graph, 'graphml');
    expect(graphml.match(/<node /g)).toHaveLength(16);
    expect(graphml).toContain('&quot;big&quot;:4');
    const json = JSON.parse(exportGraph(graph, 'json'));
    expect(json.nodes).toHaveLength(16);
    expect(json.edges).toHaveLength(96);
  });

  test('is not materialised above the graph limit, but liveness can still use the edges', () => {
    const result = explore(counters(2, 30), { graphLimit: 100 });
    expect(result.graph!.materialisable).toBe(false);
    expect(() => result.graph!.toGraphology()).toThrow(/above graphLimit/);
  });

  test('is not recorded when the graph mode is never', () => {
    expect(explore(dieHard, { graph: 'never' }).graph).toBeUndefined();
  });
});
