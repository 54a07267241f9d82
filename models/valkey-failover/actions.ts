import {
  applyClaim,
  bit,
  computeSize,
  computeSizeFail,
  headerOf,
  isBestRanked,
  isVoting,
  mergeHeaderInto,
  myPrimary,
  nodeIndex,
  nodeName,
  readersOf,
  shardOwnedBy,
  withAt,
} from './rules.ts';
import { FAULT, PRIMARY, type Header, type NodeContext, type Outgoing } from './types.ts';

/**
 * The bodies of the node machine's named actions, as pure functions. `machine.ts` registers
 * the context updates with `assign` and the messages with `emit`. Every function returns a
 * new value and never mutates its arguments.
 */
export interface ActionEvent {
  readonly type: string;
  readonly from?: string;
  readonly [key: string]: unknown;
}

type Update = (context: NodeContext, event: ActionEvent) => NodeContext;
type Message = (context: NodeContext, event: ActionEvent) => Outgoing;

const NOBODY: readonly string[] = [];

function from(event: ActionEvent): number {
  return event.from === undefined ? -1 : nodeIndex(event.from);
}

/** Reply address: the requester, or nobody when my outbound link to it is gone (§3 branch 7, §4.2). */
function replyTo(context: NodeContext, event: ActionEvent): string | readonly string[] {
  const j = from(event);
  return j < 0 || bit(context.linkLost, j) ? NOBODY : (event.from as string);
}

/** Every other node over its outbound link (`clusterBroadcastMessage`, §2.4 step 8). */
function everyoneElse(context: NodeContext): readonly string[] {
  const out: string[] = [];
  for (let j = 0; j < context.role.length; j++) {
    if (j !== context.k.me && !bit(context.linkLost, j)) out.push(nodeName(context, j));
  }
  return out;
}

// ---- context updates (assign) ----

/** §5.1 common header processing (clusterProcessPacket), before any type-specific code. */
const mergeHeader: Update = (context, event) =>
  event.hdr === undefined || event.from === undefined ? context : mergeHeaderInto(context, from(event), event.hdr as Header);

/** §3 branch 7: `lastVoteEpoch = currentEpoch`; Redis 7.0 also stamps the primary's voted_time. */
const grantVote: Update = (context, event) => {
  const p = context.role[from(event)];
  const voted = context.k.sw.redis7 && p >= 0 ? context.votedRecently | (1 << p) : context.votedRecently;
  // §12.3: with `sync` saving the vote is fsynced to nodes.conf before the ACK leaves
  // (clusterBeforeSleep saves before the write handler runs); the lossy variant saves later.
  const savedVote = context.k.sw.lossySave ? context.savedVote : context.cur;
  return { ...context, lastVote: context.cur, votedRecently: voted, savedVote };
};

/** §4.6: `failover_auth_count += 1` (fix-4655 also sets the sender's acked bit). */
const countAck: Update = (context, event) => ({
  ...context,
  authCount: context.authCount + 1,
  acked: context.k.sw.fix4655 ? context.acked | (1 << from(event)) : context.acked,
});

/** §4.4 clusterProcessFailoverAuthNack: `failover_auth_nack_count += 1` (no de-duplication). */
const countNack: Update = (context, event) => ({
  ...context,
  nackCount: context.nackCount + 1,
  nacked: context.k.sw.fix4655 ? context.nacked | (1 << from(event)) : context.nacked,
});

/** §2.5 reset: `failover_auth_time = 0`; the next handler run schedules afresh. */
const resetElection: Update = (context) => ({ ...context, authTime: false });

/** §2.4 step 4: schedule a new election; counters are cleared here, not when sending (§4.5). */
const scheduleElection: Update = (context) => ({
  ...context,
  authTime: true,
  authSent: false,
  authCount: 0,
  nackCount: 0,
});

