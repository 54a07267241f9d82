import { assign, emit } from 'xstate';
import { messages, nackMessage, updates, type ActionEvent } from './actions.ts';
import { provideBoth } from './machine.ts';
import { bit, nodeIndex, nodeName } from './rules.ts';
import { NACK_REASON, type NodeContext, type Outgoing } from './types.ts';
import { FAULT_PRESETS, LEGACY, MIXED, NACK, NACK_4700, NACK_FIX, PLAN, REDIS, REDIS_PRESETS, STANDARD, SUITE_PRESETS, type FailoverMutant } from './mutantsKinds.ts';

type Update = (context: NodeContext, event: ActionEvent) => NodeContext;
type Message = (context: NodeContext, event: ActionEvent) => Outgoing;
type Rest = Omit<FailoverMutant, 'kind' | 'replaces' | 'extras'>;

/** A mutant that replaces the context update `name` (an `assign`) in both node machines. */
export function update(name: keyof typeof updates, body: Update, rest: Rest): FailoverMutant {
  const action = assign(({ context, event }: { context: NodeContext; event: ActionEvent }) => body(context, event));
  return { ...rest, kind: 'action', replaces: name, extras: () => ({ ...provideBoth({ actions: { [name]: action } } as never) }) };
}

/** A mutant that replaces the message `name` (an `emit`) in both node machines. */
export function message(name: keyof typeof messages | 'sendNack', body: (context: NodeContext, event: ActionEvent, params: { reason: number }) => Outgoing, rest: Rest): FailoverMutant {
  const action = emit(({ context, event }: { context: NodeContext; event: ActionEvent }, params: { reason: number }) => body(context, event, params) as never);
  return { ...rest, kind: 'action', replaces: name, extras: () => ({ ...provideBoth({ actions: { [name]: action } } as never) }) };
}

const same: Update = (context) => context;
const requester = (event: ActionEvent): string => event.from as string;
const allButMe = (context: NodeContext): string[] => context.role.map((_, j) => nodeName(context, j)).filter((_, j) => j !== context.k.me);
const withTo = (m: Message): ((c: NodeContext, e: ActionEvent) => Outgoing) => m;

/**
 * Deliberate bugs in the actions of the voter and the candidate: each replaces one named
 * action of actions.ts (a context update or a message), as an implementation slip would.
 */
