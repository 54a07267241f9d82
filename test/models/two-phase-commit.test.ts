import { describe, expect, test } from 'vitest';
import { explore } from '../../src/explore/explore.ts';
import {
  createTwoPhaseCommitModel,
  transactionManagerMachine,
  twoPhaseCommit,
  twoPhaseCommitStateCount,
  twoPhaseCommitTransitionCount,
} from '../../models/two-phase-commit/index.ts';

const statuses = (result: { properties: readonly { name: string; status: string }[] }) => Object.fromEntries(result.properties.map((p) => [p.name, p.status]));

describe('two-phase commit', () => {
  test('the derived counts are 4^n + 8^n - 1 states and 4^n - 1 + 3n 4^(n-1) + 9n 8^(n-1) transitions', () => {
    expect([1, 2, 3, 4].map(twoPhaseCommitStateCount)).toEqual([11, 79, 575, 4351]);
    expect([1, 2, 3, 4].map(twoPhaseCommitTransitionCount)).toEqual([15, 183, 1935, 19455]);
  });

  for (const rms of [1, 2, 3, 4]) {
    test(`an exhaustive search with ${rms} RMs finds exactly the derived states and transitions, and every property holds`, () => {
      const result = explore(createTwoPhaseCommitModel({ rms }), { strategy: 'bfs' });
      expect(result.complete).toBe(true);
      expect(result.stats.states).toBe(twoPhaseCommitStateCount(rms));
      expect(result.stats.transitions).toBe(twoPhaseCommitTransitionCount(rms));
      expect(result.stats.deadlocks).toBe(0);
      expect(statuses(result)).toMatchObject({
        'all RMs agree: none committed while another aborted': 'holds',
        'the TM commits only when every RM has prepared': 'holds',
        'a transaction commits': 'witnessed',
        'a transaction aborts': 'witnessed',
      });
    });
  }

  test("the 'xstate' engine explores the same space as the compiled tables", () => {
    const result = explore(createTwoPhaseCommitModel({ rms: 3, engine: 'xstate' }), { strategy: 'bfs' });
    expect([result.stats.states, result.stats.transitions]).toEqual([575, 1935]);
  });

  test('a TM that commits on the first PREPARED breaks agreement, with the shortest counterexample', () => {
    const tm = transactionManagerMachine.provide({ guards: { lastPrepared: () => true } });
    const result = explore(createTwoPhaseCommitModel({ rms: 2, machines: { tm } }), { strategy: 'bfs' });
    const agreement = result.properties.find((p) => p.name === 'all RMs agree: none committed while another aborted');
    expect(agreement?.status).toBe('violated');
    expect(agreement?.trace?.steps.map((s) => s.label)).toEqual([
      'initial state',
      'RM1: PREPARE',
      'TM receives PREPARED from RM1',
      'RM1 receives COMMIT from TM',
      'RM2: CHOOSE_TO_ABORT',
    ]);
  });

  test('the view shows each actor state with its context and the messages in flight', () => {
    const model = createTwoPhaseCommitModel({ rms: 2 });
    const s0 = model.initStates()[0];
    const out: Parameters<typeof model.next>[1][] = [];
    model.actions(s0, out);
    const prepared = model.next(s0, out.find((a) => model.formatAction!(a, s0) === 'RM1: PREPARE')!)!;
    expect(model.view!(prepared)).toEqual({
      TM: { state: 'collecting', rms: ['RM1', 'RM2'], prepared: [] },
      RM1: { state: 'prepared', tm: 'TM' },
      RM2: { state: 'working', tm: 'TM' },
      network: { 'RM1 -> TM': [{ type: 'PREPARED' }] },
    });
  });
});

describe('the two-phase-commit catalog entry', () => {
  test('has presets rm3 (the default), rm2 and rm4, and no variants', () => {
    expect(twoPhaseCommit.name).toBe('two-phase-commit');
    expect(twoPhaseCommit.presets.map((p) => p.name)).toEqual(['rm3', 'rm2', 'rm4']);
    expect(twoPhaseCommit.variants).toEqual([]);
    expect(twoPhaseCommit.defaultVariants).toEqual([]);
    expect(twoPhaseCommit.create({ preset: 'rm4', variants: [] }).name).toBe('two-phase-commit(rms=4)');
  });

  test('an unknown preset or any variant is SV403, naming what is allowed', () => {
    expect(() => twoPhaseCommit.create({ preset: 'rm9', variants: [] })).toThrow(/SV403: unknown preset "rm9" .*presets: rm3, rm2, rm4/);
    expect(() => twoPhaseCommit.create({ preset: 'rm3', variants: ['fast'] })).toThrow(/SV403: .*has no variants/);
  });

  test('an out-of-range RM count is SV403', () => {
    expect(() => createTwoPhaseCommitModel({ rms: 0 })).toThrow(/SV403: rms 0 is out of range/);
  });
});
