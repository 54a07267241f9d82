import { describe, expect, test } from 'vitest';
import { explore } from '../../src/index.ts';
import { counters } from '../fixtures/counters.ts';
import { dieHard } from '../fixtures/dieHard.ts';

describe('bfs', () => {
  test.each([
    [2, 3],
    [3, 4],
    [4, 5],
  ])('visits exactly m^k states and k*m^k transitions for %i counters modulo %i', (k, m) => {
    const result = explore(counters(k, m), { strategy: 'bfs' });
    expect(result.complete).toBe(true);
    expect(result.stats.states).toBe(m ** k);
    expect(result.stats.transitions).toBe(k * m ** k);
    expect(result.stats.depth).toBe(k * (m - 1));
  });

  test('gives the same counts with the generic structural encoding as with the packed one', () => {
    const packed = explore(counters(3, 4), { strategy: 'bfs' });
    const generic = explore(counters(3, 4, { packed: false }), { strategy: 'bfs' });
    expect(generic.stats).toMatchObject({ states: packed.stats.states, transitions: packed.stats.transitions, depth: packed.stats.depth });
  });

  test('returns a shortest counterexample', () => {
    const result = explore(counters(3, 4), { strategy: 'bfs' });
    const violated = result.properties.find((p) => p.name === 'not every counter at its maximum')!;
    expect(violated.status).toBe('violated');
    // Every counter must be incremented m - 1 times: 3 * 3 = 9 steps, no shorter path exists.
    expect(violated.trace!.path).toHaveLength(9);
    expect(violated.trace!.steps.at(-1)!.state).toBe(63);
  });

  test('solves the die hard puzzle in the known six steps over sixteen states', () => {
    const result = explore(dieHard, { strategy: 'bfs' });
    expect(result.stats.states).toBe(16);
    expect(result.stats.transitions).toBe(96);
    const verdict = result.properties.find((p) => p.name === 'the big jug never holds 4 gallons')!;
    expect(verdict.status).toBe('violated');
    expect(verdict.trace!.steps.map((s) => s.label)).toEqual([
      'initial state',
      'fill big',
      'pour big into small',
      'empty small',
      'pour big into small',
      'fill big',
      'pour big into small',
    ]);
  });

  test('gives the same trace on every run', () => {
    const first = explore(dieHard).properties[0].trace!.path;
    const second = explore(dieHard).properties[0].trace!.path;
    expect(second).toEqual(first);
  });

  test('witnesses a sometimes property with a shortest example', () => {
    const result = explore(counters(2, 5));
    const witness = result.properties.find((p) => p.kind === 'sometimes')!;
    expect(witness.status).toBe('witnessed');
    expect(witness.trace!.path).toEqual([0, 0, 0, 0]);
  });
});
