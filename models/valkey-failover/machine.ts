import { and, assign, emit, not, setup, type AnyStateMachine } from 'xstate';
import { HOLD_INPUT_TAG } from '../../src/index.ts';
import { messages, nackMessage, paramUpdates, updates } from './actions.ts';
import { guards } from './guards.ts';
import { NACK_REASON, PHASE, type NodeContext } from './types.ts';

/**
 * The node statechart: one machine with two role states, `voter` (a primary:
 * clusterSendFailoverAuthIfNeeded, §3) and `candidate` (a replica:
 * clusterHandleReplicaFailover, §2), plus `frozen` (paused with a way back: input held,
 * §15.1) and `paused` (stopped for good). A replica that wins moves to `voter` and
 * votes in later epochs; a primary whose slots move to another node moves to `candidate`.
 *
 * Guard bodies (guards.ts) and action bodies (actions.ts, faults.ts) each cite the reference section and
 * the upstream function they mirror; this file only wires them into XState.
 *
 * Abstract time (§10): `after` delays are timer events the explorer may fire whenever their
 * state is active; the delay values below (node_timeout 2000, §2.2) only name the timers.
 */

/** Abstract timer durations in ms (§2.2 with node_timeout = 2000): delay, auth_timeout, auth_retry_time. */
export const TIMERS = { electionDelay: 66, authTimeout: 4000, authRetry: 8000 } as const;

/** Events as the machine sees them: bus messages (with `from`), environment steps, timers. */
export type MachineEvent = { readonly type: string; readonly from?: string; readonly [key: string]: unknown };

const nodeSetup = setup({
  types: {} as { context: NodeContext; input: NodeContext; events: MachineEvent; emitted: MachineEvent },
  guards,
  actions: {
    mergeHeader: assign(({ context, event }) => updates.mergeHeader(context, event)),
    grantVote: assign(({ context, event }) => updates.grantVote(context, event)),
    countAck: assign(({ context, event }) => updates.countAck(context, event)),
    countNack: assign(({ context, event }) => updates.countNack(context, event)),
    resetElection: assign(({ context, event }) => updates.resetElection(context, event)),
    scheduleElection: assign(({ context, event }) => updates.scheduleElection(context, event)),
    startElection: assign(({ context, event }) => updates.startElection(context, event)),
    winElection: assign(({ context, event }) => updates.winElection(context, event)),
    applyPong: assign(({ context, event }) => updates.applyPong(context, event)),
    applyUpdate: assign(({ context, event }) => updates.applyUpdate(context, event)),
    markPfail: assign(({ context, event }) => updates.markPfail(context, event)),
    markFail: assign(({ context, event }) => updates.markFail(context, event)),
    recomputeState: assign(({ context, event }) => updates.recomputeState(context, event)),
    loseLink: assign(({ context, event }) => updates.loseLink(context, event)),
    forceFailover: assign(({ context, event }) => updates.forceFailover(context, event)),
    manualFailoverTimeout: assign(({ context, event }) => updates.manualFailoverTimeout(context, event)),
    votedTimeExpires: assign(({ context, event }) => updates.votedTimeExpires(context, event)),
    learnFail: assign(({ context, event }) => updates.learnFail(context, event)),
    nodeAnswers: assign(({ context, event }) => updates.nodeAnswers(context, event)),
    clearFail: assign(({ context, event }) => updates.clearFail(context, event)),
    resume: assign(({ context, event }) => updates.resume(context, event)),
    restart: assign(({ context, event }) => updates.restart(context, event)),
    saveConfig: assign(({ context, event }) => updates.saveConfig(context, event)),
    /** §15.1: remember the state a pause interrupted (params.phase). */
    rememberPhase: assign(({ context, event }, params: { phase: number }) => paramUpdates.rememberPhase(context, event, params)),
    answerAgain: emit(({ context, event }) => messages.answerAgain(context, event) as MachineEvent),
    sendFail: emit(({ context, event }) => messages.sendFail(context, event) as MachineEvent),
    sendAck: emit(({ context, event }) => messages.sendAck(context, event) as MachineEvent),
    sendUpdate: emit(({ context, event }) => messages.sendUpdate(context, event) as MachineEvent),
    requestVotes: emit(({ context, event }) => messages.requestVotes(context, event) as MachineEvent),
    broadcastPong: emit(({ context, event }) => messages.broadcastPong(context, event) as MachineEvent),
    stopAnswering: emit(({ context, event }) => messages.stopAnswering(context, event) as MachineEvent),
    /** §4.2 clusterSendFailoverNack with the branch's reason (§3, §4.1). */
    sendNack: emit(({ context, event }, params: { reason: number }) => nackMessage(context, event, params.reason) as MachineEvent),
  },
  delays: TIMERS,
});

const nack = (reason: number) => ({ type: 'sendNack' as const, params: { reason } });

