import type { Distribution, VariantRecovery } from '../../../../src/index.ts';
import { TIMED_VARIANTS } from '../entry.ts';
import { recoveryExtremes } from '../exhaustive.ts';
import { defaultCron, defaultGossip, defaultLatency, type TimedScenario } from '../scenario.ts';
import { simulateRecovery } from '../simulate.ts';

/** The grid of issue 5 item 4: node_timeout x primaries x failed shards, for every variant row. */
export const NODE_TIMEOUTS = [1000, 3000, 15000] as const;
export const SHAPES = [
  [5, 2],
  [5, 3],
  [7, 2],
  [7, 3],
] as const;
/** Runs per (configuration, variant) and the seed: about 2 minutes on a 2-core machine in all. */
export const RUNS = 2000;
export const SEED = 20260601;
export const LATENCY: Distribution = { kind: 'uniform', lo: 1, hi: 10 };

/** One configuration of the grid; `variants` is undefined when no replica can be elected (no quorum left). */
export interface Cell {
  readonly primaries: number;
  readonly failed: number;
  readonly nodeTimeout: number;
  readonly variants?: readonly VariantRecovery[];
  /** Sorted recovery times per variant row (for the plot). */
  readonly samples?: readonly (readonly number[])[];
}

/** The random-timing grid's latency: the cluster-bus latency measured on real clusters (§19.3). */
export const MEASURED: Distribution = defaultLatency();

/**
 * The scenario of one grid cell, 1 replica per primary. Forced collisions (the PR's test
 * setup): latency 1-10 ms, every node marks FAIL at one instant node_timeout + up to
 * node_timeout/2 after the failure (the detection shortcut), exact 100 ms crons. Random timing:
 * everything by mechanism (§19): detection simulated, drifting crons, the measured bus latency.
 */
export function cellScenario(primaries: number, failed: number, nodeTimeout: number, sameTick: boolean): TimedScenario {
  if (sameTick) return { primaries, failed, replicas: 1, nodeTimeout, latency: LATENCY, gossip: defaultGossip(nodeTimeout), sameTick };
  return { primaries, failed, replicas: 1, nodeTimeout, latency: MEASURED, cron: defaultCron(), sameTick };
}

/** Every cell of the grid under one timing setting; `onCell` reports progress. */
export function runGrid(sameTick: boolean, runs: number, onCell: (label: string) => void): Cell[] {
  const cells: Cell[] = [];
  for (const [primaries, failed] of SHAPES) {
    for (const nodeTimeout of NODE_TIMEOUTS) {
      onCell(`${sameTick ? 'same tick' : 'random'} ${primaries}p ${failed}f ${nodeTimeout} ms`);
      if (primaries - failed < Math.floor(primaries / 2) + 1) {
        cells.push({ primaries, failed, nodeTimeout });
        continue;
      }
      const outcome = simulateRecovery({ scenario: cellScenario(primaries, failed, nodeTimeout, sameTick), variants: TIMED_VARIANTS, runs, seed: SEED });
      cells.push({ primaries, failed, nodeTimeout, variants: outcome.report.variants, samples: outcome.samples });
    }
  }
  return cells;
}

/** One exhaustive configuration (small: everything on a grid, every tie ordered every way). */
export interface ExhaustiveCase {
  readonly label: string;
  readonly scenario: TimedScenario;
  readonly grid: number;
  /** Elections per replica: behaviours that need more are cut and counted. */
  readonly maxElections: number;
  readonly variants: readonly (readonly string[])[];
}

const FIXED_0: Distribution = { kind: 'fixed', value: 0 };
const SMALL = { nodeTimeout: 1000, gossip: FIXED_0, phases: FIXED_0, sameTick: true, liveReplicas: false } as const;

/** The exhaustive cases of the report: the PR's same-tick start on two small clusters. */
export const EXHAUSTIVE_CASES: readonly ExhaustiveCase[] = [
  {
    label: '3 primaries, P0 fails, its 2 replicas compete; latency 5 ms',
    scenario: { ...SMALL, primaries: 3, failed: 1, replicas: 2, latency: { kind: 'fixed', value: 5 } },
    grid: 100,
    maxElections: 3,
    variants: TIMED_VARIANTS,
  },
  {
    label: '3 primaries, P0 fails, its 2 replicas compete; latency 1 or 10 ms per message',
    scenario: { ...SMALL, primaries: 3, failed: 1, replicas: 2, latency: LATENCY },
    grid: 9,
    maxElections: 2,
    variants: [['valkey-legacy'], ['nack-4654']],
  },
  {
    label: '5 primaries, P0 and P1 fail, one replica each; latency 5 ms',
    scenario: { ...SMALL, primaries: 5, failed: 2, replicas: 1, latency: { kind: 'fixed', value: 5 } },
    grid: 100,
    maxElections: 3,
    variants: TIMED_VARIANTS.slice(1),
  },
];

/** The measured extremes of one exhaustive case and variant. */
export interface ExhaustiveRow {
  readonly label: string;
  readonly variant: string;
  readonly maxElections: number;
  readonly states: number;
  readonly cut: number;
  readonly complete: boolean;
  readonly worstMs: number | undefined;
  readonly bestMs: number | undefined;
  /** Action labels of the worst-case behaviour. */
  readonly worstTrace: readonly string[];
}

/** Runs every exhaustive case. */
export function runExhaustive(onCase: (label: string) => void): ExhaustiveRow[] {
  return EXHAUSTIVE_CASES.flatMap((c) =>
    c.variants.map((variants) => {
      onCase(`exhaustive ${c.label} ${variants.join(',')}`);
      const { exploration, extremes } = recoveryExtremes({ scenario: c.scenario, variants, grid: c.grid, maxElections: c.maxElections, maxStates: 2_000_000 });
      return {
        label: c.label,
        variant: variants.join(','),
        maxElections: c.maxElections,
        states: exploration.stats.states,
        cut: exploration.stats.boundaryHits,
        complete: exploration.complete,
        worstMs: extremes.worst?.ms,
        bestMs: extremes.best?.ms,
        worstTrace: extremes.worst?.trace.steps.slice(1).map((s) => s.label) ?? [],
      };
    }),
  );
}
