import { describe, expect, test } from 'vitest';
import { explore, judgeTrace, recoverable, replay, type Model } from '../../src/index.ts';
import { catalog } from '../fixtures/catalog.ts';

const jugs = catalog.find((e) => e.name === 'jugs')!.create({ preset: 'die-hard', variants: [] });
const ringSeven = catalog.find((e) => e.name === 'ring')!.create({ preset: 'three', variants: ['seven'] });

describe('judgeTrace', () => {
  test('confirms an invariant broken in the last state', () => {
    const trace = replay(jugs, 0, [1, 5, 2, 5, 1, 5]);
    expect(judgeTrace(jugs, trace, 'the big jug never holds 4 gallons', 'always')).toEqual({ status: 'violated', note: 'it fails in the last state (step 6)' });
  });

  test('says an invariant holds when the trace stops short of the violation', () => {
    expect(judgeTrace(jugs, replay(jugs, 0, [1]), 'the big jug never holds 4 gallons', 'always').status).toBe('holds');
  });

  test('confirms an eventually counterexample: a lasso on which the goal never holds', () => {
    const verdict = explore(ringSeven).properties.find((p) => p.kind === 'eventually')!;
    expect(judgeTrace(ringSeven, verdict.trace!, verdict.name, 'eventually')).toEqual({ status: 'violated', note: 'it holds in no state and the trace loops back to step 0' });
  });

  test('judges a recoverable property by searching from the last state', () => {
    // A one-way counter 0 -> 1 -> 2 that stops: from 2, the goal "n is 0" is out of reach.
    const line: Model<number, 'inc'> = {
      name: 'line',
      initStates: () => [0],
      actions: (n, out) => void (n < 2 && out.push('inc')),
      next: (n) => n + 1,
      properties: [recoverable('n can return to 0', (n) => n === 0)],
      isFinal: (n) => n === 2,
    };
    expect(judgeTrace(line, replay(line, 0, [0, 0]), 'n can return to 0', 'recoverable').status).toBe('violated');
    expect(judgeTrace(line, replay(line, 0, []), 'n can return to 0', 'recoverable').status).toBe('holds');
  });

  test('recognises a deadlock: no successor and not final', () => {
    const stuck: Model<number, 'inc'> = { name: 'stuck', initStates: () => [0], actions: (n, out) => void (n < 1 && out.push('inc')), next: (n) => n + 1, properties: [] };
    expect(judgeTrace(stuck, replay(stuck, 0, [0]), 'no deadlock', 'deadlock').status).toBe('violated');
    expect(judgeTrace({ ...stuck, isFinal: () => true }, replay(stuck, 0, [0]), 'no deadlock', 'deadlock').status).toBe('holds');
  });
});
