import {
  bit,
  computeSize,
  computeSizeFail,
  canFailover as canFailoverRule,
  claimResets,
  isVoting,
  mergeHeaderInto,
  nodeIndex,
  quorum,
  startsAtOnce as startsAtOnceRule,
  applyClaim,
} from './rules.ts';
import { EPOCH_FIXABLE_REASONS, NO_PRIMARY_KNOWN, PRIMARY, type Header, type NodeContext } from './types.ts';

/**
 * Named guards of the node machine. Each takes `{ context, event }` like an XState guard and
 * is pure. Message guards judge the context *after* the common header processing of §5.1
 * (`clusterProcessPacket` merges the header before the type-specific code), so they
 * evaluate on {@link merged}; the transition's first action, `mergeHeader`, makes it real.
 */
export interface GuardArgs {
  readonly context: NodeContext;
  readonly event: { readonly type: string; readonly from?: string; readonly [key: string]: unknown };
}

type Guard = (args: GuardArgs) => boolean;

/** The context after the header merge of §5.1 for a message event (unchanged for others). */
export function merged({ context, event }: GuardArgs): NodeContext {
  const hdr = event.hdr as Header | undefined;
  if (hdr === undefined || event.from === undefined) return context;
  return mergeHeaderInto(context, nodeIndex(event.from), hdr);
}

function sender(event: GuardArgs['event']): number {
  return event.from === undefined ? -1 : nodeIndex(event.from);
}

function hdrOf(event: GuardArgs['event']): Header {
  return event.hdr as Header;
}

// ---- Voter: clusterSendFailoverAuthIfNeeded, refusal branches in code order (§3) ----

/** Branch 1 (§3, §1.1 clusterNodeIsVotingPrimary): I am a primary with slots; otherwise stay silent. */
const isVotingPrimary: Guard = (args) => isVoting(merged(args), args.context.k.me);

/** Branch 2 (§3, clusterUpdateState's safe_to_join): not safe to vote yet; absent in Redis 7.0 (§9). */
const notSafeToJoin: Guard = ({ context }) => !context.k.sw.redis7 && !context.k.safeToJoin;

/** Branch 3 (§3): `reqEpoch < currentEpoch`, judged after the merge raised currentEpoch. */
const reqEpochOld: Guard = (args) => hdrOf(args.event).cur < merged(args).cur;

/** Branch 4 (§3): `lastVoteEpoch == currentEpoch` (already voted in this epoch). */
const alreadyVoted: Guard = (args) => {
  const m = merged(args);
  return m.lastVote === m.cur;
};

/** Branch 5a (§3): the requester is a primary in my view (role is not taken from the request). */
const requesterIsPrimary: Guard = (args) => args.context.role[sender(args.event)] === PRIMARY;

/** Branch 5b (§3): `node->replicaof == NULL`, I do not know the requester's primary. */
const noPrimary: Guard = (args) => args.context.role[sender(args.event)] === NO_PRIMARY_KNOWN;

/** Branch 5c (§3, §8.12): the requester's primary is not FAIL in my view and no FORCEACK. */
const primaryUp: Guard = (args) => {
  const p = args.context.role[sender(args.event)];
  return (p < 0 || !bit(args.context.fail, p)) && args.event.force !== true;
};

/** Redis 7.0 / V-2024 only (§3 table, §9): voted for a replica of this primary within 2 * node_timeout. */
const votedRecently: Guard = (args) => {
  const p = args.context.role[sender(args.event)];
  return args.context.k.sw.redis7 && p >= 0 && bit(args.context.votedRecently, p);
};

/**
 * Branch 6 (§3): some slot in the request's `myslots` is owned, in my view, by a node whose
 * configEpoch is greater than the request's configEpoch.
 */
const staleConfig: Guard = (args) => {
  const m = merged(args);
  const hdr = hdrOf(args.event);
  if (hdr.shard < 0 || hdr.shard >= m.owner.length) return false;
  return m.cfg[m.owner[hdr.shard]] > hdr.cfg;
};

// ---- Candidate: reply handling in clusterProcessPacket (§4.3, §4.4, §4.6, §5.1) ----

/** §5.1 (PRs #1009/#1339): the header's configEpoch claim resets my election. */
const claimResetsElection: Guard = ({ context, event }) =>
  event.hdr !== undefined && event.from !== undefined && claimResets(context, nodeIndex(event.from), hdrOf(event));

/**
 * §4.6 ACK gate: sender is a voting primary in my view and the header epoch is at least
 * `failover_auth_epoch`. V-merged checks nothing else (§8.3); fix-4655 also needs an
 * outstanding request (`failover_auth_time != 0 && failover_auth_sent`).
 */
const ackCounts: Guard = (args) => {
  const m = merged(args);
  if (!isVoting(m, sender(args.event)) || hdrOf(args.event).cur < m.authEpoch) return false;
  return !m.k.sw.fix4655 || (m.authTime && m.authSent);
};

