import type { EventObject } from 'xstate';
import type { ActorSnapshot } from '../../src/index.ts';
import { bit, canFailover, computeSize, computeSizeFail } from './rules.ts';
import type { NodeContext } from './types.ts';

/**
 * Environment steps a node may take at any moment, given its snapshot (ActorSpec.environment).
 * Only steps that change something are listed, in a fixed order:
 * 1. HANDLE_FAILOVER: a run of clusterHandleReplicaFailover (cron or todo, §2.1) when it would
 *    schedule (idle, §2.4 step 4) or win (waiting, step 9);
 * 2. MARK_FAIL j: markNodeAsFailing for a PFAIL node (§6; the report quorum is abstracted);
 * 3. UPDATE_STATE: clusterUpdateState when the cached size/size_fail are stale (§8.8);
 * 4. faults within the node's budget: PAUSE, LINK_LOSS j, FORCE_FAILOVER (§2.6), MF_TIMEOUT;
 * 5. Redis 7.0: VOTED_TIME_EXPIRES j.
 * Deterministic: the same snapshot gives the same list.
 */
export function environment(snapshot: ActorSnapshot): readonly EventObject[] {
  const value = snapshot.value;
  if (value === 'paused') return NONE;
  const ctx = snapshot.context as unknown as NodeContext;
  const phase = typeof value === 'object' ? (value as { candidate?: string }).candidate : undefined;
  const candidate = phase !== undefined;
  const out: EventObject[] = [];
  if (phase === 'idle' && canFailover(ctx)) out.push(HANDLE_FAILOVER);
  if (phase === 'waiting' && canFailover(ctx)) out.push(HANDLE_FAILOVER);
  for (let j = 0; j < ctx.role.length; j++) {
    // A voter reads FAIL only for the primary of a requester (branch 5c): other marks are noise.
    if (bit(ctx.pfail, j) && (candidate || ctx.role.includes(j))) out.push(markFail(j));
  }
  if (candidate && (computeSize(ctx) !== ctx.size || computeSizeFail(ctx) !== ctx.sizeFail)) out.push(UPDATE_STATE);
  if (ctx.k.mayPause) out.push(PAUSE);
  for (let j = 0; j < ctx.role.length; j++) if (bit(ctx.k.mayLoseLinks, j) && !bit(ctx.linkLost, j)) out.push(linkLoss(j));
  if (candidate && ctx.k.mayForceFailover && !ctx.mfUsed) out.push(FORCE_FAILOVER);
  if (candidate && ctx.mf) out.push(MF_TIMEOUT);
  for (let j = 0; j < ctx.role.length; j++) if (bit(ctx.votedRecently, j)) out.push(votedTimeExpires(j));
  return out;
}

const NONE: readonly EventObject[] = Object.freeze([]);
const HANDLE_FAILOVER = Object.freeze({ type: 'HANDLE_FAILOVER' });
const UPDATE_STATE = Object.freeze({ type: 'UPDATE_STATE' });
const PAUSE = Object.freeze({ type: 'PAUSE' });
const FORCE_FAILOVER = Object.freeze({ type: 'FORCE_FAILOVER' });
const MF_TIMEOUT = Object.freeze({ type: 'MF_TIMEOUT' });

// One frozen event object per node index, so the same event serves every state.
const memo = (type: string) => {
  const cache: EventObject[] = [];
  return (node: number): EventObject => (cache[node] ??= Object.freeze({ type, node }));
};
const markFail = memo('MARK_FAIL');
const linkLoss = memo('LINK_LOSS');
const votedTimeExpires = memo('VOTED_TIME_EXPIRES');
