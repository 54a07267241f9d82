import { describe, expect, test } from 'vitest';
import { authRetryTime, authTimeout, valkeyBaseDelay } from '../../../../models/valkey-failover/timed/formulas.ts';
import { scenario, timedRun, when } from './helpers.ts';

// Detection is at exactly 1000 ms (gossip 0) and latency 5 ms, so times can be worked out by hand.
describe('timed failover election', () => {
  test('the best-ranked replica starts in the before-sleep run right after it marks its primary FAIL (§2.3, §2.4 step 4)', () => {
    const steps = timedRun(scenario(), ['nack-4654'], 1);
    const marked = when(steps, /^R3 marks P0 FAIL/);
    expect(marked).toBeGreaterThanOrEqual(1000);
    expect(when(steps, /^R3 starts election for epoch 4 at once/)).toBe(marked);
    // Requests take 5 ms, the ACKs 5 more: the win is one round trip later.
    expect(when(steps, /^R3 wins the election/)).toBe(marked + 10);
  });

  test('a replica with a sibling is never best-ranked: it waits delay + random % delay (rank 0), then starts at a cron tick (§2.4 steps 4, 6)', () => {
    const d = valkeyBaseDelay(1000);
    for (const seed of [1, 2, 3]) {
      const steps = timedRun(scenario({ replicas: 2 }), ['valkey-legacy'], seed);
      const wait = when(steps, /^R3 starts election/) - when(steps, /^R3 schedules an election/);
      // Rank 0 (R3 is ahead of R4 by name): [d, 2d - 1] after scheduling, then up to one cron period.
      expect(wait).toBeGreaterThanOrEqual(d);
      expect(wait).toBeLessThan(2 * d + 100);
    }
  });

  test('Redis 7.0 waits 500 + random % 500 and starts at a cron tick (§9)', () => {
    for (const seed of [1, 2, 3]) {
      const steps = timedRun(scenario(), ['redis-7.0'], seed);
      const wait = when(steps, /^R3 starts election/) - when(steps, /^R3 schedules an election/);
      expect(wait).toBeGreaterThanOrEqual(500);
      expect(wait).toBeLessThan(1000 + 100);
    }
  });

  test('an election that cannot win expires after auth_timeout and retries after auth_retry_time, both from the scheduled start (§2.4 step 7)', () => {
    // Two replicas of P0 start together (DEBUG delay 0); with fixed latency the voters split
    // 1-1 in some runs, and then legacy expires and retries.
    for (let seed = 1; seed < 40; seed++) {
      const steps = timedRun(scenario({ replicas: 2, sameTick: true }), ['valkey-legacy'], seed);
      if (!steps.some((s) => /expires \(auth_timeout\)/.test(s.label))) continue;
      const start = when(steps, /starts election for epoch 4/);
      const expired = when(steps, /expires \(auth_timeout\)/);
      const retried = when(steps, /retries: starts election/);
      expect(expired).toBeGreaterThan(start + authTimeout(1000));
      expect(expired).toBeLessThanOrEqual(start + authTimeout(1000) + 100);
      expect(retried).toBeGreaterThan(start + authRetryTime(1000));
      expect(retried).toBeLessThanOrEqual(start + authRetryTime(1000) + 100);
      return;
    }
    throw new Error('no seed gave a split vote');
  });
});
