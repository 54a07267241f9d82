import { describe, expect, test } from 'vitest';
import { always, explore, type Model } from '../../src/index.ts';
import { counters } from '../fixtures/counters.ts';
import { dgraph } from '../fixtures/dgraph.ts';
import { dieHard } from '../fixtures/dieHard.ts';

describe('limits', () => {
  test('max states stops the search with a partial result that says why', () => {
    const result = explore(counters(4, 10), { maxStates: 500 });
    expect(result.complete).toBe(false);
    expect(result.stopReason).toBe('max-states');
    expect(result.stats.states).toBe(500);
    expect(result.properties.find((p) => p.kind === 'always')!.status).toBe('unknown');
  });

  test('a max states limit equal to the state count leaves the search complete', () => {
    const result = explore(counters(2, 5), { maxStates: 25 });
    expect(result.complete).toBe(true);
    expect(result.stats.states).toBe(25);
  });

  test('max depth expands no state at that depth and says the search is incomplete', () => {
    const result = explore(counters(2, 10), { maxDepth: 3 });
    expect(result.stopReason).toBe('max-depth');
    // States at distance <= 3 from (0,0) on a 10x10 torus: 1 + 2 + 3 + 4 = 10.
    expect(result.stats.states).toBe(10);
  });

  test('a depth limit beyond the deepest state leaves the search complete', () => {
    const result = explore(counters(2, 3), { maxDepth: 4 });
    expect(result.complete).toBe(true);
  });

  test('max seconds of zero stops at once without crashing', () => {
    const result = explore(counters(6, 10), { maxSeconds: 0 });
    expect(result.complete).toBe(false);
    expect(result.stopReason).toBe('max-seconds');
  });

  test('stop on violation ends the search at the first violated invariant', () => {
    const full = explore(dieHard);
    const result = explore(dieHard, { stopOnViolation: true });
    expect(result.stopReason).toBe('violation');
    expect(result.properties[0].status).toBe('violated');
    expect(result.properties[0].trace!.path).toEqual(full.properties[0].trace!.path);
    expect(result.stats.states).toBeLessThan(full.stats.states);
  });

  test('states outside the boundary are not added and are counted', () => {
    const bounded: Model<number, number> = { ...counters(1, 100), withinBoundary: (s) => s < 10 };
    const result = explore(bounded);
    expect(result.complete).toBe(true);
    expect(result.stats.states).toBe(10);
    expect(result.stats.boundaryHits).toBe(1);
    expect(result.properties.find((p) => p.name === 'no deadlock')!.status).toBe('holds');
  });

  test('reports a deadlock with the shortest path to it, unless the state is final', () => {
    const edges = { 0: [1, 2], 1: [3], 2: [0], 3: [] };
    const deadlocked = explore(dgraph(edges, []));
    const verdict = deadlocked.properties.find((p) => p.kind === 'deadlock')!;
    expect(verdict.status).toBe('violated');
    expect(verdict.trace!.steps.map((s) => s.state)).toEqual([0, 1, 3]);
    expect(explore(dgraph(edges, [], { final: [3] })).properties[0].status).toBe('holds');
    expect(explore(dgraph(edges, []), { deadlock: false }).properties).toHaveLength(0);
  });

  test('a model with no initial state is a programmer error with a stable code', () => {
    const empty: Model<number, number> = { ...counters(1, 2), initStates: () => [] };
    expect(() => explore(empty)).toThrow(/SV103/);
  });

  test('invalid options name the option and what is allowed', () => {
    expect(() => explore(counters(1, 2), { strategy: 'astar' as never })).toThrow(/strategy "astar" is not one of bfs, dfs, simulate/);
    expect(() => explore(counters(1, 2), { maxStates: -1 })).toThrow(/maxStates must be a number >= 0/);
  });

  test('property violations are verdicts, never exceptions', () => {
    const broken: Model<number, number> = { ...counters(1, 3), properties: [always('never 2', (s) => s !== 2)] };
    expect(explore(broken).properties[0].status).toBe('violated');
  });
});
