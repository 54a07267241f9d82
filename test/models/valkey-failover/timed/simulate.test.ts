import { describe, expect, test } from 'vitest';
import { formatRecoveryReport } from '../../../../src/index.ts';
import { simulateRecovery } from '../../../../models/valkey-failover/timed/simulate.ts';
import { validateScenario } from '../../../../models/valkey-failover/timed/scenario.ts';
import { scenario } from './helpers.ts';

const options = (seed: number) => ({
  scenario: scenario({ primaries: 7, failed: 3, latency: { kind: 'uniform', lo: 1, hi: 10 } as const, gossip: { kind: 'uniform', lo: 0, hi: 500 } as const }),
  variants: [['valkey-legacy'], ['nack-4654']],
  runs: 100,
  seed,
});

describe('Monte Carlo recovery times', () => {
  test('the same seed reproduces the same report and table, byte for byte', () => {
    const a = simulateRecovery(options(42));
    const b = simulateRecovery(options(42));
    expect(JSON.stringify(b.report)).toBe(JSON.stringify(a.report));
    expect(formatRecoveryReport(b.report)).toBe(formatRecoveryReport(a.report));
    expect(JSON.stringify(simulateRecovery(options(43)).report)).not.toBe(JSON.stringify(a.report));
  });

  test('every run recovers after failure detection, and the report has the fields of issue 5', () => {
    const { report, samples } = simulateRecovery(options(1));
    expect(report.variants.map((v) => v.variant)).toEqual(['valkey-legacy', 'nack-4654']);
    for (const v of report.variants) {
      expect(v.unrecovered).toBe(0);
      expect(v.recoveryMs.p50!).toBeGreaterThanOrEqual(1000);
      expect(v.recoveryMs.p50!).toBeLessThanOrEqual(v.recoveryMs.p90!);
      expect(v.recoveryMs.p90!).toBeLessThanOrEqual(v.recoveryMs.max!);
      expect(v.epochsConsumed.mean!).toBeGreaterThanOrEqual(3); // three shards, one election each at least
    }
    expect(samples[0]).toHaveLength(100);
  });

  test('a scenario without a majority of primaries left cannot elect anyone: SV401 naming --failed', () => {
    expect(() => validateScenario(scenario({ primaries: 5, failed: 3 }))).toThrow(/SV401: --failed 3: allowed: at most 2 with 5 primaries/);
    expect(() => validateScenario(scenario({ primaries: 15, replicas: 2 }))).toThrow(/--replicas 2: allowed: at most 30 nodes/);
  });
});
