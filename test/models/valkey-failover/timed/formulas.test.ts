import { describe, expect, test } from 'vitest';
import { handlerRun, idleTiming, tickAfter, tickAtOrAfter } from '../../../../models/valkey-failover/timed/clock.ts';
import {
  authRetryTime,
  authTimeout,
  CRON_PERIOD_MS,
  redis7StartOffset,
  valkeyBaseDelay,
  valkeyStartOffset,
  votedTimeWindow,
} from '../../../../models/valkey-failover/timed/formulas.ts';

describe('timer formulas (reference §2.2, §6, §9)', () => {
  test('§2.2 delay = min(node_timeout / 30, 500): 15000 -> 500, 7500 -> 250, 3000 -> 100, 1500 -> 50', () => {
    expect([15000, 7500, 3000, 1500].map((nt) => valkeyBaseDelay(nt))).toEqual([500, 250, 100, 50]);
    expect(valkeyBaseDelay(60000)).toBe(500);
    expect(valkeyBaseDelay(1000)).toBe(33); // integer division
  });

  test('§2.2 DEBUG CLUSTER-FAILOVER-DELAY replaces the delay', () => {
    expect(valkeyBaseDelay(15000, 0)).toBe(0);
    expect(valkeyBaseDelay(15000, 500)).toBe(500);
  });

  test('§2.2 auth_timeout = max(2 * node_timeout, 2000) and auth_retry_time = 2 * auth_timeout', () => {
    expect(authTimeout(15000)).toBe(30000);
    expect(authTimeout(500)).toBe(2000);
    // §7.3: cluster-node-timeout 2000 gives auth_timeout 4000 and auth_retry_time 8000.
    expect([authTimeout(2000), authRetryTime(2000)]).toEqual([4000, 8000]);
    // §7.6: node timeout 3000 gives auth_retry 12000.
    expect(authRetryTime(3000)).toBe(12000);
  });

  test('§2.4 step 4: Valkey start = delay + random % delay + rank * 2 * delay + failed_primary_rank * delay', () => {
    expect(valkeyStartOffset({ base: 100, random: 0, rank: 0, failedPrimaryRank: 0 })).toBe(100);
    expect(valkeyStartOffset({ base: 100, random: 99, rank: 1, failedPrimaryRank: 2 })).toBe(100 + 99 + 200 + 200);
    expect(valkeyStartOffset({ base: 0, random: 0, rank: 3, failedPrimaryRank: 2 })).toBe(0); // DEBUG delay 0
  });

  test('§9 Redis 7.0 start = 500 + random % 500 + 1000 * rank; voted_time window 2 * node_timeout', () => {
    expect(redis7StartOffset(0, 0)).toBe(500);
    expect(redis7StartOffset(499, 1)).toBe(1999);
    expect(votedTimeWindow(15000)).toBe(30000);
  });
});

describe('cron ticks and handler runs (§2.1, §6)', () => {
  test('clusterCron runs every 100 ms at the node\'s phase', () => {
    expect(CRON_PERIOD_MS).toBe(100);
    expect(tickAtOrAfter(30, 1030)).toBe(1030);
    expect(tickAfter(30, 1030)).toBe(1130);
    expect(tickAtOrAfter(30, 1031)).toBe(1130);
    expect(tickAtOrAfter(0.3, 100.3)).toBe(100.3); // no floating-point skip
  });

  test('a flagged handler runs before sleep at once; otherwise at the next cron tick that meets the condition', () => {
    const node = idleTiming(3);
    expect(handlerRun(1000, { ...node, flagAt: 1000 }, 50, Number.NEGATIVE_INFINITY, false)).toBe(1000);
    expect(handlerRun(1000, node, 50, Number.NEGATIVE_INFINITY, false)).toBe(1050);
    // auth_age > auth_retry_time is strict: a tick exactly at the limit does not retry.
    expect(handlerRun(1000, node, 50, 5050, true)).toBe(5150);
    expect(handlerRun(1000, node, 50, 5050, false)).toBe(5050);
    // The tick that already ran the handler does not run it again.
    expect(handlerRun(1050, { ...node, lastRun: 1050 }, 50, Number.NEGATIVE_INFINITY, false)).toBe(1150);
  });
});
