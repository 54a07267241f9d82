import { describe, expect, test } from 'vitest';
import { cronExcesses, latencyFigures } from '../../../../models/valkey-failover/timed/measured/derive.ts';
import { defaultCron, defaultSpike, MEASURED_CRON_EXCESS, MEASURED_LATENCY } from '../../../../models/valkey-failover/timed/scenario.ts';

// Calibration by mechanism (issue 12 item 5): every measured default of the timed model is what
// the committed raw measurements give, so none can be tuned to match a result.
describe('measured defaults come from the committed measurements (models/valkey-failover/timed/measured)', () => {
  test('cron jitter: the 50-loop mean intervals of real servers, minus the armed 100 ms', () => {
    expect(MEASURED_CRON_EXCESS).toEqual(cronExcesses());
    expect(defaultCron()).toEqual({ period: 100, jitter: { kind: 'empirical', values: MEASURED_CRON_EXCESS, source: 'measured' } });
  });

  test('latency: halves of loopback PING round trips, base from the ones up to 0.5 ms, spikes from the rest', () => {
    const f = latencyFigures();
    expect(MEASURED_LATENCY).toBe(`uniform:${f.baseLo}-${f.baseHi}`);
    expect(defaultSpike()).toEqual({ probability: f.spikeProbability, extra: { kind: 'uniform', lo: f.spikeLo, hi: f.spikeHi } });
  });
});
