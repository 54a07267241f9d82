import type { AnyStateMachine } from 'xstate';
import { splitvoteError } from '../../src/index.ts';
import type { ModelEntry, ModelRequest } from '../../src/index.ts';
import { createRaftElectionModel } from './model.ts';
import { serverMachine } from './server.ts';

export { createRaftElectionModel, PROPERTY as RAFT_PROPERTY, serverIds } from './model.ts';
export type { RaftElectionOptions, RaftGhost, RaftState } from './model.ts';
export { serverMachine } from './server.ts';
export type { RequestVote, ServerContext, ServerInput, Vote } from './server.ts';

// #region presets
const PRESETS = [
  { name: 'three', description: '3 servers, terms up to 2, no message loss', servers: 3, maxTerm: 2, maxDrops: 0 },
  { name: 'two', description: '2 servers, terms up to 3, no message loss', servers: 2, maxTerm: 3, maxDrops: 0 },
] as const;
// #endregion presets

// #region variants
/**
 * A deliberate bug: the candidate counts every granted vote, whatever its term, so a vote
 * granted in an abandoned term still counts after the candidate moved on.
 */
export const staleVotesMachine: AnyStateMachine = serverMachine.provide({
  guards: { countsVote: ({ event }) => event.type === 'Vote' && event.granted },
});

const VARIANTS = [
  { name: 'stale-votes', description: 'deliberate bug: a candidate counts granted votes from any term', machine: staleVotesMachine },
] as const;
// #endregion variants

/**
 * The `raft-election` catalog entry: the RequestVote election of Raft, the model that
 * docs/guide.md builds. Presets `three` (the default) and `two`; the variant `stale-votes`
 * is a deliberate bug. `extras.machine` replaces the server machine. `create` is pure and
 * throws SV403 for an unknown preset or variant.
 */
export const raftElection: ModelEntry = {
  name: 'raft-election',
  description: "Raft's leader election: terms, votedFor, a majority of RequestVote replies (XState actors)",
  presets: PRESETS.map(({ name, description }) => ({ name, description })),
  variants: VARIANTS.map(({ name, description }) => ({ name, description })),
  defaultVariants: [],
  create(request: ModelRequest) {
    const preset = PRESETS.find((p) => p.name === request.preset);
    if (preset === undefined) throw splitvoteError('SV403', `unknown preset "${request.preset}" for model raft-election; presets: ${PRESETS.map((p) => p.name).join(', ')}`);
    const unknown = request.variants.find((v) => !VARIANTS.some((known) => known.name === v));
    if (unknown !== undefined) throw splitvoteError('SV403', `unknown variant "${unknown}" for model raft-election; variants: ${VARIANTS.map((v) => v.name).join(', ')}`);
    const machine = (request.extras?.machine as AnyStateMachine | undefined) ?? (request.variants.includes('stale-votes') ? staleVotesMachine : undefined);
    return createRaftElectionModel({ servers: preset.servers, maxTerm: preset.maxTerm, maxDrops: preset.maxDrops, machine });
  },
};
