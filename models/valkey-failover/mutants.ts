import { fileURLToPath } from 'node:url';
import type { MutationSuite } from '../../src/index.ts';
import { primaryMachine, replicaMachine } from './machine.ts';
import { actionMutants } from './mutantsActions.ts';
import { faultMutants } from './mutantsFaults.ts';
import { guardMutants } from './mutantsGuards.ts';
import { SUITE_PRESETS } from './mutantsKinds.ts';
// Imported so the compiled package carries the pins too (tsc copies imported JSON).
import pins from './mutants.pins.json' with { type: 'json' };

/** Names of the named implementations of `kind` in both node machines, sorted. */
export function implementationNames(kind: 'guards' | 'actions'): string[] {
  const names = new Set<string>();
  for (const machine of [primaryMachine, replicaMachine]) for (const name of Object.keys(machine.implementations[kind])) names.add(name);
  return [...names].sort();
}

/**
 * The failover model's mutation suite (`splitvote mutate valkey-failover`): deliberate bugs,
 * each one named guard or action of the node machines replaced with `provide()`, run on the
 * small presets (largest last) and pinned in mutants.pins.json. Every guard and action of
 * the machines is a target, so a new one without a mutant shows up as uncovered.
 */
export const failoverMutants: MutationSuite = {
  presets: SUITE_PRESETS,
  maxStates: 150_000,
  mutants: [...guardMutants, ...actionMutants, ...faultMutants],
  targets: [
    ...implementationNames('guards').map((name) => ({ kind: 'guard' as const, name })),
    ...implementationNames('actions').map((name) => ({ kind: 'action' as const, name })),
  ],
  pinsFile: fileURLToPath(new URL('./mutants.pins.json', import.meta.url)),
  pins,
};
