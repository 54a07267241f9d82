import { assign } from 'xstate';
import { messages, paramUpdates, updates, type ActionEvent } from './actions.ts';
import { provideBoth } from './machine.ts';
import { bit, nodeIndex } from './rules.ts';
import { type NodeContext, type Outgoing } from './types.ts';
import { message, update } from './mutantsActions.ts';
import { guard } from './mutantsGuards.ts';
import { FAULT_PRESETS, LOSSY_SAVE, NACK, NACK_FIX, PLAN, REDIS, REDIS_PRESETS, type FailoverMutant } from './mutantsKinds.ts';

const same = (context: NodeContext): NodeContext => context;
const silent = (m: Outgoing): Outgoing => ({ ...m, to: [] });

/**
 * Deliberate bugs in the failure-handling and fault steps of §11, §12 and §15 (FAIL marks and
 * FAIL messages, FAIL clearing, clusterUpdateState, manual-failover timeout, voted_time,
 * best-effort saving, pause, resume, restart): each replaces one named guard or action, and
 * runs on the presets where that step happens.
 */
export const faultMutants: readonly FailoverMutant[] = [
  guard('timedOut', () => true, {
    name: 'timedOut-always',
    description: 'markNodeAsFailingIfNeeded without the nodeTimedOut test: a node is marked FAIL (and reported) without ever being PFAIL',
    variants: [NACK],
    presets: ['fail-report', ...FAULT_PRESETS.pause],
    gap: `a FAIL without PFAIL matters only for a primary that is up and has a replica, which then starts an unforced election; the presets with such a primary (fail-report here, also nack-then-fail and fail-after-ack) have two voters that are not safe to join, so that election cannot reach a quorum and S8 never sees a takeover; the bug also blows fail-report past the state cap (the run is cut), and on pause-resume P0 is really down and FAIL from the start. Plan: a preset with a live primary, its replica and enough safe voters, where S8 would see the takeover.`,
  }),
  guard('failUndoable', ({ context, event }) => bit(context.fail, event.node as number), {
    name: 'failUndoable-no-answer',
    description: 'clearNodeFailureIfNeeded without the "answered again" test: a FAIL is cleared while the node is still silent',
    variants: [NACK],
    presets: FAULT_PRESETS.pause,
    gap: `clearing P1's FAIL while it is still frozen only changes the candidate's size_fail, which matters only for a fast-fail, and pause-resume sends no NACK at all (its S7 is, moreover, already violated by the unmodified model, so S7 is no judge there); plan: a pause-resume preset with an epoch-fixable NACK, where S4 would see a fast-fail counted on the wrong size_fail.`,
  }),
  guard('sizeStale', () => false, {
    name: 'sizeStale-never',
    description: 'clusterUpdateState thinks its cache is always fresh: size and size_fail are never recomputed',
    variants: [NACK],
    presets: [...FAULT_PRESETS.slack, ...FAULT_PRESETS.failReport, ...FAULT_PRESETS.pause, 'nack-then-fail'],
    gap: `size_fail changes mid-election only when a paused voter is marked FAIL (nack-then-fail, fail-report, fail-after-ack, pause-resume); a size_fail left too small only delays a fast-fail, and S7, which judges a fast-fail that is due, counts only epoch-fixable NACKs and the FAIL of primaries down from the start, while the refusals of those presets are NOT_SAFE (and pause-resume sends no NACK); slack has nothing that changes size or size_fail. Plan: S7's premise counting a FAIL learned mid-election, on a preset with epoch-fixable refusals and a voter that pauses.`,
  }),
  guard('manualFailoverRunning', () => false, {
    name: 'manualFailoverRunning-never',
    description: 'manualFailoverCheckTimeout never sees a running manual failover, so mf_end never aborts it',
    variants: [NACK],
    presets: ['nack-then-fail', ...FAULT_PRESETS.failReport],
    gap: `with the guard never true, MF_TIMEOUT is never taken: the manual failover never times out, and S8's exemption (a CLUSTER FAILOVER FORCE with no MF_TIMEOUT since) truly applies to the takeover of the live P0, so nothing is wrong in the untimed model (manualFailoverTimeout-ignored differs: there the step is taken, S8 sees the aborted manual failover and catches the takeover); the bug is a timing bug; plan: a timed check that a manual failover ends within mf_timeout (the timed simulator measures it but does not judge it).`,
  }),
  guard('votedTimeRunning', () => false, {
    name: 'votedTimeRunning-never',
    description: 'Redis 7.0\'s voted_time is never seen as running, so it never expires and the voter refuses every later replica of that primary',
    variants: [REDIS],
    presets: REDIS_PRESETS,
    gap: `voters refuse later replicas of a primary they voted for: fewer votes, never a wrong one; the redis-7.0 presets of the suite (smaller ones only, for CI time) always have a first election that wins, so L2 holds; plan: run the mutant on a redis-7.0 preset whose first election must fail.`,
  }),
  guard('voteUnsaved', () => false, {
    name: 'voteUnsaved-never',
    description: 'the background save thinks nodes.conf is up to date: a granted vote is never saved',
    variants: [LOSSY_SAVE],
    presets: FAULT_PRESETS.restart,
    gap: `the only run, restart with restart-loses-vote, has 170,804 states on the unmodified model, above the suite's 150,000-state cap, so it is skipped and the mutant is never run (restart cannot go below maxEpoch 4). SAVE_CONFIG is offered only under that deliberate-bug variant (without it every vote is saved with the grant), and its unmodified model already breaks S1, S3 and L3 there, so those would not judge anyway: the bug only adds more of the same lost-vote violation. Plan: none beyond the variant, which already documents the lost vote (checks valkey-restart-loses-vote).`,
  }),
  guard('mayComeBack', () => false, {
    name: 'mayComeBack-never',
    description: 'the resume budget is not consulted: every pause is for good, the paused node\'s queued input is lost',
    variants: [NACK],
    presets: FAULT_PRESETS.pause,
    gap: `P1 pauses for good instead of resuming, which leaves two of the three primaries down: L1 excuses that state (a majority of primaries down), and the behaviours in which P1 voted before it paused still promote R3; otherwise only behaviours are removed; ${PLAN.faultRemoved}`,
  }),
  guard('pausedIn', () => true, {
    name: 'pausedIn-always',
    description: 'the saved phase is not compared: a resumed or restarted node always goes back to the first state listed, the voter',
    variants: [NACK],
    presets: FAULT_PRESETS.pause,
    gap: `only primaries pause with a way back in the presets (pause-resume's P1), and for them the first branch, the voter, is the right one; plan: a preset in which a replica pauses and resumes mid-election.`,
  }),
  update('learnFail', same, {
    name: 'learnFail-ignored',
    description: 'a received FAIL message is ignored: only a node\'s own failure detector marks FAIL',
    variants: [NACK],
    presets: FAULT_PRESETS.failReport,
    gap: `FAIL is then learned only from a node's own failure detector, which every node of fail-report and fail-after-ack has too: fewer behaviours (the orders in which a reported FAIL arrives first), no wrong vote; ${PLAN.faultRemoved}`,
  }),
  update('learnFail', (c, e) => updates.learnFail(c, { ...e, node: e.from === undefined ? -1 : nodeIndex(e.from) }), {
    name: 'learnFail-marks-sender',
    description: 'the FAIL message marks its sender FAIL instead of the node it names',
    variants: [NACK, NACK_FIX],
    presets: FAULT_PRESETS.failReport,
  }),
  update('nodeAnswers', same, {
    name: 'nodeAnswers-ignored',
    description: 'a PONG from a suspected node clears nothing: its PFAIL stays and its FAIL can never be cleared',
    variants: [NACK],
    presets: FAULT_PRESETS.pause,
    gap: `PFAIL and FAIL of the resumed P1 stay, so R3 keeps subtracting P1 in size_fail, which matters only for a fast-fail, and pause-resume sends no NACK; CLEAR_FAIL is then never enabled: fewer behaviours; plan: a pause-resume preset with an epoch-fixable NACK.`,
  }),
  update('clearFail', (c) => ({ ...c, fail: 0, back: 0 }), {
    name: 'clearFail-all',
    description: 'clearing one node\'s FAIL clears every FAIL flag, including that of the primary that is really down',
    variants: [NACK],
    presets: FAULT_PRESETS.pause,
  }),
  update('resume', (c, e) => updates.restart(c, e), {
    name: 'resume-as-restart',
    description: 'SIGCONT handled like a restart: the vote is reloaded and the election, manual failover and voted_time start afresh',
    variants: [NACK],
    presets: FAULT_PRESETS.pause,
    gap: `only the primary P1 pauses with a way back, and for a primary restart() differs from resume() only in the election, manual-failover and voted_time fields a voter does not use, lastVoteEpoch reloaded from nodes.conf (equal to the in-memory one without restart-loses-vote) and a recompute of size and size_fail that only a candidate reads: the same behaviour on this preset (not in general: a replica would lose its election); plan: a preset in which a replica pauses and resumes mid-election.`,
  }),
  update('restart', (c, e) => ({ ...updates.restart(c, e), lastVote: 0 }), {
    name: 'restart-forgets-vote',
    description: 'clusterLoadConfig does not restore lastVoteEpoch: a restarted voter can vote again in the epoch it voted in',
    variants: [NACK],
    presets: FAULT_PRESETS.restart,
  }),
  update('saveConfig', same, {
    name: 'saveConfig-ignored',
    description: 'the background save completes without writing the last vote',
    variants: [LOSSY_SAVE],
    presets: FAULT_PRESETS.restart,
    gap: `the same as voteUnsaved-never: the only run, restart with restart-loses-vote, has 170,804 states on the unmodified model, above the suite's 150,000-state cap, so it is skipped and the mutant is never run (restart cannot go below maxEpoch 4). SAVE_CONFIG is offered only under that deliberate-bug variant (without it every vote is saved with the grant), and its unmodified model already breaks S1, S3 and L3 there, so those would not judge anyway: the bug only adds more of the same lost-vote violation. Plan: none beyond the variant, which already documents the lost vote (checks valkey-restart-loses-vote).`,
  }),
  {
    name: 'rememberPhase-no-phase',
    description: 'a pause does not record the state it happened in, so no RESUME branch matches and the node never comes back',
    kind: 'action',
    replaces: 'rememberPhase',
    variants: [NACK],
    presets: FAULT_PRESETS.pause,
    extras: () => ({
      ...provideBoth({
        actions: {
          rememberPhase: assign(({ context, event }: { context: NodeContext; event: ActionEvent }, params: { phase: number }) => ({
            ...paramUpdates.rememberPhase(context, event, params),
            resumeTo: 0,
          })),
        },
      } as never),
    }),
    gap: `P1 never comes back after its pause, the same outcome as mayComeBack-never except that its input stays queued: L1 excuses the majority down, and the behaviours in which P1 voted before the pause still promote R3; ${PLAN.faultRemoved}`,
  },
  message('answerAgain', (c, e) => silent(messages.answerAgain(c, e)), {
    name: 'answerAgain-silent',
    description: 'a node back after a pause answers no ping: its peers never clear its PFAIL or FAIL',
    variants: [NACK],
    presets: FAULT_PRESETS.pause,
    gap: `peers are never told that P1 answers again, so its PFAIL and FAIL stay: that only changes size_fail, which matters only for a fast-fail, and pause-resume sends no NACK; fewer behaviours otherwise; plan: a pause-resume preset with an epoch-fixable NACK.`,
  }),
  message('sendFail', (c, e) => silent(messages.sendFail(c, e)), {
    name: 'sendFail-silent',
    description: 'clusterSendFail broadcasts nothing: a failure reporter\'s FAIL stays its own',
    variants: [NACK],
    presets: FAULT_PRESETS.failReport,
    gap: `the FAIL stays the reporter's own, so candidates learn P1 FAIL only from their own detector: fewer behaviours (the orders of lead (b) where a reported FAIL arrives first), no wrong vote; ${PLAN.faultRemoved}`,
  }),
  message('sendFail', (c, e) => ({ ...messages.sendFail(c, e), node: c.k.me } as Outgoing), {
    name: 'sendFail-names-me',
    description: 'the FAIL message names the reporter (myself) instead of the failing node',
    variants: [NACK, NACK_FIX],
    presets: FAULT_PRESETS.failReport,
  }),
];