/**
 * §2.4 step 8: `currentEpoch += 1`, `failover_auth_epoch = currentEpoch`, sent = 1;
 * fix-4655 clears the per-voter reply bits (clusterResetFailoverAuthResponses).
 */
const startElection: Update = (context) => ({
  ...context,
  cur: context.cur + 1,
  authEpoch: context.cur + 1,
  authSent: true,
  elections: context.elections + 1,
  acked: context.k.sw.fix4655 ? 0 : context.acked,
  nacked: context.k.sw.fix4655 ? 0 : context.nacked,
});

/**
 * §2.5 win: configEpoch = failover_auth_epoch when higher, clusterFailoverReplaceYourPrimary
 * (become primary, take the old primary's slots, clusterUpdateState at once, reset the
 * manual failover, `failover_auth_time = 0` per PR #1711).
 */
const winElection: Update = (context) => {
  const me = context.k.me;
  const p = myPrimary(context);
  const shard = shardOwnedBy(context, p);
  const won: NodeContext = {
    ...context,
    cfg: withAt(context.cfg, me, Math.max(context.cfg[me], context.authEpoch)),
    role: withAt(context.role, me, PRIMARY),
    owner: shard >= 0 ? withAt(context.owner, shard, me) : context.owner,
    authTime: false,
    mf: false,
  };
  return recomputeState(won, { type: 'UPDATE_STATE' });
};

/** §5.1 + §5.2 + §2.8 for a PONG: role switch and slot rebinding from a primary's claim. */
const applyPong: Update = (context, event) => {
  const hdr = event.hdr as Header;
  if (!hdr.primary) return context;
  const { ctx, switched } = applyClaim(context, from(event), hdr.cfg, hdr.shard);
  return switched ? { ...ctx, authTime: false } : ctx;
};

/** §5.3 UPDATE handler: ignored unless newer; then primary flag, configEpoch, clusterUpdateSlotsConfigWith. */
const applyUpdate: Update = (context, event) => {
  const node = event.node as number;
  const cfg = event.cfg as number;
  if (context.cfg[node] >= cfg) return context;
  const withCfg = { ...context, cfg: withAt(context.cfg, node, cfg) };
  const { ctx, switched } = applyClaim(withCfg, node, cfg, event.shard as number);
  return switched ? { ...ctx, authTime: false } : ctx;
};

/** §6 PFAIL: the sender stopped answering pings (the DOWN pseudo-message). */
const markPfail: Update = (context, event) => {
  const j = from(event);
  return bit(context.fail | context.pfail, j) ? context : { ...context, pfail: context.pfail | (1 << j) };
};

/** §6 markNodeAsFailing: PFAIL -> FAIL (the report quorum is abstracted away). */
const markFail: Update = (context, event) => {
  const j = event.node as number;
  return { ...context, fail: context.fail | (1 << j), pfail: context.pfail & ~(1 << j) };
};

/**
 * §11.6 FAIL receipt (clusterProcessPacket, type FAIL): mark the named node FAIL unless it is
 * me or FAIL already; no quorum check.
 */
const learnFail: Update = (context, event) => {
  const j = event.node as number;
  if (j === context.k.me || bit(context.fail, j)) return context;
  return { ...context, fail: context.fail | (1 << j), pfail: context.pfail & ~(1 << j) };
};

/**
 * §11.7 a PONG from a node I suspect (clusterProcessPacket, PONG on my outbound link): PFAIL
 * is cleared at once; FAIL of a node without voting rights too (clearNodeFailureIfNeeded);
 * a voting primary's FAIL only after 2 * node_timeout, a later CLEAR_FAIL step (§15.3).
 */
const nodeAnswers: Update = (context, event) => {
  const j = from(event);
  if (j < 0 || !bit(context.fail | context.pfail, j)) return context;
  const failCleared = bit(context.fail, j) && !isVoting(context, j);
  return {
    ...context,
    pfail: context.pfail & ~(1 << j),
    fail: failCleared ? context.fail & ~(1 << j) : context.fail,
    back: context.back | (1 << j),
  };
};

