import { describe, expect, test } from 'vitest';
import { always, explore, sometimes, type Model } from '../../src/index.ts';

/**
 * k interchangeable counters modulo m, as an array. The representative sorts the counters,
 * so a state counts once per multiset of values: C(m + k - 1, k) classes instead of m^k.
 * Every property below is symmetric (it does not care which counter is which).
 */
function interchangeable(k: number, m: number, withSymmetry: boolean): Model<readonly number[], number> {
  return {
    name: `interchangeable(${k},${m})`,
    initStates: () => [new Array(k).fill(0)],
    actions: (_s, out) => {
      for (let i = 0; i < k; i++) out.push(i);
    },
    next: (s, i) => s.map((c, j) => (j === i ? (c + 1) % m : c)),
    properties: [
      always('not every counter at its maximum', (s) => s.some((c) => c !== m - 1)),
      sometimes('some counter reaches its maximum', (s) => s.includes(m - 1)),
    ],
    ...(withSymmetry ? { representative: (s: readonly number[]) => [...s].sort((a, b) => a - b) } : {}),
  };
}

function binomial(n: number, r: number): number {
  let out = 1;
  for (let i = 1; i <= r; i++) out = (out * (n - r + i)) / i;
  return out;
}

describe('symmetry reduction', () => {
  test.each([
    [3, 4],
    [4, 5],
  ])('counts one state per symmetry class: C(m+k-1, k) for %i interchangeable counters modulo %i', (k, m) => {
    const reduced = explore(interchangeable(k, m, true));
    expect(reduced.stats.states).toBe(binomial(m + k - 1, k));
    expect(explore(interchangeable(k, m, true), { symmetry: false }).stats.states).toBe(m ** k);
  });

  test('gives the same verdicts and a shortest counterexample of the same length with and without', () => {
    const reduced = explore(interchangeable(3, 4, true));
    const full = explore(interchangeable(3, 4, true), { symmetry: false });
    expect(reduced.properties.map((p) => p.status)).toEqual(full.properties.map((p) => p.status));
    expect(reduced.properties[0].trace!.path.length).toBe(full.properties[0].trace!.path.length);
  });

  test('replays its traces to real states, not to representatives', () => {
    const trace = explore(interchangeable(3, 4, true)).properties[0].trace!;
    expect(trace.steps.at(-1)!.state).toEqual([3, 3, 3]);
    for (const step of trace.steps) expect(step.state).toHaveLength(3);
  });
});
