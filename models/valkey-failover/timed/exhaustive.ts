import { createTimedModel, explore, timedExtremes, type Exploration, type TimedAction, type TimedExtremes, type TimedModel, type TimedState } from '../../../src/index.ts';
import type { Ghost } from '../ghost.ts';
import type { FailoverClock } from './clock.ts';
import { failedShardsServed } from './metrics.ts';
import type { TimedScenario } from './scenario.ts';
import { timedFailoverModel } from './simulate.ts';

/** Options of {@link recoveryExtremes}. */
export interface ExtremesOptions {
  /** Keep it small: values are enumerated on the grid, every tie is ordered every way. */
  readonly scenario: TimedScenario;
  readonly variants: readonly string[];
  /** Grid step (ms) for latencies, gossip and random delays. */
  readonly grid: number;
  /** Elections per replica: behaviours that need more are cut (and counted as boundary hits). */
  readonly maxElections: number;
  /** Stop after this many states (the result then says the search was incomplete). */
  readonly maxStates?: number;
}

/** The worst and best recovery time and the exploration behind them. */
export interface RecoveryExtremes {
  readonly model: TimedModel<Ghost, FailoverClock>;
  readonly exploration: Exploration<TimedState<Ghost, FailoverClock>, TimedAction>;
  readonly extremes: TimedExtremes<Ghost, FailoverClock>;
}

/**
 * Exhaustive worst and best time from the failure to every failed shard's promotion (issue 5
 * item 3): the timed failover model with every latency and delay on the grid and every order
 * of simultaneous events, explored by BFS with the state graph kept, then the longest and
 * shortest path to a state where every failed shard is served. The worst case holds for
 * behaviours within `maxElections` elections per replica; `exploration.stats.boundaryHits`
 * counts the successors cut there.
 */
export function recoveryExtremes(options: ExtremesOptions): RecoveryExtremes {
  const model = timedRecoveryModel(options);
  const exploration = explore(model, {
    strategy: 'bfs',
    graph: 'always',
    graphLimit: Number.MAX_SAFE_INTEGER,
    deadlock: false,
    ...(options.maxStates === undefined ? {} : { maxStates: options.maxStates }),
  });
  return { model, exploration, extremes: timedExtremes(model, exploration) };
}

/** The exhaustive timed model of {@link recoveryExtremes}, not yet explored: its goal is every failed shard served. */
export function timedRecoveryModel(options: Omit<ExtremesOptions, 'maxStates'>): TimedModel<Ghost, FailoverClock> {
  const setup = timedFailoverModel(options.scenario, options.variants, options.maxElections);
  return createTimedModel(setup.model, setup.timing, { grid: options.grid, goal: (sys) => failedShardsServed(sys, options.scenario.failed) });
}
