/**
 * Derives measured figures of the timed failover model from the raw measurements in this
 * folder (scenario.ts: defaultCron from the cron files; the loopback figures, which show that
 * the wire itself is not what the bus latency is made of), so a test can check that every
 * measured constant is what the files give. Node-only (reads files); the
 * model itself keeps the derived numbers as constants.
 */
import { readFileSync } from 'node:fs';
import { percentile } from '../../../../src/index.ts';

const here = new URL('./', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, here), 'utf8');

/** The cron-interval files: each holds the verbose `DB 0:` lines of one real server (one every 50 serverCron loops). */
export const CRON_FILES = ['cron-db-lines-a.txt', 'cron-db-lines-b.txt'] as const;

/** Per file, per pair of consecutive lines: the mean cron interval over those 50 loops minus 100 ms, rounded to 0.01 ms. */
export function cronExcesses(): number[] {
  return CRON_FILES.flatMap((file) => {
    const times = read(file)
      .split('\n')
      .filter((l) => l.includes('DB 0:'))
      .map((l) => {
        const m = /(\d\d):(\d\d):(\d\d\.\d\d\d)/.exec(l)!;
        return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
      });
    return times.slice(1).map((t, i) => Math.round(((t - times[i]) * 1000) / 50 * 100 - 100 * 100) / 100);
  });
}

/** Loopback latency from PING round trips (microseconds): one-way = half; spikes = round trips over 500 us. */
export function latencyFigures(): { baseLo: number; baseHi: number; spikeProbability: number; spikeLo: number; spikeHi: number } {
  const rtts = read('loopback-rtt-us.txt')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(Number)
    .sort((a, b) => a - b);
  const base = rtts.filter((r) => r <= 500).map((r) => r / 2000);
  const spikes = rtts.filter((r) => r > 500).map((r) => r / 2000);
  const r3 = (v: number) => Math.round(v * 1000) / 1000;
  return {
    baseLo: r3(percentile(base, 5)),
    baseHi: r3(percentile(base, 95)),
    spikeProbability: Math.round((spikes.length / rtts.length) * 10000) / 10000,
    spikeLo: r3(percentile(spikes, 5)),
    spikeHi: r3(percentile(spikes, 95)),
  };
}
