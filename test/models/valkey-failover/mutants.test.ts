import { describe, expect, test } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { checkPins, readPins, runMutants, stalePins } from '../../../src/index.ts';
import { primaryMachine, replicaMachine, valkeyFailover } from '../../../models/valkey-failover/index.ts';

const suite = valkeyFailover.mutants!;
const pins = readPins(suite.pinsFile!);

/** Every named guard or action of a machine, read from XState's own `implementations`. */
function named(machine: AnyStateMachine, kind: 'guards' | 'actions'): Record<string, unknown> {
  return machine.implementations[kind] as Record<string, unknown>;
}

describe('the valkey-failover mutation suite', () => {
  test('has at least 25 mutants with unique names, a description and variants each', () => {
    const names = suite.mutants.map((m) => m.name);
    expect(names.length).toBeGreaterThanOrEqual(25);
    expect(new Set(names).size).toBe(names.length);
    for (const m of suite.mutants) {
      expect(m.description.length, m.name).toBeGreaterThan(10);
      expect(m.variants?.length ?? 0, m.name).toBeGreaterThan(0);
    }
  });

  test('replaces every named guard and action of the voter and the candidate at least once', () => {
    const replaced = new Set(suite.mutants.map((m) => `${m.kind} ${m.replaces}`));
    const missing: string[] = [];
    for (const machine of [primaryMachine, replicaMachine]) {
      for (const name of Object.keys(named(machine, 'guards'))) if (!replaced.has(`guard ${name}`)) missing.push(`guard ${name}`);
      for (const name of Object.keys(named(machine, 'actions'))) if (!replaced.has(`action ${name}`)) missing.push(`action ${name}`);
    }
    expect(missing).toEqual([]);
    expect(suite.targets!.length).toBe(Object.keys(named(primaryMachine, 'guards')).length + Object.keys(named(primaryMachine, 'actions')).length);
  });

  test('each mutant replaces exactly the one guard or action it names, in both machines', () => {
    for (const m of suite.mutants) {
      const extras = m.extras() as { primary: AnyStateMachine; replica: AnyStateMachine };
      for (const [machine, mutated] of [[primaryMachine, extras.primary], [replicaMachine, extras.replica]] as const) {
        const changed: string[] = [];
        for (const kind of ['guards', 'actions'] as const) {
          for (const [name, impl] of Object.entries(named(mutated, kind))) if (impl !== named(machine, kind)[name]) changed.push(`${kind === 'guards' ? 'guard' : 'action'} ${name}`);
        }
        expect(changed, m.name).toEqual([`${m.kind} ${m.replaces}`]);
      }
    }
  });

  test('every mutant is pinned, every pin names a mutant, and every pinned survivor says why it survives', () => {
    const names = suite.mutants.map((m) => m.name);
    expect(names.filter((n) => pins[n] === undefined)).toEqual([]);
    expect(stalePins(pins, names)).toEqual([]);
    const unexplained = suite.mutants.filter((m) => pins[m.name].outcome !== 'caught' && m.equivalent === undefined && m.gap === undefined).map((m) => m.name);
    expect(unexplained).toEqual([]);
    const equivalentButCaught = suite.mutants.filter((m) => m.equivalent !== undefined && pins[m.name].outcome === 'caught').map((m) => m.name);
    expect(equivalentButCaught).toEqual([]);
  });

  // The CI half of the mutation run: every mutant pinned as caught is run (in suite order, on
  // its runs up to the one that catches it) and must still be caught there by the same
  // property. Survivors are rerun by `splitvote mutate valkey-failover` and the docs check.
  test('every mutant pinned as caught is still caught, by the pinned property on the pinned run', () => {
    const caught = suite.mutants.filter((m) => pins[m.name].outcome === 'caught').map((m) => m.name);
    expect(caught.length).toBeGreaterThanOrEqual(15);
    const report = runMutants(valkeyFailover, suite, { only: caught });
    const off = checkPins(report, pins).filter((c) => c.status !== 'ok');
    expect(off).toEqual([]);
  }, 600_000);
});
