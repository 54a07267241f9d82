import { describe, expect, test } from 'vitest';
import { handlerRun, idleTiming } from '../../../../models/valkey-failover/timed/clock.ts';
import { TickTrain } from '../../../../src/index.ts';
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
    const exact = new TickTrain(30, { period: 100, jitter: { kind: 'fixed', value: 0 } });
    expect(exact.atOrAfter(1030)).toBe(1030);
    expect(exact.after(1030)).toBe(1130);
    expect(exact.atOrAfter(1031)).toBe(1130);
    expect(new TickTrain(0.3, exact.spec).atOrAfter(100.3)).toBe(100.3); // no floating-point skip
  });

  test('with a per-tick jitter the ticks drift: each interval is the period plus a fresh draw, the same for a seed whatever is asked first', () => {
    const spec = { period: 100, jitter: { kind: 'uniform', lo: 0, hi: 2 } } as const;
    const a = new TickTrain(0, spec, 7);
    const b = new TickTrain(0, spec, 7);
    const late = a.atOrAfter(5000);
    const ticks: number[] = [];
    for (let t = b.atOrAfter(0); t <= late; t = b.after(t)) ticks.push(t);
    expect(ticks[ticks.length - 1]).toBe(late);
    const gaps = ticks.slice(1).map((t, i) => t - ticks[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(102);
    expect(new Set(gaps.map((g) => g.toFixed(6))).size).toBeGreaterThan(10);
    expect(late).toBeGreaterThan(5000);
    expect(ticks.filter((t) => t <= 5000).length).toBeLessThan(51); // intervals over 100 ms: fewer ticks than an exact train
  });

  test('a flagged handler runs before sleep at once; otherwise at the next cron tick that meets the condition', () => {
    const node = idleTiming(3);
    const t50 = new TickTrain(50, { period: 100, jitter: { kind: 'fixed', value: 0 } });
    expect(handlerRun(1000, { ...node, flagAt: 1000 }, t50, Number.NEGATIVE_INFINITY, false)).toBe(1000);
    expect(handlerRun(1000, node, t50, Number.NEGATIVE_INFINITY, false)).toBe(1050);
    // auth_age > auth_retry_time is strict: a tick exactly at the limit does not retry.
    expect(handlerRun(1000, node, t50, 5050, true)).toBe(5150);
    expect(handlerRun(1000, node, t50, 5050, false)).toBe(5050);
    // The tick that already ran the handler does not run it again.
    expect(handlerRun(1050, { ...node, lastRun: 1050 }, t50, Number.NEGATIVE_INFINITY, false)).toBe(1150);
  });
});
