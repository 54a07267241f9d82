import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { EventObject } from 'xstate';
import { compileMachine } from '../../src/xstate/compile.ts';
import { resourceManagerMachine, transactionManagerMachine } from '../../models/two-phase-commit/machines.ts';
import { checkReachablePairs, expectSameStep } from './differential.ts';
import { FIXTURES, type Fixture } from './fixtures.ts';

const RMS = ['RM1', 'RM2', 'RM3'];
const tmEvents: EventObject[] = [...RMS.map((from): EventObject => ({ type: 'PREPARED', from, to: 'TM' }) as EventObject), { type: 'xstate.after.PREPARE_TIMEOUT.tm.collecting' }, { type: 'COMMIT' }];
const rmEvents = [{ type: 'PREPARE' }, { type: 'CHOOSE_TO_ABORT' }, { type: 'COMMIT', from: 'TM', to: 'RM1' }, { type: 'ABORT', from: 'TM', to: 'RM1' }, { type: 'PREPARED' }] as EventObject[];

const TWO_PC: readonly Fixture[] = [
  {
    name: '2PC transaction manager',
    machine: transactionManagerMachine,
    input: { rms: RMS },
    events: tmEvents,
    context: fc.record({ rms: fc.constant(RMS), prepared: fc.subarray(RMS) }),
    depth: 100,
  },
  { name: '2PC resource manager', machine: resourceManagerMachine, input: { tm: 'TM' }, events: rmEvents, context: fc.record({ tm: fc.constant('TM') }), depth: 100 },
];

describe('the compiled step and xstate.transition()', () => {
  for (const fixture of [...FIXTURES, ...TWO_PC]) {
    test(`agree on every reachable snapshot and event of the ${fixture.name} machine`, () => {
      const compiled = compileMachine(fixture.machine);
      const { pairs, snapshots } = checkReachablePairs(compiled, fixture.input, fixture.events, fixture.depth);
      expect(snapshots).toBeGreaterThan(1);
      expect(pairs).toBeGreaterThanOrEqual(snapshots);
    });

    test(`agree on random configurations, contexts and events of the ${fixture.name} machine`, () => {
      const compiled = compileMachine(fixture.machine);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: compiled.configCount - 1 }), fixture.context, fc.constantFrom(...fixture.events), (config, context, event) => {
          expectSameStep(compiled, config, context, event);
        }),
        { seed: 20240611, numRuns: 400 },
      );
    });
  }
});
