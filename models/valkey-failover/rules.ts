import { PRIMARY, type Header, type NodeContext } from './types.ts';

/**
 * Pure helpers shared by the guards, the actions, the environment and the monitor. Each
 * one mirrors a piece of upstream `src/cluster_legacy.c` and cites the reference section.
 * All are deterministic functions of their arguments.
 */

/** Index of a node from its id (`P3` or `R3` -> 3). */
export function nodeIndex(id: string): number {
  return Number(id.slice(1));
}

/** Id of node `i` (`R<i>` if it started as a replica, else `P<i>`). */
export function nodeName(ctx: NodeContext, i: number): string {
  return `${(ctx.k.replicaMask >> i) & 1 ? 'R' : 'P'}${i}`;
}

/** True when bit `i` of `mask` is set. */
export function bit(mask: number, i: number): boolean {
  return ((mask >> i) & 1) === 1;
}

/** Number of set bits. */
export function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/** The shard node `j` owns in my view, or -1. */
export function shardOwnedBy(ctx: NodeContext, j: number): number {
  return ctx.owner.indexOf(j);
}

/** `clusterNodeIsVotingPrimary` in my view: PRIMARY flag and at least one slot (§1.1). */
export function isVoting(ctx: NodeContext, j: number): boolean {
  return ctx.role[j] === PRIMARY && ctx.owner.includes(j);
}

/** My primary's index, or -1 when I am a primary or do not know my primary. */
export function myPrimary(ctx: NodeContext): number {
  const r = ctx.role[ctx.k.me];
  return r >= 0 ? r : -1;
}

/** `size`: voting primaries in my view, as clusterUpdateState computes it (§1.2). */
export function computeSize(ctx: NodeContext): number {
  let n = 0;
  for (let j = 0; j < ctx.role.length; j++) if (isVoting(ctx, j)) n++;
  return n;
}

/**
 * `size_fail` as clusterUpdateState computes it (§1.2): voting primaries flagged FAIL; with
 * fix-4655 those that already ACKed or NACKed the current election are left out.
 */
export function computeSizeFail(ctx: NodeContext): number {
  const replied = ctx.k.sw.fix4655 ? ctx.acked | ctx.nacked : 0;
  let n = 0;
  for (let j = 0; j < ctx.role.length; j++) if (isVoting(ctx, j) && bit(ctx.fail, j) && !bit(replied, j)) n++;
  return n;
}

/** clusterUpdateState's recompute (§1.2, §8.8): the context with fresh `size` and `size_fail` (itself when unchanged). */
export function recomputed(ctx: NodeContext): NodeContext {
  const size = computeSize(ctx);
  const sizeFail = computeSizeFail(ctx);
  return size === ctx.size && sizeFail === ctx.sizeFail ? ctx : { ...ctx, size, sizeFail };
}

/** `quorum = size / 2 + 1` with the cached size (§2.2). */
export function quorum(ctx: NodeContext): number {
  return Math.floor(ctx.size / 2) + 1;
}

/** The header I put on a message now (`clusterBuildMessageHdr`, §1.3, §2.4 step 8). */
export function headerOf(ctx: NodeContext): Header {
  const me = ctx.k.me;
  const p = myPrimary(ctx);
  const isPrimary = ctx.role[me] === PRIMARY;
  return {
    cur: ctx.cur,
    cfg: isPrimary ? ctx.cfg[me] : p >= 0 ? ctx.cfg[p] : 0,
    primary: isPrimary,
    shard: isPrimary ? shardOwnedBy(ctx, me) : p >= 0 ? shardOwnedBy(ctx, p) : -1,
    cap: ctx.k.sw.nack,
  };
}

/** Whether the header merge of §5.1 resets my election ("cannot win an election in the past"). */
export function claimResets(ctx: NodeContext, from: number, hdr: Header): boolean {
  return (
    !ctx.k.sw.redis7 &&
    hdr.primary &&
    hdr.cfg > ctx.cfg[from] &&
    ctx.authTime &&
    ctx.authSent &&
    hdr.cfg >= ctx.authEpoch
  );
}

/**
 * Common header processing of `clusterProcessPacket` (§5.1): raise currentEpoch, refresh the
 * capability bit (§1.3), take a primary's higher configEpoch, and reset the election when
 * that claim is at or above my election epoch (PRs #1009/#1339; absent in Redis 7.0).
 */
export function mergeHeaderInto(ctx: NodeContext, from: number, hdr: Header): NodeContext {
  const reset = claimResets(ctx, from, hdr);
  const cfgRises = hdr.primary && hdr.cfg > ctx.cfg[from];
  const cap = hdr.cap ? ctx.cap | (1 << from) : ctx.cap & ~(1 << from);
  if (hdr.cur <= ctx.cur && !cfgRises && cap === ctx.cap) return ctx;
  return {
    ...ctx,
    cur: Math.max(ctx.cur, hdr.cur),
    cap,
    cfg: cfgRises ? withAt(ctx.cfg, from, hdr.cfg) : ctx.cfg,
    authTime: reset ? false : ctx.authTime,
  };
}

