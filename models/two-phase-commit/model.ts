import type { AnyStateMachine } from 'xstate';
import { always, createActorSystemModel, sometimes, splitvoteError } from '../../src/index.ts';
import type { ActorSnapshot, ActorSystemModel, SystemState } from '../../src/index.ts';
import { resourceManagerMachine, transactionManagerMachine, type RmEnvironmentEvent } from './machines.ts';

/** Options of {@link createTwoPhaseCommitModel}. */
export interface TwoPhaseCommitOptions {
  /** Number of resource managers (1 to 6; the state count grows as 8^rms). Default 3. */
  readonly rms?: number;
  /** Replacement machines (a variant or a deliberate bug via `machine.provide`). */
  readonly machines?: { readonly tm?: AnyStateMachine; readonly rm?: AnyStateMachine };
  /** `compiled` (default) or `xstate` (slow, exact reference). */
  readonly engine?: 'compiled' | 'xstate';
}

/** Actor id of the transaction manager. */
export const TM = 'TM';

/** Actor ids of the resource managers: RM1..RMn. */
export function rmIds(rms: number): string[] {
  return Array.from({ length: rms }, (_, i) => `RM${i + 1}`);
}

/** A state of the two-phase-commit system (no ghost). */
export type TwoPhaseState = SystemState<undefined>;

const RM_EVENTS: readonly RmEnvironmentEvent[] = Object.freeze([{ type: 'PREPARE' }, { type: 'CHOOSE_TO_ABORT' }]);
const NO_EVENTS: readonly RmEnvironmentEvent[] = Object.freeze([]);

function stateIs(snapshot: ActorSnapshot, value: string): boolean {
  return snapshot.value === value;
}

/**
 * Exact distinct-state count of {@link createTwoPhaseCommitModel} (FIFO, no drops), derived
 * in `README.md`: (4^n - 1) states while the TM collects, 2^n after it commits, 8^n - 2^n
 * after it aborts; 4^n + 8^n - 1 in all.
 */
export function twoPhaseCommitStateCount(rms: number): number {
  return 4 ** rms + 8 ** rms - 1;
}

/**
 * Exact transition count (successors computed, duplicates included) of the same model,
 * derived in `README.md`: 4^n - 1 + 3n 4^(n-1) + 9n 8^(n-1).
 */
export function twoPhaseCommitTransitionCount(rms: number): number {
  return 4 ** rms - 1 + 3 * rms * 4 ** (rms - 1) + 9 * rms * 8 ** (rms - 1);
}

/**
 * The two-phase-commit system: TM plus `rms` RMs, FIFO links, no faults. Properties:
 * - always "all RMs agree: none committed while another aborted" (TLA+ `TCConsistent`);
 * - always "the TM commits only when every RM has prepared";
 * - sometimes "a transaction commits" (every RM committed) and "a transaction aborts"
 *   (every RM aborted), so a model that can do nothing fails.
 * Pure; throws SV403 for an out-of-range `rms`.
 */
export function createTwoPhaseCommitModel(options: TwoPhaseCommitOptions = {}): ActorSystemModel {
  const rms = options.rms ?? 3;
  if (!Number.isInteger(rms) || rms < 1 || rms > 6) throw splitvoteError('SV403', `rms ${String(rms)} is out of range; use an integer from 1 to 6`);
  const ids = rmIds(rms);
  const rmMachine = options.machines?.rm ?? resourceManagerMachine;
  const tmMachine = options.machines?.tm ?? transactionManagerMachine;
  const rmStates = (state: TwoPhaseState): readonly ActorSnapshot[] => state.actors.slice(1);
  return createActorSystemModel<undefined>({
    name: `two-phase-commit(rms=${rms})`,
    engine: options.engine,
    actors: [
      { id: TM, machine: tmMachine, input: { rms: ids } },
      ...ids.map((id) => ({
        id,
        machine: rmMachine,
        input: { tm: TM },
        // An RM decides on its own only while working; elsewhere there is nothing to offer.
        environment: (snapshot: ActorSnapshot) => (stateIs(snapshot, 'working') ? RM_EVENTS : NO_EVENTS),
      })),
    ],
    network: { ordering: 'fifo', maxDrops: 0 },
    properties: [
      always('all RMs agree: none committed while another aborted', (state: TwoPhaseState) => {
        const rmsNow = rmStates(state);
        return !(rmsNow.some((s) => stateIs(s, 'committed')) && rmsNow.some((s) => stateIs(s, 'aborted')));
      }),
      always('the TM commits only when every RM has prepared', (state: TwoPhaseState) =>
        !stateIs(state.actors[0], 'committed') || rmStates(state).every((s) => stateIs(s, 'prepared') || stateIs(s, 'committed')),
      ),
      sometimes('a transaction commits', (state: TwoPhaseState) => rmStates(state).every((s) => stateIs(s, 'committed'))),
      sometimes('a transaction aborts', (state: TwoPhaseState) => rmStates(state).every((s) => stateIs(s, 'aborted'))),
    ],
    bounds: { rms },
  });
}
