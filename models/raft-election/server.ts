import { and, assign, emit, setup } from 'xstate';

/**
 * Raft's leader election (Ongaro & Ousterhout, "In Search of an Understandable Consensus
 * Algorithm", section 5.2 and Figure 2: RequestVote), one server as an XState statechart.
 * Terms, `votedFor` and a majority of votes; no log, so every candidate's log counts as up to
 * date, and no heartbeats, so a leader only steps down when it sees a newer term.
 *
 * docs/guide.md builds this file step by step.
 */

// #region messages
/** A request for votes, sent to every other server when a server becomes a candidate. */
export interface RequestVote {
  readonly type: 'RequestVote';
  readonly from: string;
  readonly term: number;
}

/** The answer to a RequestVote: the voter's term and whether it granted its vote. */
export interface Vote {
  readonly type: 'Vote';
  readonly from: string;
  readonly term: number;
  readonly granted: boolean;
}
// #endregion messages

/** What a server remembers. `votes` is kept sorted, so equal sets are equal states. */
export interface ServerContext {
  readonly id: string;
  /** Number of servers in the cluster (a majority is `Math.floor(size / 2) + 1`). */
  readonly size: number;
  readonly currentTerm: number;
  /** Whom this server voted for in `currentTerm`, or null. */
  readonly votedFor: string | null;
  /** Servers that granted this server their vote in `currentTerm` (while a candidate). */
  readonly votes: readonly string[];
}

/** Input of a server: its id and the number of servers. */
export interface ServerInput {
  readonly id: string;
  readonly size: number;
}

// #region setup
const serverSetup = setup({
  types: {} as { context: ServerContext; input: ServerInput; events: RequestVote | Vote },
  guards: {
    /** The message carries a newer term than mine: I adopt it and become a follower. */
    newerTerm: ({ context, event }) => event.term > context.currentTerm,
    /** A request in my term from the server I already voted for, or before I voted at all. */
    canGrant: ({ context, event }) =>
      event.term === context.currentTerm && (context.votedFor === null || context.votedFor === event.from),
    /** The request is for an older term than mine: my refusal tells the requester it is behind. */
    olderTerm: ({ context, event }) => event.term < context.currentTerm,
    /** A granted vote for the term I am campaigning in. */
    countsVote: ({ context, event }) => event.type === 'Vote' && event.granted && event.term === context.currentTerm,
    /** With this voter added, a majority of the servers voted for me. */
    completesMajority: ({ context, event }) =>
      new Set([...context.votes, event.from]).size >= Math.floor(context.size / 2) + 1,
  },
  actions: {
    becomeCandidate: assign(({ context }) => ({
      currentTerm: context.currentTerm + 1,
      votedFor: context.id,
      votes: [context.id],
    })),
    requestVotes: emit(({ context }) => ({ type: 'RequestVote' as const, to: '*' as const, term: context.currentTerm })),
    adoptTerm: assign(({ event }) => ({ currentTerm: event.term, votedFor: null, votes: [] })),
    grantVote: assign(({ event }) => ({ votedFor: event.from })),
    sendGrant: emit(({ context, event }) => ({ type: 'Vote' as const, to: event.from, term: context.currentTerm, granted: true })),
    sendRefusal: emit(({ context, event }) => ({ type: 'Vote' as const, to: event.from, term: context.currentTerm, granted: false })),
    recordVote: assign(({ context, event }) => ({ votes: [...new Set([...context.votes, event.from])].sort() })),
  },
  delays: {
    /** Only names the timer: the explorer may fire it at any time while its state is active. */
    ELECTION_TIMEOUT: 150,
  },
});
// #endregion setup

// #region machine
/**
 * One Raft server. Rules for every state sit at the root (a newer term always wins); the
 * candidate counts votes; a follower or candidate whose election timer fires starts a new
 * term. Pure: the guards and actions read only the context and the event.
 */
export const serverMachine = serverSetup.createMachine({
  id: 'server',
  context: ({ input }) => ({ id: input.id, size: input.size, currentTerm: 0, votedFor: null, votes: [] }),
  initial: 'follower',
  on: {
    RequestVote: [
      { guard: 'newerTerm', target: '.follower', actions: ['adoptTerm', 'grantVote', 'sendGrant'] },
      { guard: 'canGrant', actions: ['grantVote', 'sendGrant'] },
      // A refusal in the requester's own term would change nothing there (its term can only
      // have grown since it asked), so only an older requester hears back.
      { guard: 'olderTerm', actions: 'sendRefusal' },
    ],
    Vote: { guard: 'newerTerm', target: '.follower', actions: 'adoptTerm' },
  },
  states: {
    follower: {
      after: { ELECTION_TIMEOUT: { target: 'candidate' } },
    },
    candidate: {
      entry: ['becomeCandidate', 'requestVotes'],
      after: { ELECTION_TIMEOUT: { target: 'candidate', reenter: true } },
      on: {
        Vote: [
          { guard: and(['countsVote', 'completesMajority']), target: 'leader', actions: 'recordVote' },
          { guard: 'countsVote', actions: 'recordVote' },
        ],
      },
    },
    leader: {},
  },
});
// #endregion machine