/** Schedule (and, for a best-ranked, manual or zero-delay start, send) a new election: §2.4 steps 4-8. */
const schedule = [
  { guard: and(['canFailover', 'startsAtOnce']), target: '#node.candidate.waiting', actions: ['scheduleElection', 'startElection', 'requestVotes'] },
  { guard: 'canFailover', target: '#node.candidate.delayed', actions: ['scheduleElection'] },
] as const;

/** §15.1 a pause in the state with PHASE code `phase`: input held when the node may come back, else stopped for good. */
const pause = (phase: number) =>
  [
    { guard: 'mayComeBack', target: '#node.frozen', actions: [{ type: 'rememberPhase', params: { phase } }, 'stopAnswering'] },
    { target: '#node.paused', actions: 'stopAnswering' },
  ] as const;
const pausedIn = (phase: number) => ({ type: 'pausedIn' as const, params: { phase } });

const config = {
  id: 'node',
  context: ({ input }: { input: NodeContext }) => input,
  // Steps that apply to any live node, whatever its role (a frozen node is offered none of them and receives nothing).
  on: {
    DOWN: { actions: 'markPfail' },
    MARK_FAIL: { guard: 'timedOut', actions: ['markFail', 'sendFail'] },
    CLEAR_FAIL: { guard: 'failUndoable', actions: 'clearFail' },
    UPDATE_STATE: { guard: 'sizeStale', actions: 'recomputeState' },
    LINK_LOSS: { actions: 'loseLink' },
    VOTED_TIME_EXPIRES: { guard: 'votedTimeRunning', actions: 'votedTimeExpires' },
    SAVE_CONFIG: { guard: 'voteUnsaved', actions: 'saveConfig' },
  },
  states: {
    /** A primary: the voter of §3. Refusal branches in upstream order, each with its NACK reason. */
    voter: {
      on: {
        AUTH_REQUEST: [
          { guard: not('isVotingPrimary'), actions: 'mergeHeader' },
          { guard: 'notSafeToJoin', actions: ['mergeHeader', nack(NACK_REASON.NOT_SAFE)] },
          { guard: 'reqEpochOld', actions: ['mergeHeader', nack(NACK_REASON.REQ_EPOCH_OLD)] },
          { guard: 'alreadyVoted', actions: ['mergeHeader', nack(NACK_REASON.ALREADY_VOTED)] },
          { guard: 'requesterIsPrimary', actions: ['mergeHeader', nack(NACK_REASON.REQ_IS_PRIMARY)] },
          { guard: 'noPrimary', actions: ['mergeHeader', nack(NACK_REASON.NO_PRIMARY)] },
          { guard: 'primaryUp', actions: ['mergeHeader', nack(NACK_REASON.PRIMARY_UP)] },
          { guard: 'votedRecently', actions: 'mergeHeader' },
          { guard: 'staleConfig', actions: ['mergeHeader', 'sendUpdate', nack(NACK_REASON.STALE_CONFIG)] },
          { actions: ['mergeHeader', 'grantVote', 'sendAck'] },
        ],
        AUTH_ACK: { actions: 'mergeHeader' },
        AUTH_NACK: { actions: 'mergeHeader' },
        PONG: [
          { guard: 'claimSwitchesRole', target: '#node.candidate', actions: ['mergeHeader', 'applyPong', 'nodeAnswers'] },
          { actions: ['mergeHeader', 'applyPong', 'nodeAnswers'] },
        ],
        FAIL: { actions: ['mergeHeader', 'learnFail'] },
        PAUSE: pause(PHASE.VOTER),
        RESTART: { target: '#node.voter', actions: 'restart' },
        UPDATE: [
          { guard: 'claimSwitchesRole', target: '#node.candidate', actions: ['mergeHeader', 'applyUpdate'] },
          { actions: ['mergeHeader', 'applyUpdate'] },
        ],
      },
    },
    /** A replica: the candidate of §2. Replies are handled in any phase; the phase is the election's timeline. */
    candidate: {
      initial: 'idle',
      on: {
        // Branch 1 of §3: a replica is not a voting primary and stays silent.
        AUTH_REQUEST: { actions: 'mergeHeader' },
        AUTH_ACK: [
          { guard: and(['claimResetsElection', 'ackCounts']), target: '.idle', actions: ['mergeHeader', 'resetElection', 'countAck'] },
          { guard: 'claimResetsElection', target: '.idle', actions: ['mergeHeader', 'resetElection'] },
          { guard: 'ackCounts', actions: ['mergeHeader', 'countAck'] },
          { actions: 'mergeHeader' },
        ],
        AUTH_NACK: [
          { guard: 'claimResetsElection', target: '.idle', actions: ['mergeHeader', 'resetElection'] },
          { guard: and(['nackCounts', 'quorumUnreachable']), target: '.idle', actions: ['mergeHeader', 'countNack', 'resetElection'] },
          { guard: 'nackCounts', actions: ['mergeHeader', 'countNack'] },
          { actions: 'mergeHeader' },
        ],
        PONG: [
          { guard: 'claimSwitchesRole', target: '.idle', actions: ['mergeHeader', 'applyPong', 'resetElection', 'nodeAnswers'] },
          { guard: 'claimResetsElection', target: '.idle', actions: ['mergeHeader', 'resetElection', 'applyPong', 'nodeAnswers'] },
          { actions: ['mergeHeader', 'applyPong', 'nodeAnswers'] },
        ],
        FAIL: [
          { guard: 'claimResetsElection', target: '.idle', actions: ['mergeHeader', 'resetElection', 'learnFail'] },
          { actions: ['mergeHeader', 'learnFail'] },
        ],
        UPDATE: [
          { guard: 'claimSwitchesRole', target: '.idle', actions: ['mergeHeader', 'applyUpdate', 'resetElection'] },
          { guard: 'claimResetsElection', target: '.idle', actions: ['mergeHeader', 'resetElection', 'applyUpdate'] },
          { actions: ['mergeHeader', 'applyUpdate'] },
        ],
        FORCE_FAILOVER: { target: '.idle', actions: 'forceFailover' },
        // §15.4 a crash and restart too quick for failure detection: the election starts afresh.
        RESTART: { target: '.idle', actions: 'restart' },
        MF_TIMEOUT: { guard: 'manualFailoverRunning', actions: 'manualFailoverTimeout' },
      },
      states: {
        /** `failover_auth_time == 0`: no election, or one that was reset (§2.5). */
        idle: { on: { HANDLE_FAILOVER: schedule, PAUSE: pause(PHASE.IDLE) } },
        /** Scheduled, `now < failover_auth_time` (§2.4 step 6, WAITING_DELAY). */
        delayed: { on: { PAUSE: pause(PHASE.DELAYED) }, after: { electionDelay: { target: 'waiting', actions: ['startElection', 'requestVotes'] } } },
        /** Request sent, within auth_timeout (§2.4 step 9, WAITING_VOTES). */
        waiting: {
          on: {
            HANDLE_FAILOVER: { guard: 'quorumReached', target: '#node.voter', actions: ['winElection', 'broadcastPong'] },
            PAUSE: pause(PHASE.WAITING),
          },
          after: { authTimeout: 'expired' },
        },
        /** `auth_age > auth_timeout` (§2.4 step 7, EXPIRED); a new election after auth_retry_time. */
        expired: { on: { PAUSE: pause(PHASE.EXPIRED) }, after: { authRetry: schedule } },
      },
    },
    /**
     * Paused with a way back (§15.1): the process reads nothing, so messages to it wait in
     * their channels (HOLD_INPUT_TAG); RESUME goes back where it was, RESTART reloads
     * nodes.conf (§15.4). Both answer pings again.
     */
    frozen: {
      tags: [HOLD_INPUT_TAG],
      on: {
        RESUME: [
          { guard: pausedIn(PHASE.VOTER), target: '#node.voter', actions: ['resume', 'answerAgain'] },
          { guard: pausedIn(PHASE.IDLE), target: '#node.candidate.idle', actions: ['resume', 'answerAgain'] },
          { guard: pausedIn(PHASE.DELAYED), target: '#node.candidate.delayed', actions: ['resume', 'answerAgain'] },
          { guard: pausedIn(PHASE.WAITING), target: '#node.candidate.waiting', actions: ['resume', 'answerAgain'] },
          { guard: pausedIn(PHASE.EXPIRED), target: '#node.candidate.expired', actions: ['resume', 'answerAgain'] },
        ],
        RESTART: [
          { guard: pausedIn(PHASE.VOTER), target: '#node.voter', actions: ['restart', 'answerAgain'] },
          { target: '#node.candidate.idle', actions: ['restart', 'answerAgain'] },
        ],
      },
    },
    /** Paused for good (a fault budget without a way back): handles nothing, its input is lost with it. */
    paused: { type: 'final' },
  },
} as const;

/** The node machine starting as a primary (a voter). */
export const primaryMachine = nodeSetup.createMachine({ ...config, initial: 'voter' });
/** The node machine starting as a replica (a candidate). Same states, guards and actions. */
export const replicaMachine = nodeSetup.createMachine({ ...config, initial: 'candidate' });

/** The two machines a failover model uses; pass replacements to `createFailoverModel`. */
export interface FailoverMachines {
  readonly primary: AnyStateMachine;
  readonly replica: AnyStateMachine;
}

/** The default machines. */
export const defaultMachines: FailoverMachines = { primary: primaryMachine, replica: replicaMachine };

/**
 * Both machines with the same implementations replaced, e.g.
 * `provideBoth({ guards: { alreadyVoted: () => false } })` to try a deliberate bug.
 */
export function provideBoth(implementations: Parameters<typeof primaryMachine.provide>[0]): FailoverMachines {
  return { primary: primaryMachine.provide(implementations), replica: replicaMachine.provide(implementations) };
}
