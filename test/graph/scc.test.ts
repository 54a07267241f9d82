import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { DirectedGraph } from 'graphology';
import { stronglyConnectedComponents } from 'graphology-components';
import { stronglyConnected, toCsr } from '../../src/index.ts';
import { EdgeList } from '../../src/store/edgeList.ts';

/** Components as sorted lists of sorted node ids, to compare two partitions. */
function partition(groups: number[][]): string {
  return groups.map((g) => [...g].sort((a, b) => a - b).join(',')).sort().join(' | ');
}

describe('stronglyConnected', () => {
  test('agrees with graphology-components on random graphs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.array(fc.tuple(fc.nat(29), fc.nat(29)), { maxLength: 80 }), (n, pairs) => {
        const edges = new EdgeList();
        const graph = new DirectedGraph();
        for (let v = 0; v < n; v++) graph.addNode(String(v));
        for (const [a, b] of pairs) {
          if (a >= n || b >= n) continue;
          edges.add(a, b, 0);
          graph.mergeEdge(String(a), String(b));
        }
        const component = stronglyConnected(toCsr(edges, n), new Uint8Array(n).fill(1));
        const ours = new Map<number, number[]>();
        component.forEach((c, v) => ours.set(c, [...(ours.get(c) ?? []), v]));
        const theirs = stronglyConnectedComponents(graph).map((g) => g.map(Number));
        expect(partition([...ours.values()])).toBe(partition(theirs));
      }),
      { seed: 20261127, numRuns: 300 },
    );
  });

  test('handles a cycle 300,000 states long without recursion', () => {
    const n = 300_000;
    const edges = new EdgeList();
    for (let v = 0; v < n; v++) edges.add(v, (v + 1) % n, 0);
    const component = stronglyConnected(toCsr(edges, n), new Uint8Array(n).fill(1));
    expect(new Set(component).size).toBe(1);
  });

  test('leaves excluded nodes out', () => {
    const edges = new EdgeList();
    edges.add(0, 1, 0);
    edges.add(1, 0, 0);
    const component = stronglyConnected(toCsr(edges, 2), Uint8Array.from([1, 0]));
    expect(component[1]).toBe(-1);
    expect(component[0]).toBeGreaterThanOrEqual(0);
  });
});