/** `failover_auth_rank` (§2.3): siblings ahead of me; offsets and priorities are equal, so by name. */
export function replicaRank(ctx: NodeContext): number {
  const p = myPrimary(ctx);
  let rank = 0;
  for (let j = 0; j < ctx.k.me; j++) if (ctx.role[j] === p) rank++;
  return rank;
}

/** `clusterGetFailedPrimaryRank` (§2.3): FAIL voting primaries with replicas and a smaller shard id. */
export function failedPrimaryRank(ctx: NodeContext): number {
  const p = myPrimary(ctx);
  const myShard = p >= 0 ? shardOwnedBy(ctx, p) : -1;
  let rank = 0;
  for (let s = 0; s < myShard; s++) {
    const j = ctx.owner[s];
    if (isVoting(ctx, j) && bit(ctx.fail, j) && ctx.role.includes(j)) rank++;
  }
  return rank;
}

/**
 * `myselfIsBestRankedReplica` (§2.3, PR #2227). The "every replica of my primary advertises
 * MY_PRIMARY_FAIL" test is not modelled (no gossip): with siblings it is taken as false,
 * which keeps the delayed start, the general case.
 */
export function isBestRanked(ctx: NodeContext): boolean {
  if (ctx.k.sw.redis7 || ctx.mf) return false;
  const p = myPrimary(ctx);
  if (p < 0) return false;
  const siblings = ctx.role.filter((r, j) => r === p && j !== ctx.k.me).length;
  return siblings === 0 && failedPrimaryRank(ctx) === 0;
}

/** Step 1 of `clusterHandleReplicaFailover` (§2.4): may this replica run an election now? */
export function canFailover(ctx: NodeContext): boolean {
  const p = myPrimary(ctx);
  if (p < 0) return false;
  if (!bit(ctx.fail, p) && !ctx.mf) return false;
  // Redis 7.0 also requires the primary to serve slots (§9).
  if (ctx.k.sw.redis7 && !ctx.owner.includes(p)) return false;
  return true;
}

/** The election starts in the same handler call as it is scheduled (§2.4 step 4). */
export function startsAtOnce(ctx: NodeContext): boolean {
  return ctx.mf || ctx.k.sw.zeroDelay || isBestRanked(ctx);
}

/** Copy of `values` with index `i` set to `value`. */
export function withAt(values: readonly number[], i: number, value: number): number[] {
  const next = values.slice();
  next[i] = value;
  return next;
}

/**
 * `clusterUpdateSlotsConfigWith(sender, epoch, shard)` (§5.2) plus the role switch of §2.8:
 * rebind the shard when its owner's configEpoch is strictly lower; if my primary, or I,
 * lost the slots to the sender, I become its replica. Returns the new context and whether
 * my role changed (then the caller resets the election, as clusterSetPrimary does).
 */
export function applyClaim(ctx: NodeContext, sender: number, epoch: number, shard: number): { ctx: NodeContext; switched: boolean } {
  let next = ctx;
  if (next.role[sender] !== PRIMARY) next = { ...next, role: withAt(next.role, sender, PRIMARY) };
  if (shard < 0 || shard >= next.owner.length) return { ctx: next, switched: false };
  const old = next.owner[shard];
  if (old === sender || !(next.cfg[old] < epoch)) return { ctx: next, switched: false };
  next = { ...next, owner: withAt(next.owner, shard, sender) };
  const me = ctx.k.me;
  const p = myPrimary(next);
  const lostMine = old === me || old === p;
  if (!lostMine || next.owner.includes(old)) return { ctx: next, switched: false };
  return { ctx: { ...next, role: withAt(next.role, me, sender), mf: false }, switched: true };
}

/**
 * The nodes, other than me and `j`, that read `j`'s PFAIL/FAIL flag in my view: replicas
 * (size_fail, their primary, §1.2, §2.4 step 1), and everyone when `j` has replicas (§3
 * branch 5c). The model sends the failure detector's evidence (DOWN), FAIL and the answer
 * after a pause (PONG) only to them and to the failure reporters (§15.2); for the others the
 * flag is noise.
 */
export function readersOf(ctx: NodeContext, j: number, alsoReporters: boolean): number {
  const hasReplicas = ctx.role.includes(j);
  let mask = 0;
  for (let i = 0; i < ctx.role.length; i++) {
    if (i === j || i === ctx.k.me) continue;
    if (hasReplicas || bit(ctx.k.replicaMask, i) || (alsoReporters && bit(ctx.k.reporters, i))) mask |= 1 << i;
  }
  return mask;
}
