import type { Hasher, TickTrain } from '../../../src/index.ts';

/**
 * The timing state of the failover election: what `src/cluster_legacy.c` keeps as times and
 * the untimed model keeps only as phases (`failover_auth_time` is a boolean there). Lives
 * beside the untimed state, so the node machine needs no timed fields. Immutable.
 */
export interface NodeTiming {
  /** `failover_auth_time`, the scheduled start (§2.4 step 4); NaN while it is 0. */
  readonly startAt: number;
  /** `failover_auth_rank` and `failover_failed_primary_rank` when last (re)ranked (§2.3, §2.4 step 5). */
  readonly rank: number;
  readonly failedRank: number;
  /** Time of the last run of clusterHandleReplicaFailover (a cron tick or a before-sleep run, §2.1). */
  readonly lastRun: number;
  /** Time todo HANDLE_FAILOVER was last set (§2.1): the before-sleep run at that instant will run the handler. */
  readonly flagAt: number;
  /** Redis 7.0 voters: per node index, when this voter last voted for a replica of that primary (`voted_time`, §3); NaN when not recently. */
  readonly votedAt: readonly number[];
}

/** The whole run's timing state, indexed by actor. */
export interface FailoverClock {
  /** Per actor: its clusterCron ticks (§6, §19.1): a fixed phase + period·k, or drifting with a per-tick jitter. */
  readonly trains: readonly TickTrain[];
  /** Per actor, per node index: when the actor marks that failed primary FAIL (§6); NaN once done or never. */
  readonly detect: readonly (readonly number[])[];
  readonly nodes: readonly NodeTiming[];
}

/** A node's timing before anything happened. */
export function idleTiming(nodes: number): NodeTiming {
  return { startAt: Number.NaN, rank: 0, failedRank: 0, lastRun: Number.NEGATIVE_INFINITY, flagAt: Number.NaN, votedAt: new Array(nodes).fill(Number.NaN) };
}

/**
 * The next run of clusterHandleReplicaFailover at or after `since` at which the condition
 * `now >= earliest` (`now > earliest` when `strict`) holds (§2.1): the before-sleep run at
 * `since` itself when todo HANDLE_FAILOVER was set at `since`, else a cron tick of this node
 * that has not run yet (after `lastRun`).
 */
export function handlerRun(since: number, node: NodeTiming, train: TickTrain, earliest: number, strict: boolean): number {
  const holds = (t: number) => (strict ? t > earliest : t >= earliest);
  if (node.flagAt === since && holds(since)) return since;
  const atLeast = strict ? since : Math.max(since, earliest);
  const after = strict ? Math.max(node.lastRun, earliest) : node.lastRun;
  return Math.max(train.atOrAfter(atLeast), train.after(after));
}

/**
 * Feeds the clock relative to `now` (exhaustive analysis): times still pending as `t - now`,
 * cron phases modulo the period (exact-period trains only: a drifting train cannot be
 * encoded, and the exhaustive analysis never builds one), and the last run and flag only as "at this instant or not"
 * (earlier values can no longer change a due time: every later due time is at or after now).
 */
export function encodeClock(clock: FailoverClock, now: number, h: Hasher): void {
  const rel = (t: number) => (Number.isNaN(t) ? -1e15 : t - now);
  for (let a = 0; a < clock.nodes.length; a++) {
    const node = clock.nodes[a];
    const train = clock.trains[a];
    if (!train.periodic) throw new Error('a drifting cron train cannot be encoded (exhaustive analysis needs a fixed jitter)');
    h.num(((train.first - now) % train.interval + train.interval) % train.interval);
    for (const t of clock.detect[a]) h.num(rel(t));
    h.num(rel(node.startAt)).int(node.rank).int(node.failedRank);
    h.int(node.lastRun === now ? 1 : 0).int(node.flagAt === now ? 1 : 0);
    for (const t of node.votedAt) h.num(rel(t));
  }
}
