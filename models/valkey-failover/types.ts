/**
 * Data types of the Valkey failover model: the per-node context (the node's own state and
 * its view of the cluster), the cluster-bus header every message carries, and the events.
 *
 * Indices: nodes are numbered 0..n-1 in preset order; a node's id is `P<i>` when it starts
 * as a primary and `R<i>` when it starts as a replica, so the index is the id's number.
 * Shards are numbered like the primaries that own them at the start (shard s = slots of P<s>).
 */

/** Protocol switches of one node, fixed for a behaviour (they come from the variants). */
export interface Switches {
  /** This node advertises and handles FAILOVER_AUTH_NACK (bit 14, §1.3). */
  readonly nack: boolean;
  /** NACK gate compares the echoed request epoch (#4654) instead of the header epoch (#3833), §4.3. */
  readonly nackEcho: boolean;
  /** V-4655: ACK only while a request is outstanding, responders left out of size_fail (§4.6, §1.2). */
  readonly fix4655: boolean;
  /** #4700: count only REQ_EPOCH_OLD, ALREADY_VOTED and STALE_CONFIG NACKs (§8.5, §7.3). */
  readonly fix4700: boolean;
  /**
   * Redis 7.0 rules (§9): voted_time refusal, no NOT_SAFE branch, stale config refused
   * silently without UPDATE, no election resets, no best-ranked immediate start, and the
   * candidate needs its primary to serve slots.
   */
  readonly redis7: boolean;
  /** Start delay forced to 0 (DEBUG CLUSTER-FAILOVER-DELAY 0, §2.2): schedule and send in one call. */
  readonly zeroDelay: boolean;
  /**
   * Deliberate bug `restart-loses-vote` (§12.3 best-effort saving, §15.4): a grant is not on
   * disk until a later SAVE_CONFIG step, so a restart in between forgets it.
   */
  readonly lossySave: boolean;
}

/** Static facts of one node that never change during a behaviour (shared by identity). */
export interface NodeStatic {
  readonly me: number;
  /** Bit k set: node k started as a replica (its id is `R<k>`). */
  readonly replicaMask: number;
  readonly sw: Switches;
  /** `safe_to_join` (§1.2); false models a primary that restarted less than 2 s ago. */
  readonly safeToJoin: boolean;
  /** Bit k: this node may lose its outbound link to node k once (fault budget). */
  readonly mayLoseLinks: number;
  /** This node may pause once (fault budget); without a resume or restart budget it never comes back. */
  readonly mayPause: boolean;
  /** A paused node may resume once, with its queued input intact (fault budget, §15.1). */
  readonly mayResume: boolean;
  /** May crash and restart once from what it persisted, at any moment or from a pause (fault budget, §15.4). */
  readonly mayRestart: boolean;
  /** Bit k: node k is a failure reporter (its `reportsFail`); a pausing node tells them too. */
  readonly reporters: number;
  /** Bit k: node k has a resume or restart budget, so it may answer again after a pause (§15.3). */
  readonly comebacks: number;
  /** Failure reporter: learns that a paused node stopped answering and broadcasts FAIL when it marks it (§11.5, §11.6, §15.2). */
  readonly reportsFail: boolean;
  /** The operator may run CLUSTER FAILOVER FORCE on this replica once (§2.6). */
  readonly mayForceFailover: boolean;
}

/** Role of a peer in a node's view: {@link PRIMARY}, {@link NO_PRIMARY_KNOWN}, or the index of its primary. */
export type RoleView = number;
/** The peer has the PRIMARY flag in my view. */
export const PRIMARY = -1;
/** The peer is a replica whose primary I do not know (`replicaof == NULL`, e.g. after CLUSTER FORGET). */
export const NO_PRIMARY_KNOWN = -2;

/** Context of one node machine (`struct clusterState` plus the node's view of its peers, §1.2). */
export interface NodeContext {
  readonly k: NodeStatic;
  /** `currentEpoch`. */
  readonly cur: number;
  /** `lastVoteEpoch`. */
  readonly lastVote: number;
  /** Per node: role in my view (index `me` is my own role). */
  readonly role: readonly RoleView[];
  /** Per node: configEpoch in my view (index `me` is `myself->configEpoch`). */
  readonly cfg: readonly number[];
  /** Per shard: the node that owns its slots in my view. */
  readonly owner: readonly number[];
  /** Bitmask: nodes flagged FAIL in my view. */
  readonly fail: number;
  /** Bitmask: nodes flagged PFAIL in my view (failure-detector evidence, §6). */
  readonly pfail: number;
  /** Bitmask: nodes whose last header advertised NACK support (§1.3). */
  readonly cap: number;
  /** Bitmask: nodes to which my outbound link is gone. */
  readonly linkLost: number;
  /** Cached `size` and `size_fail`, recomputed only by clusterUpdateState (§8.8). */
  readonly size: number;
  readonly sizeFail: number;
  /** `failover_auth_time != 0`. The phase is also the machine state; this mirrors the field guards read. */
  readonly authTime: boolean;
  /** `failover_auth_sent`. */
  readonly authSent: boolean;
  /** `failover_auth_epoch`. */
  readonly authEpoch: number;
  /** `failover_auth_count`. */
  readonly authCount: number;
  /** `failover_auth_nack_count`. */
  readonly nackCount: number;
  /** V-4655 per-voter bits "acked / nacked in the current election" (bitmasks). */
  readonly acked: number;
  readonly nacked: number;
  /** Elections started by this node (bounded by the preset). */
  readonly elections: number;
  /** A manual failover is running (`mf_end != 0 && mf_can_start`, §2.6). */
  readonly mf: boolean;
  /** The operator's one CLUSTER FAILOVER FORCE was used. */
  readonly mfUsed: boolean;
  /** Redis 7.0 `voted_time`: bitmask of primaries for whose replicas I voted within 2 * node_timeout. */
  readonly votedRecently: number;
  /** Bitmask: nodes I suspected (PFAIL or FAIL) that answered again with a PONG (§11.7, §15.3). */
  readonly back: number;
  /** `lastVoteEpoch` as in nodes.conf (§12.1); equal to {@link lastVote} unless saving is lossy. */
  readonly savedVote: number;
  /** Fault budgets used: {@link FAULT}. */
  readonly faults: number;
  /** While paused: the state to resume in ({@link PHASE}); 0 otherwise. */
  readonly resumeTo: number;
}