/**
 * §4.3 NACK gate and §4.4 FAIL check: an outstanding request, a voting sender, the epoch
 * test (#4654: echoed epoch equals `failover_auth_epoch`; #3833: header epoch at least it),
 * sender not FAIL, and with #4700 only epoch-fixable reasons.
 */
const nackCounts: Guard = (args) => {
  const m = merged(args);
  const from = sender(args.event);
  if (!m.k.sw.nack || !m.authTime || !m.authSent || !isVoting(m, from)) return false;
  const epochOk = m.k.sw.nackEcho ? args.event.epoch === m.authEpoch : hdrOf(args.event).cur >= m.authEpoch;
  if (!epochOk || bit(m.fail, from)) return false;
  return !m.k.sw.fix4700 || EPOCH_FIXABLE_REASONS.includes(args.event.reason as number);
};

/** §4.4 fast-fail bound, with this NACK counted: `size - size_fail - nack_count < quorum`. */
const quorumUnreachable: Guard = (args) => {
  const m = merged(args);
  return m.size - m.sizeFail - (m.nackCount + 1) < quorum(m);
};

/** §2.4 step 9: `failover_auth_count >= quorum`, and the step-1 preconditions still hold (§2.5). */
const quorumReached: Guard = ({ context }) => context.authCount >= quorum(context) && canFailoverRule(context);

/** §2.4 step 1: I am a replica whose primary is FAIL in my view (or a manual failover runs). */
const canFailover: Guard = ({ context }) => canFailoverRule(context);

/** §2.4 step 4: manual, zero delay or best-ranked replica (PR #2227): send in the same call. */
const startsAtOnce: Guard = ({ context }) => startsAtOnceRule(context);

/** §5.2/§2.8: a PONG or UPDATE moved my primary's (or my own) slots to the sender's side. */
const claimSwitchesRole: Guard = (args) => {
  const m = merged(args);
  const e = args.event;
  if (e.type === 'PONG') {
    const hdr = hdrOf(e);
    return hdr.primary && applyClaim(m, sender(e), hdr.cfg, hdr.shard).switched;
  }
  if (e.type === 'UPDATE') {
    const node = e.node as number;
    const cfg = e.cfg as number;
    if (m.cfg[node] >= cfg) return false;
    const withCfg = { ...m, cfg: m.cfg.map((c, j) => (j === node ? cfg : c)) };
    return applyClaim(withCfg, node, cfg, e.shard as number).switched;
  }
  return false;
};

// ---- Steps of any node: failure detection, state recompute, faults (§11, §13.4, §15) ----

/** §11.5 markNodeAsFailingIfNeeded: the node is PFAIL in my view (`nodeTimedOut`) and not FAIL yet; the report quorum is abstracted (§11.9). */
const timedOut: Guard = ({ context, event }) => bit(context.pfail, event.node as number) && !bit(context.fail, event.node as number);

/** §11.7 clearNodeFailureIfNeeded (voting primary): FAIL in my view and it answered again since (the 2 * node_timeout wait is abstract time). */
const failUndoable: Guard = ({ context, event }) => bit(context.fail & context.back, event.node as number);

/** §8.8/§13.4 clusterUpdateState changes something: the cached `size` or `size_fail` is stale. */
const sizeStale: Guard = ({ context }) => computeSize(context) !== context.size || computeSizeFail(context) !== context.sizeFail;

/** §2.6 manualFailoverCheckTimeout has something to abort: a manual failover runs. */
const manualFailoverRunning: Guard = ({ context }) => context.mf;

/** Redis 7.0 `voted_time` (§3 table, §9): I voted for a replica of `event.node` within 2 * node_timeout. */
const votedTimeRunning: Guard = ({ context, event }) => bit(context.votedRecently, event.node as number);

/** §12.3 best-effort saving: nodes.conf does not have my last vote yet. */
const voteUnsaved: Guard = ({ context }) => context.savedVote !== context.lastVote;

/** §15.1: this node has a resume or restart budget, so a pause keeps its input queued. */
const mayComeBack: Guard = ({ context }) => context.k.mayResume || context.k.mayRestart;

/** §15.1: the node was paused in state `params.phase` (a PHASE code). */
const pausedIn = ({ context }: GuardArgs, params: { phase: number }): boolean => context.resumeTo === params.phase;

/** All named guards, for `setup({ guards })`; replace any with `machine.provide({ guards })`. */
export const guards = {
  isVotingPrimary,
  notSafeToJoin,
  reqEpochOld,
  alreadyVoted,
  requesterIsPrimary,
  noPrimary,
  primaryUp,
  votedRecently,
  staleConfig,
  claimResetsElection,
  ackCounts,
  nackCounts,
  quorumUnreachable,
  quorumReached,
  canFailover,
  startsAtOnce,
  claimSwitchesRole,
  timedOut,
  failUndoable,
  sizeStale,
  manualFailoverRunning,
  votedTimeRunning,
  voteUnsaved,
  mayComeBack,
  pausedIn,
};