export const actionMutants: readonly FailoverMutant[] = [
  update('mergeHeader', same, {
    name: 'mergeHeader-skipped',
    description: 'the common header processing is skipped: currentEpoch, configEpochs and capabilities are never learned from messages',
    variants: STANDARD,
  }),
  update('grantVote', (c, e) => ({ ...updates.grantVote(c, e), lastVote: c.lastVote }), {
    name: 'grantVote-not-recorded',
    description: 'the vote is sent but lastVoteEpoch is not updated (the persisted vote is lost)',
    variants: STANDARD,
  }),
  update('countAck', (c, e) => ({ ...updates.countAck(c, e), authCount: c.authCount + 2 }), {
    name: 'countAck-twice',
    description: 'an ACK is counted twice (failover_auth_count incremented in two places)',
    variants: STANDARD,
  }),
  update('countAck', same, {
    name: 'countAck-lost',
    description: 'a counted ACK never increments failover_auth_count: no election can reach quorum',
    variants: STANDARD,
    gap: `no election reaches quorum, so nobody wins: ${PLAN.canStillWin}`,
  }),
  update('countNack', same, {
    name: 'countNack-lost',
    description: 'a counted NACK never increments failover_auth_nack_count: no election fast-fails',
    variants: [NACK, NACK_FIX],
    presets: [...SUITE_PRESETS, ...FAULT_PRESETS.slack],
    gap: `no election fast-fails any more; in every suite preset but slack the first counted NACK already fast-fails (size - size_fail - 1 < quorum) through quorumUnreachable's own +1, and on slack the NACK that should fast-fail is P2's NOT_SAFE, which S7's premise does not count (only epoch-fixable NACKs); ${PLAN.fastFailDue}`,
  }),
  update('countNack', (c, e) => ({ ...updates.countNack(c, e), nackCount: c.nackCount + 2 }), {
    name: 'countNack-twice',
    description: 'a NACK is counted twice, so the fast-fail bound is reached early',
    variants: [NACK, NACK_FIX],
  }),
  update('resetElection', same, {
    name: 'resetElection-skipped',
    description: 'a reset leaves failover_auth_time set: the aborted election stays outstanding',
    variants: STANDARD,
  }),
  update('scheduleElection', (c, e) => ({ ...updates.scheduleElection(c, e), authCount: c.authCount, nackCount: c.nackCount }), {
    name: 'scheduleElection-keeps-counts',
    description: 'a new election keeps the previous one\'s ACK and NACK counts',
    variants: [NACK_FIX, NACK, LEGACY],
  }),
  update('startElection', (c, e) => ({ ...updates.startElection(c, e), cur: c.cur, authEpoch: c.cur }), {
    name: 'startElection-no-epoch-bump',
    description: 'the election runs in the current epoch instead of currentEpoch + 1',
    variants: STANDARD,
  }),
  update('winElection', (c, e) => ({ ...updates.winElection(c, e), cfg: c.cfg }), {
    name: 'winElection-keeps-config-epoch',
    description: 'the winner does not raise its configEpoch to the election epoch, so its claim never beats the old owner\'s',
    variants: STANDARD,
  }),
  update('applyPong', same, {
    name: 'applyPong-ignored',
    description: 'a PONG\'s role and slot claim is ignored: nobody learns of the winner',
    variants: STANDARD,
  }),
  update('applyUpdate', same, {
    name: 'applyUpdate-ignored',
    description: 'an UPDATE message is ignored: a replica with a stale view of its shard never learns the owner\'s configEpoch',
    variants: [NACK, NACK_FIX, LEGACY],
    gap: `in stale-config the stale replica never learns the owner's configEpoch and is refused STALE_CONFIG until its bound: ${PLAN.canStillWin}`,
  }),
  update('markPfail', same, {
    name: 'markPfail-ignored',
    description: 'the failure detector never flags PFAIL: a node that stopped answering is never marked FAIL',
    variants: [NACK, NACK_FIX],
    gap: `a paused voter (nack-then-fail, fail-report, fail-after-ack, pause-resume) is never marked PFAIL, so never FAIL: fewer behaviours, no wrong vote; ${PLAN.faultRemoved}`,
    presets: [...SUITE_PRESETS, ...FAULT_PRESETS.failReport, ...FAULT_PRESETS.pause],
  }),
  update('markFail', same, {
    name: 'markFail-ignored',
    description: 'PFAIL never becomes FAIL (markNodeAsFailing does nothing)',
    variants: [NACK, NACK_FIX],
    gap: `no PFAIL becomes FAIL: fewer behaviours (the presets start with the FAILs they need known), no wrong vote; ${PLAN.faultRemoved}`,
    presets: [...SUITE_PRESETS, ...FAULT_PRESETS.failReport, ...FAULT_PRESETS.pause],
  }),
  update('recomputeState', same, {
    name: 'recomputeState-skipped',
    description: 'clusterUpdateState never refreshes the cached size and size_fail',
    variants: [NACK, NACK_FIX],
    presets: [...SUITE_PRESETS, ...FAULT_PRESETS.slack, ...FAULT_PRESETS.failReport, ...FAULT_PRESETS.pause],
    gap: `the same as sizeStale-never, now also run on slack, fail-report, fail-after-ack and pause-resume: size_fail changes mid-election only when a paused voter is marked FAIL, a stale (too small) size_fail only delays a fast-fail, and S7 counts only epoch-fixable NACKs and primaries down from the start, while those presets' refusals are NOT_SAFE (pause-resume sends no NACK, slack changes no size); plan: S7's premise counting a FAIL learned mid-election (lead 5(a) of issue 8).`,
  }),
  update('loseLink', same, {
    name: 'loseLink-ignored',
    description: 'a lost link keeps delivering: replies over a broken link still arrive',
    variants: [NACK, NACK_FIX],
    gap: `${PLAN.faultRemoved}`,
  }),
  update('forceFailover', (c) => ({ ...c, mfUsed: true, authTime: false }), {
    name: 'forceFailover-no-manual-flag',
    description: 'CLUSTER FAILOVER FORCE resets the election but never sets mf_can_start',
    variants: [NACK, NACK_FIX],
    gap: `R5's forced failover in nack-then-fail never starts; the shard keeps its live primary; ${PLAN.manual}`,
  }),
  update('manualFailoverTimeout', same, {
    name: 'manualFailoverTimeout-ignored',
    description: 'a manual failover never times out (mf_end ignored)',
    variants: [NACK, NACK_FIX],
  }),
  update('votedTimeExpires', same, {
    name: 'votedTimeExpires-ignored',
    description: 'voted_time never expires: a voter refuses every later replica of a primary it once voted for',
    variants: [REDIS],
    presets: REDIS_PRESETS,
    gap: `voters refuse later replicas of a primary they voted for: fewer votes, never a wrong one; ${PLAN.canStillWin}`,
  }),
  message('sendAck', withTo((c, e) => ({ ...messages.sendAck(c, e), to: allButMe(c) })), {
    name: 'sendAck-broadcast',
    description: 'the AUTH_ACK is broadcast to every node instead of sent to the requester',
    variants: STANDARD,
  }),
  message('sendAck', withTo((c, e) => ({ ...messages.sendAck(c, e), to: requester(e) })), {
    name: 'sendAck-over-lost-link',
    description: 'the ACK is sent to the requester even when the outbound link to it is gone',
    variants: [NACK, NACK_FIX],
    gap: `an ACK over a lost link arrives as if the link were up: ${PLAN.faultRemoved}`,
  }),
  message('sendUpdate', withTo((c, e) => ({ ...messages.sendUpdate(c, e), to: [] })), {
    name: 'sendUpdate-silent',
    description: 'a stale-config refusal sends no UPDATE (the requester never learns the newer configEpoch)',
    variants: [NACK, LEGACY],
    gap: `the stale replica of stale-config is never told the newer configEpoch and is refused until its bound: ${PLAN.canStillWin}`,
  }),
  message('requestVotes', withTo((c, e) => ({ ...messages.requestVotes(c, e), force: false } as Outgoing)), {
    name: 'requestVotes-no-forceack',
    description: 'the AUTH_REQUEST never carries FORCEACK, even for a manual or best-ranked election',
    variants: STANDARD,
    gap: `forced and best-ranked elections lose FORCEACK, so voters that do not know the primary failed refuse them: fewer votes, never a wrong one; ${PLAN.manual}`,
  }),
  message('broadcastPong', withTo((c, e) => ({ ...messages.broadcastPong(c, e), to: [] })), {
    name: 'broadcastPong-silent',
    description: 'the winner does not broadcast its PONG: the cluster learns of the promotion late or never',
    variants: STANDARD,
  }),
  message('stopAnswering', withTo((c, e) => ({ ...messages.stopAnswering(c, e), to: [] })), {
    name: 'stopAnswering-silent',
    description: 'a paused node is never noticed by any failure detector',
    variants: [NACK, NACK_FIX],
    gap: `a paused node is never noticed: fewer behaviours, no wrong vote; ${PLAN.faultRemoved}`,
    presets: [...SUITE_PRESETS, ...FAULT_PRESETS.pause],
  }),
  message('sendNack', (c, e, p) => ({ ...nackMessage(c, e, p.reason), to: c.k.sw.nack && !bit(c.linkLost, nodeIndex(requester(e))) ? requester(e) : [] }), {
    name: 'sendNack-ignores-capability',
    description: 'a NACK goes to every requester, whether or not it advertises FAILOVER_AUTH_NACK_SUPPORTED',
    variants: [MIXED, NACK],
  }),
  message('sendNack', (c, e) => nackMessage(c, e, NACK_REASON.ALREADY_VOTED), {
    name: 'sendNack-wrong-reason',
    description: 'every NACK says ALREADY_VOTED, so #4700 counts refusals a new epoch cannot fix',
    variants: [NACK_4700, NACK],
  }),
  message('sendNack', (c, e, p) => ({ ...nackMessage(c, e, p.reason), epoch: c.cur } as Outgoing), {
    name: 'sendNack-echoes-current-epoch',
    description: 'the NACK echoes the voter\'s currentEpoch instead of the request epoch',
    variants: [NACK],
  }),
];
