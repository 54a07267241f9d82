import { describe, expect, test } from 'vitest';
import { explore } from '../../src/index.ts';
import { hanoi, hanoiStates, hanoiTransitions } from '../fixtures/hanoi.ts';

describe('the explorer on a hand-written packed model', () => {
  for (const strategy of ['bfs', 'dfs'] as const) {
    test(`${strategy} on Towers of Hanoi finds the hand-derived counts on both paths, with the same verdicts and traces`, () => {
      const run = (packed: boolean) => {
        const r = explore(hanoi(6, { packed }), { strategy });
        return { stats: [r.stats.states, r.stats.transitions, r.stats.depth], props: r.properties.map((p) => [p.status, p.trace?.path.join(',')]) };
      };
      const packed = run(true);
      expect(packed.stats.slice(0, 2)).toEqual([hanoiStates(6), hanoiTransitions(6)]);
      expect(packed).toEqual(run(false));
    });
  }

  test('the shortest solution of Hanoi with 6 disks is found by BFS as the counterexample: 2^6 - 1 moves', () => {
    const r = explore(hanoi(6, { packed: true }), { strategy: 'bfs' });
    expect(r.properties[0].status).toBe('violated');
    expect(r.properties[0].trace!.path.length).toBe(63);
  });

  test("engine 'object' ignores the packed form", () => {
    const model = hanoi(4, { packed: true });
    let asked = 0;
    const counting = { ...model, packed: (settings: { symmetry: boolean }) => (asked++, model.packed!(settings)) };
    explore(counting, { engine: 'object' });
    expect(asked).toBe(0);
    explore(counting, {});
    expect(asked).toBe(1);
  });
});
