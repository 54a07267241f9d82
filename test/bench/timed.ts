import { cpus } from 'node:os';
import type { ExploreOptions } from '../../src/index.ts';
import { timedRecoveryModel } from '../../models/valkey-failover/timed/exhaustive.ts';
import { defaultCron, defaultGossip, defaultLatency, type TimedScenario } from '../../models/valkey-failover/timed/scenario.ts';
import { simulateRecovery } from '../../models/valkey-failover/timed/simulate.ts';

/** A timed Monte Carlo benchmark: `runs` runs of one variant row on one scenario. */
export interface TimedBench {
  readonly name: string;
  readonly what: string;
  readonly scenario: TimedScenario;
  readonly variants: readonly string[];
  readonly runs: number;
}

const SEVEN: TimedScenario = { primaries: 7, failed: 3, replicas: 1, nodeTimeout: 15000, latency: { kind: 'uniform', lo: 1, hi: 10 }, gossip: defaultGossip(15000), sameTick: false };

/** The command-line defaults of `simulate --timed` (issue 12): detection by mechanism, drifting crons, measured latency and spikes. */
const MECHANISM: TimedScenario = { primaries: 7, failed: 3, replicas: 1, nodeTimeout: 15000, latency: defaultLatency(), cron: defaultCron(), sameTick: false };

/** Issue 5's target: 10,000 runs of a 7-primary cluster well under a minute. */
export const TIMED_BENCHES: readonly TimedBench[] = [
  {
    name: 'timed-7p3f-redis7-mechanism-10k',
    what: '10,000 timed runs, 7 primaries (3 fail), 1 replica each, node_timeout 15000, the CLI defaults of issue 12 (failure detection simulated by mechanism, drifting crons, measured bus latency), redis-7.0',
    scenario: MECHANISM,
    variants: ['redis-7.0'],
    runs: 10_000,
  },
  {
    name: 'timed-7p3f-redis7-mechanism-bus50-10k',
    what: 'the same at node_timeout 1000 with the 50 ms bus-delay proxy (split votes and retry windows)',
    scenario: { ...MECHANISM, nodeTimeout: 1000, busDelay: 50 },
    variants: ['redis-7.0'],
    runs: 10_000,
  },
  { name: 'timed-7p3f-nack-10k', what: '10,000 timed runs, 7 primaries (3 fail), 1 replica each, node_timeout 15000, latency 1-10 ms, nack-4654', scenario: SEVEN, variants: ['nack-4654'], runs: 10_000 },
  {
    name: 'timed-7p3f-legacy-same-tick-10k',
    what: 'the same with valkey-legacy and every candidate starting in the same tick (split votes, long runs with retries)',
    scenario: { ...SEVEN, sameTick: true },
    variants: ['valkey-legacy'],
    runs: 10_000,
  },
];

/** The header line of the timed table in docs/benchmarks.md. */
export const TIMED_TABLE_HEADER = '| date | benchmark | runs | seconds | runs/s | ms/run |';

/** Runs one timed benchmark; the last line printed is its table row. */
export function timedBench(bench: TimedBench, date: string, machine: string): string {
  const started = performance.now();
  simulateRecovery({ scenario: bench.scenario, variants: [bench.variants], runs: bench.runs, seed: 1 });
  const seconds = (performance.now() - started) / 1000;
  const rss = process.memoryUsage.rss();
  const row = [date, bench.name, bench.runs.toLocaleString('en-US'), seconds.toFixed(2), Math.round(bench.runs / seconds).toLocaleString('en-US'), ((seconds * 1000) / bench.runs).toFixed(3), `${(rss / 2 ** 20).toFixed(0)} MiB`, machine];
  return `${bench.name}: ${bench.what}\n  ${bench.runs} runs in ${seconds.toFixed(2)} s = ${row[4]} runs/s (${cpus().length} cores, one used)\n| ${row.join(' | ')} |\n`;
}

/** The exhaustive timed analysis as an explorer benchmark: two replicas compete, latency 1 or 10 ms. */
export const exhaustiveTimedBench = {
  name: 'timed-exhaustive-siblings',
  what: 'exhaustive timed failover model: 3 primaries, 2 replicas of P0 start together, latency 1 or 10 ms, nack-4654, 2 elections each (graph with states kept)',
  model: () =>
    timedRecoveryModel({
      scenario: { primaries: 3, failed: 1, replicas: 2, nodeTimeout: 1000, latency: { kind: 'uniform', lo: 1, hi: 10 }, gossip: { kind: 'fixed', value: 0 }, phases: { kind: 'fixed', value: 0 }, sameTick: true, liveReplicas: false },
      variants: ['nack-4654'],
      grid: 9,
      maxElections: 2,
    }),
  options: { strategy: 'bfs', graph: 'always', graphLimit: Number.MAX_SAFE_INTEGER, deadlock: false } as ExploreOptions,
};
