import { guards, merged, type GuardArgs } from './guards.ts';
import { provideBoth } from './machine.ts';
import { bit, canFailover, isVoting, nodeIndex, quorum } from './rules.ts';
import { NO_PRIMARY_KNOWN, PRIMARY, type Header } from './types.ts';
import { FAULT_PRESETS, LEGACY, NACK, NACK_3833, NACK_FIX, PLAN, REDIS, REDIS_PRESETS, STANDARD, SUITE_PRESETS, type FailoverMutant } from './mutantsKinds.ts';

type Guard = (args: GuardArgs) => boolean;
type GuardName = keyof typeof guards;

/** A mutant that replaces the guard `name` with `body` in both node machines. */
export function guard(name: GuardName, body: Guard, rest: Omit<FailoverMutant, 'kind' | 'replaces' | 'extras'>): FailoverMutant {
  return { ...rest, kind: 'guard', replaces: name, extras: () => ({ ...provideBoth({ guards: { [name]: body } } as never) }) };
}

const hdr = (args: GuardArgs): Header => args.event.hdr as Header;
const sender = (args: GuardArgs): number => (args.event.from === undefined ? -1 : nodeIndex(args.event.from));

/**
 * Deliberate bugs in the guards of the voter (clusterSendFailoverAuthIfNeeded) and the
 * candidate (reply handling, clusterHandleReplicaFailover): each replaces one named guard of
 * guards.ts, as an implementation slip would.
 */
