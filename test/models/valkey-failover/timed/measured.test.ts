import { describe, expect, test } from 'vitest';
import { cronExcesses, latencyFigures } from '../../../../models/valkey-failover/timed/measured/derive.ts';
import { readFileSync } from 'node:fs';
import { defaultCron, defaultLatency, MEASURED_BUS_LATENCY, MEASURED_CRON_EXCESS } from '../../../../models/valkey-failover/timed/scenario.ts';

// Calibration by mechanism (issue 12 item 5): every measured default of the timed model is what
// the committed raw measurements give, so none can be tuned to match a result.
describe('measured defaults come from the committed measurements (models/valkey-failover/timed/measured)', () => {
  test('cron jitter: the 50-loop mean intervals of real servers, minus the armed 100 ms', () => {
    expect(MEASURED_CRON_EXCESS).toEqual(cronExcesses());
    expect(defaultCron()).toEqual({ period: 100, jitter: { kind: 'empirical', values: MEASURED_CRON_EXCESS, source: 'measured' } });
  });

  test('latency: the election-start-to-grant times of real clusters (bus-latency-ms.txt, extracted by busLatency.ts)', () => {
    const file = readFileSync(new URL('../../../../models/valkey-failover/timed/measured/bus-latency-ms.txt', import.meta.url), 'utf8');
    expect(MEASURED_BUS_LATENCY).toEqual(file.split('\n').filter((l) => l !== '').map(Number));
    expect(defaultLatency()).toEqual({ kind: 'empirical', values: MEASURED_BUS_LATENCY, source: 'measured' });
  });

  test('loopback alone is far faster than the bus latency: the wire is not what takes the time', () => {
    const f = latencyFigures();
    expect(f.baseHi).toBeLessThan(0.1);
    expect([...MEASURED_BUS_LATENCY].sort((a, b) => a - b)[MEASURED_BUS_LATENCY.length >> 1]).toBe(2);
  });
});
