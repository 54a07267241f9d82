import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { EdgeList, MAX_ACTIONS_PER_STATE } from '../../src/store/edgeList.ts';

describe('the edge list', () => {
  test('gives back every edge as recorded, whatever the order of sources, in order or at random', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.nat(50), fc.nat(MAX_ACTIONS_PER_STATE)), { maxLength: 300 }), fc.array(fc.nat()), (edges, probes) => {
        const list = new EdgeList();
        for (const [from, to, action] of edges) list.add(from, to, action);
        expect(list.size).toBe(edges.length);
        edges.forEach(([from, to, action], e) => expect([list.source(e), list.to.get(e), list.action(e)]).toEqual([from, to, action]));
        for (const p of probes) if (edges.length > 0) expect(list.source(p % edges.length)).toBe(edges[p % edges.length][0]);
        const runs: number[] = [];
        list.forEachRun((source, first, end) => {
          for (let e = first; e < end; e++) runs.push(source);
        });
        expect(runs).toEqual(edges.map(([from]) => from));
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  test('keeps one run per source when a source records its edges together, as BFS does', () => {
    const list = new EdgeList();
    for (let v = 0; v < 100; v++) for (let k = 0; k < 5; k++) list.add(v, v + k, k);
    let runs = 0;
    list.forEachRun(() => runs++);
    expect(runs).toBe(100);
  });

  test('refuses an action index that does not fit 16 bits, naming the state', () => {
    expect(() => new EdgeList().add(7, 1, MAX_ACTIONS_PER_STATE + 1)).toThrow(/SV203: action index 65536 of state #7/);
  });
});
