import type { AnyStateMachine } from 'xstate';
import { splitvoteError } from '../../src/index.ts';
import type { ModelEntry, ModelRequest } from '../../src/index.ts';
import { createTwoPhaseCommitModel } from './model.ts';

export { createTwoPhaseCommitModel, rmIds, TM, twoPhaseCommitStateCount, twoPhaseCommitTransitionCount } from './model.ts';
export type { TwoPhaseCommitOptions, TwoPhaseState } from './model.ts';
export { resourceManagerMachine, transactionManagerMachine } from './machines.ts';
export type { RmEnvironmentEvent, RmInput, TmInput, TwoPhaseMessage } from './machines.ts';

const PRESETS = [
  { name: 'rm3', description: '1 TM, 3 RMs, FIFO links, no faults (575 states)', rms: 3 },
  { name: 'rm2', description: '1 TM, 2 RMs, FIFO links, no faults (79 states)', rms: 2 },
  { name: 'rm4', description: '1 TM, 4 RMs, FIFO links, no faults (4,351 states)', rms: 4 },
] as const;

/**
 * The `two-phase-commit` catalog entry: Gray & Lamport's 2PC, a small non-failover model
 * that proves the explorer and the XState layer work on any `Model`. Presets `rm3` (the
 * default), `rm2`, `rm4`; no variants. `extras.tm` / `extras.rm` replace the machines.
 * `create` is pure and throws SV403 for an unknown preset or any variant.
 */
export const twoPhaseCommit: ModelEntry = {
  name: 'two-phase-commit',
  description: "Gray & Lamport's two-phase commit: 1 transaction manager, N resource managers (XState actors)",
  presets: PRESETS.map(({ name, description }) => ({ name, description })),
  variants: [],
  defaultVariants: [],
  create(request: ModelRequest) {
    const preset = PRESETS.find((p) => p.name === request.preset);
    if (preset === undefined) throw splitvoteError('SV403', `unknown preset "${request.preset}" for model two-phase-commit; presets: ${PRESETS.map((p) => p.name).join(', ')}`);
    if (request.variants.length > 0) throw splitvoteError('SV403', `unknown variant "${request.variants[0]}" for model two-phase-commit; model two-phase-commit has no variants`);
    const extras = request.extras ?? {};
    return createTwoPhaseCommitModel({ rms: preset.rms, machines: { tm: extras.tm as AnyStateMachine | undefined, rm: extras.rm as AnyStateMachine | undefined } });
  },
};