/** §11.7 clearNodeFailureIfNeeded, the voting-primary branch: the FAIL is old enough and the node answers. */
const clearFail: Update = (context, event) => {
  const j = event.node as number;
  return { ...context, fail: context.fail & ~(1 << j), back: context.back & ~(1 << j) };
};

/** §15.1 a pause: remember where I was (params.phase, a {@link PHASE} code); one pause per node. */
const rememberPhase = (context: NodeContext, _event: ActionEvent, params: { phase: number }): NodeContext => ({
  ...context,
  faults: context.faults | FAULT.PAUSED,
  resumeTo: params.phase,
});

/** §15.1 resume (SIGCONT): nothing of mine changed while I was stopped; my queued input follows. */
const resume: Update = (context) => ({ ...context, faults: context.faults | FAULT.RESUMED, resumeTo: 0 });

/**
 * §12.4/§15.4 restart from nodes.conf (clusterLoadConfig): `lastVoteEpoch` as saved;
 * `currentEpoch`, configEpochs, roles, slots and flags are kept (saved with the vote or
 * before any later message left, §12.3); the election, the manual failover and Redis 7.0's
 * in-memory `voted_time` start afresh; clusterUpdateState recomputes size/size_fail.
 */
const restart: Update = (context) =>
  recomputeState(
    {
      ...context,
      lastVote: context.savedVote,
      authTime: false,
      authSent: false,
      // clusterInit: failover_auth_epoch starts at 0, so V-merged counts any ACK again (§4.6).
      authEpoch: 0,
      authCount: 0,
      nackCount: 0,
      acked: 0,
      nacked: 0,
      mf: false,
      votedRecently: 0,
      faults: context.faults | FAULT.RESTARTED,
      resumeTo: 0,
    },
    { type: 'UPDATE_STATE' },
  );

/** §12.3 the `best-effort` background save completes (clusterSaveConfigBackground): nodes.conf has my last vote. */
const saveConfig: Update = (context) => ({ ...context, savedVote: context.lastVote });

/** §1.2/§8.8 clusterUpdateState: recompute the cached `size` and `size_fail`. */
const recomputeState: Update = (context) => {
  const size = computeSize(context);
  const sizeFail = computeSizeFail(context);
  return size === context.size && sizeFail === context.sizeFail ? context : { ...context, size, sizeFail };
};

/** Fault (§8.11, §10 channels): my outbound `node->link` to `event.node` is gone for good; replies over it are dropped (§3 branch 7, §4.2). */
const loseLink: Update = (context, event) => ({ ...context, linkLost: context.linkLost | (1 << (event.node as number)) });

/** §2.6 CLUSTER FAILOVER FORCE: manualFailoverCanStart resets any election and sets mf_can_start. */
const forceFailover: Update = (context) => ({ ...context, mf: true, mfUsed: true, authTime: false });

/** §2.6 manualFailoverCheckTimeout: `mf_end < now` aborts the manual failover. */
const manualFailoverTimeout: Update = (context) => ({ ...context, mf: false });

/** Redis 7.0 / V-2024 `voted_time` (§3 table, §9, clusterSendFailoverAuthIfNeeded): 2 * node_timeout passed since I voted for a replica of `event.node`. */
const votedTimeExpires: Update = (context, event) => ({
  ...context,
  votedRecently: context.votedRecently & ~(1 << (event.node as number)),
});

/** Context updates by name (registered with `assign`). */
export const updates = {
  mergeHeader,
  grantVote,
  countAck,
  countNack,
  resetElection,
  scheduleElection,
  startElection,
  winElection,
  applyPong,
  applyUpdate,
  markPfail,
  markFail,
  recomputeState,
  loseLink,
  forceFailover,
  manualFailoverTimeout,
  votedTimeExpires,
  learnFail,
  nodeAnswers,
  clearFail,
  resume,
  restart,
  saveConfig,
};

