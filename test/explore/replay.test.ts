import { describe, expect, test } from 'vitest';
import { explore, replay, type Model } from '../../src/index.ts';
import { dieHard } from '../fixtures/dieHard.ts';

describe('replay', () => {
  test('rebuilds a counterexample from its action indices', () => {
    const trace = explore(dieHard).properties[0].trace!;
    const again = replay(dieHard, trace.init, trace.path);
    expect(again.steps.map((s) => s.state)).toEqual(trace.steps.map((s) => s.state));
  });

  test('an index out of range says the model is not deterministic or the path is foreign', () => {
    expect(() => replay(dieHard, 0, [0, 99])).toThrow(/SV201: step 2 takes action 99, but the state has 6 action\(s\).*not deterministic/);
    expect(() => replay(dieHard, 3, [])).toThrow(/initial state 3 does not exist/);
  });

  test('a nondeterministic model is caught when its counterexample is rebuilt', () => {
    let calls = 0;
    const flaky: Model<number, number> = {
      name: 'flaky',
      initStates: () => [0],
      // The action order changes from call to call: exactly the bug replay must catch.
      actions: (s, out) => {
        calls++;
        if (s < 3) out.push(...(calls % 2 === 0 ? [1, 2] : [2, 1]));
      },
      next: (s, a) => s + a,
      properties: [{ name: 'never 4', kind: 'always', condition: (s) => s !== 4 }],
      encode: (s, h) => void h.int(s),
    };
    expect(() => explore(flaky)).toThrow(/SV201/);
  });
});
