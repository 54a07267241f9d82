import {
  applyClaim,
  bit,
  headerOf,
  isBestRanked,
  mergeHeaderInto,
  myPrimary,
  nodeIndex,
  nodeName,
  recomputed,
  shardOwnedBy,
  withAt,
} from './rules.ts';
import { faultMessages, faultUpdates } from './faults.ts';
import { PRIMARY, type Header, type NodeContext, type Outgoing } from './types.ts';

export { paramUpdates } from './faults.ts';

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

/** §1.2/§8.8 clusterUpdateState: recompute the cached `size` and `size_fail`. */
const recomputeState: Update = (context) => recomputed(context);

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
  ...faultUpdates,
};

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

/** Outgoing messages by name (registered with `emit`). */
export const messages = { sendAck, sendUpdate, requestVotes, broadcastPong, ...faultMessages };