/** Bits of {@link NodeContext.faults}. */
export const FAULT = { PAUSED: 1, RESUMED: 2, RESTARTED: 4 } as const;

/** Codes of {@link NodeContext.resumeTo}: the state a paused node was in. */
export const PHASE = { VOTER: 1, IDLE: 2, DELAYED: 3, WAITING: 4, EXPIRED: 5 } as const;

/** The cluster-bus header as of the message's creation (§1.3, §2.4 step 8, §10). */
export interface Header {
  readonly cur: number;
  /** Sender's configEpoch (a replica sends its primary's, as it sees it). */
  readonly cfg: number;
  /** Sender claims to be a primary (`replicaof` all zeros). */
  readonly primary: boolean;
  /** The shard in `myslots` (the sender's, or its primary's for a replica); -1 for none. */
  readonly shard: number;
  /** FAILOVER_AUTH_NACK_SUPPORTED in `flags`. */
  readonly cap: boolean;
}

/** NACK reason codes (§4.1). */
export const NACK_REASON = {
  NOT_SAFE: 1,
  REQ_EPOCH_OLD: 2,
  ALREADY_VOTED: 3,
  REQ_IS_PRIMARY: 4,
  NO_PRIMARY: 5,
  PRIMARY_UP: 6,
  STALE_CONFIG: 7,
} as const;

/** Reason names as `clusterNackReasonString` prints them, upper-cased. */
export const NACK_REASON_NAME: Readonly<Record<number, string>> = {
  1: 'NOT_SAFE',
  2: 'REQ_EPOCH_OLD',
  3: 'ALREADY_VOTED',
  4: 'REQ_IS_PRIMARY',
  5: 'NO_PRIMARY',
  6: 'PRIMARY_UP',
  7: 'STALE_CONFIG',
};

/** Reasons a new election epoch can fix (the only ones #4700 counts). */
export const EPOCH_FIXABLE_REASONS: readonly number[] = [2, 3, 7];

/** Messages on the bus. `from` is stamped by the system on delivery; `to` is set by the sender. */
export type BusMessage =
  | { readonly type: 'AUTH_REQUEST'; readonly hdr: Header; readonly force: boolean }
  | { readonly type: 'AUTH_ACK'; readonly hdr: Header }
  | { readonly type: 'AUTH_NACK'; readonly hdr: Header; readonly epoch: number; readonly reason: number }
  | { readonly type: 'UPDATE'; readonly hdr: Header; readonly node: number; readonly cfg: number; readonly shard: number }
  | { readonly type: 'PONG'; readonly hdr: Header }
  /** §11.6 clusterSendFail: `node` is FAIL (broadcast by the node that marked it). */
  | { readonly type: 'FAIL'; readonly hdr: Header; readonly node: number }
  /** Not a packet: the failure detector's evidence that the sender stopped answering (§6 PFAIL). */
  | { readonly type: 'DOWN' };

/** Environment steps (§2.1 cron, §6 failure detection, §8.8 clusterUpdateState, faults). */
export type EnvironmentEvent =
  | { readonly type: 'HANDLE_FAILOVER' }
  | { readonly type: 'MARK_FAIL'; readonly node: number }
  | { readonly type: 'UPDATE_STATE' }
  | { readonly type: 'PAUSE' }
  | { readonly type: 'RESUME' }
  | { readonly type: 'RESTART' }
  | { readonly type: 'SAVE_CONFIG' }
  | { readonly type: 'CLEAR_FAIL'; readonly node: number }
  | { readonly type: 'LINK_LOSS'; readonly node: number }
  | { readonly type: 'FORCE_FAILOVER' }
  | { readonly type: 'MF_TIMEOUT' }
  | { readonly type: 'VOTED_TIME_EXPIRES'; readonly node: number };

/** An emitted message: a bus message plus its address (an id, ids, or '*'). */
export type Outgoing = BusMessage & { readonly to: string | readonly string[] };
