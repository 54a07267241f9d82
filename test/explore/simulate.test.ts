import { describe, expect, test } from 'vitest';
import { explore, replay } from '../../src/index.ts';
import { shrinkTrace } from '../../src/explore/shrink.ts';
import { counters } from '../fixtures/counters.ts';
import { dieHard } from '../fixtures/dieHard.ts';

describe('simulate', () => {
  test('the same seed gives the same walks, counts and traces', () => {
    const a = explore(counters(4, 6), { strategy: 'simulate', seed: 42, runs: 50, maxSteps: 40 });
    const b = explore(counters(4, 6), { strategy: 'simulate', seed: 42, runs: 50, maxSteps: 40 });
    expect(b.stats.states).toBe(a.stats.states);
    expect(b.stats.transitions).toBe(a.stats.transitions);
    expect(b.properties.map((p) => p.trace?.path)).toEqual(a.properties.map((p) => p.trace?.path));
  });

  test('a different seed walks differently', () => {
    const a = explore(counters(4, 6), { strategy: 'simulate', seed: 1, runs: 20, maxSteps: 40 });
    const b = explore(counters(4, 6), { strategy: 'simulate', seed: 2, runs: 20, maxSteps: 40 });
    expect(b.stats.states).not.toBe(a.stats.states);
  });

  test('finds the die hard counterexample and never claims an invariant holds', () => {
    const result = explore(dieHard, { strategy: 'simulate', seed: 7, runs: 3000, maxSteps: 30 });
    expect(result.complete).toBe(false);
    expect(result.stopReason).toBe('max-runs');
    expect(result.stats.runs).toBe(3000);
    expect(result.properties[0].status).toBe('violated');
    expect(result.properties[0].trace!.steps.at(-1)!.state.big).toBe(4);
    expect(result.seed).toBe(7);
  });

  test('an invariant that random walks do not break is unknown, not holds', () => {
    const result = explore(counters(3, 50), { strategy: 'simulate', seed: 3, runs: 5, maxSteps: 10 });
    expect(result.properties.find((p) => p.kind === 'always')!.status).toBe('unknown');
  });
});

describe('shrinking simulation counterexamples with fast-check', () => {
  test('never makes a trace longer, and the shrunk trace still breaks the invariant', () => {
    const model = counters(3, 4);
    // A walk to the all-maximum state with a detour: counter 1 goes round once more.
    const detour = [1, 1, 1, 1, 0, 1, 0, 1, 0, 1, 2, 2, 2];
    const long = replay(model, 0, detour);
    expect(long.steps.at(-1)!.state).toBe(63);
    const shrunk = shrinkTrace(model, model.properties[0], long, 1);
    expect(shrunk.path.length).toBeLessThanOrEqual(detour.length);
    expect(shrunk.steps.at(-1)!.state).toBe(63);
  });

  test('shortens a padded die hard counterexample to the six steps of the puzzle', () => {
    // Fill the small jug and empty it twice before the known solution: a walk with detours.
    const padded = [0, 2, 0, 2, 1, 5, 2, 5, 1, 5];
    const long = replay(dieHard, 0, padded);
    expect(long.steps.at(-1)!.state.big).toBe(4);
    const shrunk = shrinkTrace(dieHard, dieHard.properties[0], long, 1);
    expect(shrunk.path).toHaveLength(6);
    expect(shrunk.steps.at(-1)!.state.big).toBe(4);
  });
});
