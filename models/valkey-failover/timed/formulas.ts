/**
 * The timer formulas of the failover election, in milliseconds, each from the reference
 * (docs/protocol/valkey-failover.md) and the upstream function it mirrors. Pure.
 */

/** `CLUSTER_CRON_PERIOD_MS`: clusterCron runs every 100 ms (§6, §2.1). */
export const CRON_PERIOD_MS = 100;

/** `CLUSTER_OPERATION_TIMEOUT`, the floor of auth_timeout (§2.2). */
export const OPERATION_TIMEOUT_MS = 2000;

/** `auth_timeout = max(2 * node_timeout, 2000)` (§2.2, clusterHandleReplicaFailover). */
export function authTimeout(nodeTimeout: number): number {
  return Math.max(2 * nodeTimeout, OPERATION_TIMEOUT_MS);
}

/** `auth_retry_time = 2 * auth_timeout`, counted from the scheduled start (§2.2, §2.4 step 7). */
export function authRetryTime(nodeTimeout: number): number {
  return 2 * authTimeout(nodeTimeout);
}

/**
 * Valkey's base start delay `delay = min(node_timeout / 30, 500)`, integer ms (§2.2, PR
 * #2449): 15000 -> 500, 7500 -> 250, 3000 -> 100, 1500 -> 50. `DEBUG CLUSTER-FAILOVER-DELAY`
 * (`debugDelay >= 0`) replaces it (§2.2).
 */
export function valkeyBaseDelay(nodeTimeout: number, debugDelay = -1): number {
  return debugDelay >= 0 ? debugDelay : Math.min(Math.floor(nodeTimeout / 30), 500);
}

/** What the schedule block of clusterHandleReplicaFailover adds to `now` (§2.4 step 4). */
export interface StartDelay {
  /** The base delay (Valkey `delay`, Redis 7.0 500). */
  readonly base: number;
  /** The random part drawn (`random() % delay`, Redis 7.0 `random() % 500`). */
  readonly random: number;
  /** `failover_auth_rank` (§2.3). */
  readonly rank: number;
  /** `failover_failed_primary_rank` (§2.3, PR #1018; Redis 7.0 has none). */
  readonly failedPrimaryRank: number;
}

/**
 * Valkey: `failover_auth_time = now + delay + random() % delay + rank * 2 * delay +
 * failed_primary_rank * delay` (§2.4 step 4; the 500 ms for a replica with offset 0 never
 * applies here: every replica has data). With the DEBUG override the random part is 0.
 * The best-ranked replica and a manual failover start at once instead (the machine's
 * `startsAtOnce`); the caller handles those.
 */
export function valkeyStartOffset(d: StartDelay): number {
  return d.base + d.random + d.rank * 2 * d.base + d.failedPrimaryRank * d.base;
}

/** Redis 7.0.15: `failover_auth_time = now + 500 + random() % 500 + 1000 * rank` (§9, §6 table; R7 `clusterHandleSlaveFailover`). */
export function redis7StartOffset(random: number, rank: number): number {
  return 500 + random + 1000 * rank;
}

/** Redis 7.0's voter refusal window: no second vote for replicas of one primary within `2 * node_timeout` (§3 table, §9). */
export function votedTimeWindow(nodeTimeout: number): number {
  return 2 * nodeTimeout;
}