/** Context updates with params, by name (registered with `assign`). */
export const paramUpdates = { rememberPhase };

// ---- messages (emit) ----

/** §3 branch 7: AUTH_ACK over my outbound link to the requester (dropped silently without one). */
const sendAck: Message = (context, event) => ({ type: 'AUTH_ACK', to: replyTo(context, event), hdr: headerOf(context) });

/**
 * §4.2 clusterSendFailoverNack(node, request_epoch, reason): nothing unless I support NACK,
 * have an outbound link, and the requester advertises the capability (§1.3).
 */
export function nackMessage(context: NodeContext, event: ActionEvent, reason: number): Outgoing {
  const j = from(event);
  const gate = context.k.sw.nack && j >= 0 && bit(context.cap, j);
  const hdr = event.hdr as Header;
  return { type: 'AUTH_NACK', to: gate ? replyTo(context, event) : NOBODY, hdr: headerOf(context), epoch: hdr.cur, reason };
}

/**
 * §3 branch 6 (PR #2178): UPDATE about the first owner whose configEpoch beats the request's.
 * Redis 7.0 refuses silently (§9), so nothing is sent there.
 */
const sendUpdate: Message = (context, event) => {
  const hdr = event.hdr as Header;
  const owner = context.owner[hdr.shard];
  const to = context.k.sw.redis7 ? NOBODY : replyTo(context, event);
  return { type: 'UPDATE', to, hdr: headerOf(context), node: owner, cfg: context.cfg[owner], shard: hdr.shard };
};

/** §2.4 step 8 clusterRequestFailoverAuth: one AUTH_REQUEST to every node, FORCEACK when manual or best-ranked. */
const requestVotes: Message = (context) => ({
  type: 'AUTH_REQUEST',
  to: everyoneElse(context),
  hdr: headerOf(context),
  force: context.mf || isBestRanked(context),
});

/** §2.5: the winner's PONG to all nodes (todo BROADCAST_ALL in clusterBeforeSleep). */
const broadcastPong: Message = (context) => ({ type: 'PONG', to: everyoneElse(context), hdr: headerOf(context) });

/**
 * A paused node stops answering: every peer's failure detector will notice (§6). Only peers
 * that read the FAIL flag are told: replicas (size_fail, their primary), and everyone when
 * I have replicas (§3 branch 5c); for the others the flag would be noise.
 */
const stopAnswering: Message = (context) => ({ type: 'DOWN', to: names(context, readersOf(context, context.k.me, true)) });

/**
 * §11.7/§15.1 back after a pause or a restart: I answer pings again, a PONG with my header to
 * the peers that were told I stopped answering.
 */
const answerAgain: Message = (context) => ({ type: 'PONG', to: names(context, readersOf(context, context.k.me, true)), hdr: headerOf(context) });

/**
 * §11.5/§11.6 clusterSendFail after markNodeAsFailing: a failure reporter broadcasts FAIL
 * about `event.node` to the peers that read that flag, over its outbound links; nodes that
 * are not reporters send nothing (§15.2: their own marks stand for the FAIL they received).
 */
const sendFail: Message = (context, event) => {
  const j = event.node as number;
  const to = context.k.reportsFail ? names(context, readersOf(context, j, false) & ~context.linkLost) : NOBODY;
  return { type: 'FAIL', to, hdr: headerOf(context), node: j };
};

function names(context: NodeContext, mask: number): string[] {
  const out: string[] = [];
  for (let j = 0; j < context.role.length; j++) if (bit(mask, j)) out.push(nodeName(context, j));
  return out;
}

/** Outgoing messages by name (registered with `emit`). */
export const messages = { sendAck, sendUpdate, requestVotes, broadcastPong, stopAnswering, answerAgain, sendFail };