export const guardMutants: readonly FailoverMutant[] = [
  guard('isVotingPrimary', () => true, {
    name: 'isVotingPrimary-always',
    description: 'clusterNodeIsVotingPrimary dropped: a node votes whether or not it is a primary serving slots',
    variants: STANDARD,
    gap: `the voter state only ever holds primaries that own a shard (every primary starts with one and leaves the voter state when it loses its last), so the test is always true in these presets; plan: a preset with an empty primary (no slots yet), which must stay silent.`,
  }),
  guard('notSafeToJoin', () => false, {
    name: 'notSafeToJoin-ignored',
    description: 'safe_to_join not consulted: a primary that just restarted votes at once',
    variants: [NACK, NACK_FIX],
    gap: `in nack-then-fail the not-safe voters P1 and P2 grant instead of refusing, and the extra votes only help a legitimate forced failover; no property says that a voter that is not safe to join grants nothing (the preset's notSafeToJoin is a recorded fact such a property could read); plan: that property.`,
  }),
  guard('reqEpochOld', () => false, {
    name: 'reqEpochOld-ignored',
    description: 'the stale-request test (reqEpoch < currentEpoch) dropped: a request from an older epoch is granted',
    variants: STANDARD,
  }),
  guard('reqEpochOld', (a) => hdr(a).cur < a.context.cur, {
    name: 'reqEpochOld-before-merge',
    description: 'compares the request epoch with currentEpoch as it was before the header merge',
    variants: STANDARD,
    equivalent: 'the merge sets currentEpoch to max(currentEpoch, reqEpoch), and reqEpoch < max(c, reqEpoch) exactly when reqEpoch < c: the same answer in every state',
  }),
  guard('reqEpochOld', (a) => hdr(a).cur <= merged(a).cur, {
    name: 'reqEpochOld-off-by-one',
    description: '<= for <: a request of the current epoch counts as stale, so no vote is ever granted',
    variants: STANDARD,
  }),
  guard('alreadyVoted', () => false, {
    name: 'alreadyVoted-ignored',
    description: 'lastVoteEpoch == currentEpoch not tested: a voter grants every request of an epoch',
    variants: STANDARD,
  }),
  guard('alreadyVoted', (a) => a.context.lastVote === a.context.cur, {
    name: 'alreadyVoted-before-merge',
    description: 'tests lastVoteEpoch against currentEpoch before the request raised it: refuses a new epoch after voting in the old one',
    variants: STANDARD,
    gap: `the bug refuses (ALREADY_VOTED) a voter's first request of a new epoch after it voted in the previous one: fewer votes, never a wrong one, so only liveness can notice; ${PLAN.canStillWin}`,
  }),
  guard('requesterIsPrimary', () => false, {
    name: 'requesterIsPrimary-ignored',
    description: 'the "requester is a primary" refusal dropped: a node this voter knows as primary gets a vote',
    variants: STANDARD,
    gap: `a voter sees a requester as a primary only after that node claimed slots and was later deposed, and no preset deposes a winner that then requests again (the restart preset restarts primaries, which keep their role and slots, §15.4); plan: a preset in which a deposed winner rejoins as a replica and requests again.`,
  }),
  guard('noPrimary', () => false, {
    name: 'noPrimary-ignored',
    description: 'replicaof == NULL not tested: a replica with an unknown primary falls through to the later branches',
    variants: [NACK, NACK_FIX, ['nack-4654', 'fix-4700']],
  }),
  guard('primaryUp', () => false, {
    name: 'primaryUp-ignored',
    description: 'the FAIL test on the requester\'s primary dropped: a replica of a live primary gets votes',
    variants: STANDARD,
    gap: `voters grant before they know the requester's primary failed, but in every preset that primary really is down (or the request is forced), so the promotion is a correct outcome; ${PLAN.livePrimary}`,
  }),
  guard('primaryUp', (a) => {
    const p = a.context.role[sender(a)];
    return p < 0 || !bit(a.context.fail, p);
  }, {
    name: 'primaryUp-no-forceack',
    description: 'FORCEACK ignored: a forced (manual) failover is refused while the primary is up',
    variants: [NACK, NACK_FIX, LEGACY],
    gap: `the forced failover of nack-then-fail is refused by every voter whose view has P0 up, so R5 never wins; the shard keeps its live primary and L1 holds; ${PLAN.manual}`,
  }),
  guard('votedRecently', () => false, {
    name: 'votedRecently-ignored',
    description: 'Redis 7.0 voted_time rule dropped: votes for two replicas of one primary within 2 * node_timeout',
    variants: [REDIS],
    presets: REDIS_PRESETS,
    gap: `on siblings both replicas of P0 can now win in successive epochs; each win is backed by a quorum and the later configEpoch takes the slots (L3 holds: ownership converges to the later claim), so S1-S8 hold (Redis added voted_time against exactly that flapping); plan: a property that a failed shard gets one new primary per failure.`,
  }),
  guard('staleConfig', () => false, {
    name: 'staleConfig-ignored',
    description: 'the configEpoch check of the claimed slots dropped: a replica with a stale view of its shard gets votes',
    variants: STANDARD,
  }),
  guard('claimResetsElection', () => false, {
    name: 'claimResetsElection-never',
    description: 'a higher configEpoch claim no longer resets the election ("cannot win in the past" dropped)',
    variants: [NACK, NACK_FIX, LEGACY],
    gap: `an election that a newer claim should have reset goes on; if it still wins, it wins an older epoch than the claimant's with real votes, so S1-S6 hold, and its claim then loses the slots to the newer one; ${PLAN.slots}`,
  }),
  guard('ackCounts', () => true, {
    name: 'ackCounts-always',
    description: 'every AUTH_ACK is counted, whatever its sender and epoch',
    variants: STANDARD,
  }),
  guard('ackCounts', (a) => isVoting(merged(a), sender(a)), {
    name: 'ackCounts-no-epoch',
    description: 'the epoch test of an ACK dropped: an ACK from an earlier election counts in this one',
    variants: [NACK_FIX, NACK],
  }),
  guard('ackCounts', (a) => {
    const m = merged(a);
    return isVoting(m, sender(a)) && hdr(a).cur >= m.authEpoch;
  }, {
    name: 'ackCounts-no-outstanding',
    description: 'fix-4655\'s "request outstanding" test dropped: an ACK that arrives after a reset counts in the next election (#4655)',
    variants: [NACK_FIX],
  }),
  guard('nackCounts', (a) => {
    const m = merged(a);
    return m.k.sw.nack && m.authTime && m.authSent && isVoting(m, sender(a));
  }, {
    name: 'nackCounts-no-epoch',
    description: 'the epoch gate of a NACK dropped: a NACK from any election counts',
    variants: [NACK, NACK_FIX],
  }),
  guard('nackCounts', (a) => {
    const m = merged(a);
    const from = sender(a);
    if (!m.k.sw.nack || !m.authTime || !m.authSent || !isVoting(m, from)) return false;
    const epochOk = m.k.sw.nackEcho ? a.event.epoch === m.authEpoch : hdr(a).cur >= m.authEpoch;
    return epochOk;
  }, {
    name: 'nackCounts-no-fail-test',
    description: 'the "sender is FAIL" test of §4.4 dropped: a NACK from a voter already subtracted as failed is counted too',
    variants: [NACK, NACK_FIX],
    // The FAIL test matters once FAIL can come from a reporter before the NACK (§15.2): those presets first.
    presets: [...FAULT_PRESETS.failReport, ...SUITE_PRESETS],
  }),
  guard('nackCounts', (a) => guards.nackCounts({ ...a, event: { ...a.event, epoch: hdr(a).cur } }), {
    name: 'nackCounts-header-epoch',
    description: 'reads the header epoch where the echoed request epoch is meant (nack-4654 becomes nack-3833, #4627)',
    variants: [NACK],
  }),
  guard('quorumUnreachable', () => true, {
    name: 'quorumUnreachable-always',
    description: 'any counted NACK fast-fails the election, reachable quorum or not',
    variants: [NACK, NACK_FIX, NACK_3833],
  }),
  guard('quorumUnreachable', (a) => {
    const m = merged(a);
    return m.size - m.sizeFail - (m.nackCount + 1) <= quorum(m);
  }, {
    name: 'quorumUnreachable-off-by-one',
    description: '<= for <: fast-fails when exactly quorum votes are still reachable',
    variants: [NACK, NACK_FIX],
  }),
  guard('quorumUnreachable', (a) => {
    const m = merged(a);
    return m.size - (m.nackCount + 1) < quorum(m);
  }, {
    name: 'quorumUnreachable-no-size-fail',
    description: 'forgets size_fail: failed voters still count as reachable, so a hopeless election waits for its timeout',
    variants: [NACK, NACK_FIX],
  }),
  guard('quorumReached', () => true, {
    name: 'quorumReached-always',
    description: 'the winner check passes at once: a candidate promotes itself without a quorum of ACKs',
    variants: STANDARD,
  }),
  guard('quorumReached', ({ context }) => context.authCount >= quorum(context) - 1 && canFailover(context), {
    name: 'quorumReached-off-by-one',
    description: 'quorum - 1 ACKs are taken as enough (size/2 for size/2 + 1)',
    variants: STANDARD,
  }),
  guard('canFailover', ({ context }) => context.role[context.k.me] !== PRIMARY && context.role[context.k.me] !== NO_PRIMARY_KNOWN, {
    name: 'canFailover-no-fail-test',
    description: 'a replica starts an election without its primary being FAIL (or a manual failover)',
    variants: STANDARD,
    gap: `the only replicas with a live primary (R5 of nack-then-fail, fail-report, fail-after-ack) start elections that every voter refuses with PRIMARY_UP or NOT_SAFE, so nothing is promoted over a primary that is up and S8 holds; plan: a property that an election without FORCEACK starts only after the candidate was told its primary is FAIL (the MARK_FAIL and FAIL steps the monitor sees).`,
  }),
  guard('startsAtOnce', () => true, {
    name: 'startsAtOnce-always',
    description: 'every election skips the rank delay and sends its request in the scheduling call',
    variants: STANDARD,
    equivalent: 'in the untimed search the rank-delay timer may fire at any moment, including right after scheduling, so starting at once is one of the original behaviours (the original only adds interleavings while delayed); it differs only in time, which the timed simulator measures but does not judge',
  }),
  guard('startsAtOnce', () => false, {
    name: 'startsAtOnce-never',
    description: 'the immediate start of a manual, zero-delay or best-ranked replica is lost: every election waits its delay',
    variants: STANDARD,
  }),
  guard('claimSwitchesRole', () => false, {
    name: 'claimSwitchesRole-never',
    description: 'a node whose shard was taken over keeps its role: a deposed primary still votes, a replica keeps its dead primary',
    variants: STANDARD,
    gap: `a node whose slots were taken over keeps voting or keeps following its dead primary; in these presets that changes no vote that matters before the properties stop looking; ${PLAN.slots}`,
  }),
];
