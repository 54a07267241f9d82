import type { ExploreOptions } from '../../../src/index.ts';

/** The 7-primary preset the large-cluster report explores. */
export const LARGE_PRESET = 'cluster-7x3';

/** The code whose behaviour decides docs/results/large-clusters.md (its staleness hash). */
export const LARGE_INPUTS: readonly string[] = ['src/core', 'src/explore', 'src/store', 'src/xstate', 'models/valkey-failover'];

/** One row of the large-cluster report: a variant set, bounds (`--set`), and one search. */
export interface LargeRow {
  readonly variants: readonly string[];
  readonly constants: Readonly<Record<string, number>>;
  readonly strategy: 'bfs' | 'simulate';
  readonly options: ExploreOptions;
}

const VARIANT_SETS = [['redis-7.0'], ['nack-4654'], ['nack-4654', 'fix-4655']];
/** States a capped search keeps (one to two minutes each on a quiet 2-core machine). */
export const BFS_CAP = 4_000_000;

/**
 * Per variant: the capped BFS with every election in epoch 8, then random walks with room for
 * a retry (maxEpoch 10). Fixed caps and seeds: the report's counts are deterministic.
 */
export const LARGE_ROWS: readonly LargeRow[] = VARIANT_SETS.flatMap((variants): LargeRow[] => [
  { variants, constants: { maxEpoch: 8, maxElections: 1 }, strategy: 'bfs', options: { strategy: 'bfs', maxStates: BFS_CAP, graph: 'never' } },
  { variants, constants: { maxEpoch: 10, maxElections: 2 }, strategy: 'simulate', options: { strategy: 'simulate', runs: 500, maxSteps: 200, seed: 1 } },
]);
