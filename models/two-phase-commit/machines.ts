import { assign, emit, setup } from 'xstate';

/**
 * Two-phase commit (Gray & Lamport, "Consensus on Transaction Commit", the TLA+ spec
 * `TwoPhase`): one transaction manager (TM) and N resource managers (RMs). Messages travel
 * as emitted events; the actor system stamps `from` and routes `to`.
 *
 * Differences from the TLA+ spec, all of them deliberate:
 * - Messages are consumed on delivery (one FIFO channel per link) instead of staying in a set.
 * - The TM commits in the same atomic step as it records the last PREPARED (TLA+ `TMCommit`
 *   is a separate step that is enabled exactly then).
 * - The TM's spontaneous `TMAbort` is its prepare timeout, an `after` delay (untimed: it may
 *   fire whenever the TM is still collecting).
 */

/** Messages of the protocol. `to` is an actor id or `'*'` (every other actor: all RMs). */
export type TwoPhaseMessage = { type: 'PREPARED'; to: string } | { type: 'COMMIT'; to: '*' } | { type: 'ABORT'; to: '*' };

/** Events the environment fires at an RM: it is ready to prepare, or decides to abort. */
export type RmEnvironmentEvent = { type: 'PREPARE' } | { type: 'CHOOSE_TO_ABORT' };

/** Input of an RM: the TM's actor id. */
export interface RmInput {
  readonly tm: string;
}

/** Input of the TM: the RM actor ids. */
export interface TmInput {
  readonly rms: readonly string[];
}

/**
 * A resource manager: `working` -> `prepared` (sends PREPARED) or `aborted` (its own
 * choice); `prepared` -> `committed` / `aborted` on the TM's decision. Both outcomes are
 * top-level final states: the RM is done and ignores later messages.
 */
export const resourceManagerMachine = setup({
  types: {} as { context: { tm: string }; events: RmEnvironmentEvent | (TwoPhaseMessage & { from: string }); input: RmInput },
  actions: {
    sendPrepared: emit(({ context }) => ({ type: 'PREPARED' as const, to: context.tm })),
  },
}).createMachine({
  id: 'rm',
  context: ({ input }) => ({ tm: input.tm }),
  initial: 'working',
  states: {
    working: {
      on: {
        PREPARE: { target: 'prepared', actions: 'sendPrepared' },
        CHOOSE_TO_ABORT: { target: 'aborted' },
        // The TM may time out and abort before this RM has prepared.
        ABORT: { target: 'aborted' },
      },
    },
    prepared: {
      on: {
        COMMIT: { target: 'committed' },
        ABORT: { target: 'aborted' },
      },
    },
    committed: { type: 'final' },
    aborted: { type: 'final' },
  },
});

/**
 * The transaction manager: records PREPARED messages while `collecting`; the last one
 * commits (COMMIT to every RM); the prepare timeout aborts (ABORT to every RM).
 */
export const transactionManagerMachine = setup({
  types: {} as {
    context: { rms: readonly string[]; prepared: readonly string[] };
    events: TwoPhaseMessage & { from: string };
    input: TmInput;
  },
  guards: {
    /** This PREPARED completes the set: every RM has now prepared. */
    lastPrepared: ({ context, event }) => !context.prepared.includes(event.from) && context.prepared.length + 1 === context.rms.length,
  },
  actions: {
    // Kept sorted so the same set of prepared RMs is the same state whatever the arrival order.
    recordPrepared: assign({
      prepared: ({ context, event }) => (context.prepared.includes(event.from) ? context.prepared : [...context.prepared, event.from].sort()),
    }),
    sendCommit: emit({ type: 'COMMIT' as const, to: '*' as const }),
    sendAbort: emit({ type: 'ABORT' as const, to: '*' as const }),
  },
  delays: {
    PREPARE_TIMEOUT: 1000,
  },
}).createMachine({
  id: 'tm',
  context: ({ input }) => ({ rms: input.rms, prepared: [] }),
  initial: 'collecting',
  states: {
    collecting: {
      on: {
        PREPARED: [
          { guard: 'lastPrepared', target: 'committed', actions: ['recordPrepared', 'sendCommit'] },
          { actions: 'recordPrepared' },
        ],
      },
      after: {
        PREPARE_TIMEOUT: { target: 'aborted', actions: 'sendAbort' },
      },
    },
    committed: { type: 'final' },
    aborted: { type: 'final' },
  },
});
