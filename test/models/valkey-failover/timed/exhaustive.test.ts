import { describe, expect, test } from 'vitest';
import { recoveryExtremes } from '../../../../models/valkey-failover/timed/exhaustive.ts';
import { authRetryTime, CRON_PERIOD_MS } from '../../../../models/valkey-failover/timed/formulas.ts';
import { scenario } from './helpers.ts';

// Two replicas of P0 start in the same tick (crons aligned at phase 0, detection at 1000 ms,
// every message 5 ms); every order of simultaneous deliveries is explored.
const SIBLINGS = scenario({ replicas: 2, sameTick: true, liveReplicas: false, phases: { kind: 'fixed', value: 0 } });

describe('exhaustive worst and best recovery time', () => {
  test('valkey-legacy: best one round trip after detection, worst a retry window per lost election', () => {
    const { extremes, exploration } = recoveryExtremes({ scenario: SIBLINGS, variants: ['valkey-legacy'], grid: 1, maxElections: 3 });
    expect(exploration.complete).toBe(true);
    expect(extremes.best?.ms).toBe(1000 + 10);
    // Two lost elections, each retried at the first cron tick after auth_retry_time.
    expect(extremes.worst?.ms).toBe(1000 + 2 * (authRetryTime(1000) + CRON_PERIOD_MS) + 10);
    expect(extremes.worst!.trace.steps.at(-1)!.label).toMatch(/wins the election for epoch 6/);
  });

  test('nack-4654: every lost election costs one round trip, not a retry window', () => {
    const { extremes, exploration } = recoveryExtremes({ scenario: SIBLINGS, variants: ['nack-4654'], grid: 1, maxElections: 3 });
    expect(extremes.best?.ms).toBe(1010);
    expect(extremes.worst?.ms).toBe(1030);
    // An adversary can keep the two colliding: behaviours needing a fourth election are cut.
    expect(exploration.stats.boundaryHits).toBeGreaterThan(0);
  });
});
