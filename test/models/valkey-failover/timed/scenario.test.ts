import { describe, expect, test } from 'vitest';
import { Random } from '../../../../src/index.ts';
import { authRetryTime, CRON_PERIOD_MS } from '../../../../models/valkey-failover/timed/formulas.ts';
import { runOnce, timedFailoverModel } from '../../../../models/valkey-failover/timed/simulate.ts';
import { scenario } from './helpers.ts';

// Issue 5's scenario: every candidate starts in the same instant (DEBUG CLUSTER-FAILOVER-DELAY 0
// and the failure seen by every node at once), here two replicas of P0 and two voters, so the
// votes split 1-1 whenever each voter sees a different request first. Detection is at exactly
// node_timeout (1000 ms); a round trip takes 10 ms.
const SAME_TICK = scenario({ replicas: 2, sameTick: true });
const DETECTED = 1000;
const RUNS = 200;

function runs(variant: string) {
  const setup = timedFailoverModel(SAME_TICK, [variant]);
  const random = new Random(5);
  return Array.from({ length: RUNS }, () => runOnce(setup, SAME_TICK, random));
}

describe('split vote with every candidate starting in the same tick (issue 5)', () => {
  test('valkey-legacy: a run whose first election is lost recovers only after a whole auth_retry_time window', () => {
    const retry = authRetryTime(1000);
    const all = runs('valkey-legacy');
    const split = all.filter((r) => r.retryGapsMs.length > 0);
    expect(split.length).toBeGreaterThan(RUNS / 4); // the split is common, so the test is not vacuous
    expect(all.every((r) => r.recovered && r.splitVote)).toBe(true);
    for (const r of split) {
      const windows = Math.floor((r.recoveryMs - DETECTED) / retry);
      expect(windows).toBeGreaterThanOrEqual(1);
      // Recovery comes at the first cron tick after a retry window, plus a round trip.
      expect(r.recoveryMs - DETECTED - windows * retry).toBeLessThanOrEqual(CRON_PERIOD_MS + 20);
      expect(r.retryGapsMs.every((gap) => gap > retry)).toBe(true);
    }
    // Runs where one replica got both votes recover in one round trip.
    for (const r of all.filter((x) => x.retryGapsMs.length === 0)) expect(r.recoveryMs).toBe(DETECTED + 10);
  });

  for (const variant of ['nack-4654', 'fix-4655', 'fix-4700']) {
    test(`${variant}: every run recovers within the fresh start delay (0 here) plus a few cron ticks`, () => {
      const all = runs(variant);
      expect(all.some((r) => r.nackResets > 0)).toBe(true);
      for (const r of all) {
        expect(r.recovered).toBe(true);
        expect(r.recoveryMs - DETECTED).toBeLessThan(3 * CRON_PERIOD_MS);
        for (const gap of r.retryGapsMs) expect(gap).toBeLessThan(3 * CRON_PERIOD_MS);
      }
    });
  }
});
