import { describe, expect, test } from 'vitest';
import { explore } from '../../src/index.ts';
import { counters } from '../fixtures/counters.ts';
import { dieHard } from '../fixtures/dieHard.ts';

describe('dfs', () => {
  test.each([
    [2, 3],
    [3, 4],
    [5, 3],
  ])('visits the same m^k states and k*m^k transitions as bfs for %i counters modulo %i', (k, m) => {
    const result = explore(counters(k, m), { strategy: 'dfs' });
    expect(result.complete).toBe(true);
    expect(result.stats.states).toBe(m ** k);
    expect(result.stats.transitions).toBe(k * m ** k);
  });

  test('finds a valid, not necessarily shortest, counterexample', () => {
    const result = explore(dieHard, { strategy: 'dfs' });
    expect(result.stats.states).toBe(16);
    const trace = result.properties[0].trace!;
    expect(trace.steps.at(-1)!.state.big).toBe(4);
    expect(trace.path.length).toBeGreaterThanOrEqual(6);
  });

  test('does not overflow the call stack on a path 200,000 states deep', () => {
    const result = explore(counters(1, 200_000), { strategy: 'dfs', deadlock: false });
    expect(result.stats.states).toBe(200_000);
    expect(result.stats.depth).toBe(199_999);
  });
});
