import type { EventObject } from 'xstate';
import type { ActorSnapshot } from '../../src/index.ts';
import { bit } from './rules.ts';
import { FAULT, type NodeContext } from './types.ts';

/**
 * Environment steps a node may take at any moment, given its snapshot (ActorSpec.environment).
 * The environment offers events; the statechart's guards decide whether they do anything (an
 * event no transition takes is no step). What it filters is only what is outside the node:
 * fault budgets, and which flags a node ever reads. In a fixed order:
 * 1. HANDLE_FAILOVER in `idle` and `waiting`: a run of clusterHandleReplicaFailover (cron or
 *    todo, §2.1); `canFailover` / `quorumReached` decide (§2.4 steps 1, 4 and 9);
 * 2. MARK_FAIL j (guard `timedOut`, §11.5; the report quorum is abstracted, §11.9) and
 *    CLEAR_FAIL j for a j with a resume or restart budget (guard `failUndoable`, §11.7), for the peers whose flags this node reads
 *    (a candidate: all; a voter: primaries with replicas, branch 5c) or all when it is a
 *    failure reporter (§15.2);
 * 3. UPDATE_STATE for a candidate (guard `sizeStale`, §8.8);
 * 4. faults within the node's budget: PAUSE, LINK_LOSS j, FORCE_FAILOVER (§2.6), MF_TIMEOUT
 *    (guard `manualFailoverRunning`), SAVE_CONFIG with lossy saving and a restart budget
 *    (guard `voteUnsaved`, §12.3), RESTART (§15.4); while frozen only RESUME and RESTART
 *    (§15.1), each at most once;
 * 5. Redis 7.0: VOTED_TIME_EXPIRES j (guard `votedTimeRunning`).
 * Deterministic: the same snapshot gives the same list.
 */
export function environment(snapshot: ActorSnapshot): readonly EventObject[] {
  const value = snapshot.value;
  if (value === 'paused') return NONE;
  const ctx = snapshot.context as unknown as NodeContext;
  if (value === 'frozen') return comeBack(ctx);
  const phase = typeof value === 'object' ? (value as { candidate?: string }).candidate : undefined;
  const candidate = phase !== undefined;
  const out: EventObject[] = [];
  if (phase === 'idle' || phase === 'waiting') out.push(HANDLE_FAILOVER);
  const me = ctx.k.me;
  for (let j = 0; j < ctx.role.length; j++) {
    // A voter reads FAIL only for the primary of a requester (branch 5c): other marks are noise.
    if (j === me || !(candidate || ctx.k.reportsFail || ctx.role.includes(j))) continue;
    out.push(markFail(j));
    // Only a node with a way back can answer again (budget).
    if (bit(ctx.k.comebacks, j)) out.push(clearFail(j));
  }
  if (candidate) out.push(UPDATE_STATE);
  if (ctx.k.mayPause && (ctx.faults & FAULT.PAUSED) === 0) out.push(PAUSE);
  if (ctx.k.mayRestart && (ctx.faults & FAULT.RESTARTED) === 0) out.push(RESTART);
  for (let j = 0; j < ctx.role.length; j++) if (bit(ctx.k.mayLoseLinks, j) && !bit(ctx.linkLost, j)) out.push(linkLoss(j));
  if (candidate && ctx.k.mayForceFailover && !ctx.mfUsed) out.push(FORCE_FAILOVER);
  if (candidate) out.push(MF_TIMEOUT);
  if (ctx.k.sw.lossySave && ctx.k.mayRestart) out.push(SAVE_CONFIG);
  if (ctx.k.sw.redis7) for (let j = 0; j < ctx.role.length; j++) out.push(votedTimeExpires(j));
  return out;
}

/** A frozen node's way back, once (§15.1, §15.4). */
function comeBack(ctx: NodeContext): readonly EventObject[] {
  if ((ctx.faults & FAULT.RESTARTED) !== 0) return ctx.k.mayResume ? ONLY_RESUME : NONE;
  if (ctx.k.mayResume && ctx.k.mayRestart) return BOTH;
  return ctx.k.mayResume ? ONLY_RESUME : ctx.k.mayRestart ? ONLY_RESTART : NONE;
}

const NONE: readonly EventObject[] = Object.freeze([]);
const HANDLE_FAILOVER = Object.freeze({ type: 'HANDLE_FAILOVER' });
const UPDATE_STATE = Object.freeze({ type: 'UPDATE_STATE' });
const PAUSE = Object.freeze({ type: 'PAUSE' });
const FORCE_FAILOVER = Object.freeze({ type: 'FORCE_FAILOVER' });
const MF_TIMEOUT = Object.freeze({ type: 'MF_TIMEOUT' });
const SAVE_CONFIG = Object.freeze({ type: 'SAVE_CONFIG' });
const RESUME = Object.freeze({ type: 'RESUME' });
const RESTART = Object.freeze({ type: 'RESTART' });
const BOTH: readonly EventObject[] = Object.freeze([RESUME, RESTART]);
const ONLY_RESUME: readonly EventObject[] = Object.freeze([RESUME]);
const ONLY_RESTART: readonly EventObject[] = Object.freeze([RESTART]);

// One frozen event object per node index, so the same event serves every state.
const memo = (type: string) => {
  const cache: EventObject[] = [];
  return (node: number): EventObject => (cache[node] ??= Object.freeze({ type, node }));
};
const markFail = memo('MARK_FAIL');
const clearFail = memo('CLEAR_FAIL');
const linkLoss = memo('LINK_LOSS');
const votedTimeExpires = memo('VOTED_TIME_EXPIRES');
