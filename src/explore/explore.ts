import type { Model } from '../core/model.ts';
import type { ExploreResult } from '../core/result.ts';
import { resolveOptions, type ExploreOptions, type ResolvedOptions } from './options.ts';
import type { Search } from './search.ts';
import { bfs } from './bfs.ts';
import { dfs } from './dfs.ts';
import { simulate } from './simulate.ts';
import { verdicts } from './verdicts.ts';
import { StateGraph } from '../graph/stateGraph.ts';

/** The result of `explore`, with the explored state graph when it was recorded. */
export type Exploration<TState, TAction> = ExploreResult<TState, TAction> & {
  /** The explored graph (edge list, and states while under `graphLimit`); absent when not recorded. */
  readonly graph?: StateGraph<TState, TAction>;
  /** With `fingerprints: true`: every visited fingerprint (high lane << 32 | low lane), sorted ascending, each once. */
  readonly fingerprints?: BigUint64Array;
};

/**
 * Explores a model's state space with the chosen strategy and judges every property.
 * Deterministic: the same model and options give the same counts, verdicts and traces.
 * A search stopped by a limit returns a partial result (`complete: false`, `stopReason`)
 * instead of throwing; property violations are verdicts, never exceptions.
 *
 * @example
 * const result = explore(model, { strategy: 'bfs', maxStates: 1e6 });
 * result.properties.find((p) => p.status === 'violated')?.trace;
 */
export function explore<TState, TAction>(model: Model<TState, TAction>, options: ExploreOptions = {}): Exploration<TState, TAction> {
  const resolved = resolveOptions(options);
  const run = resolved.strategy === 'bfs' ? bfs : resolved.strategy === 'dfs' ? dfs : simulate;
  return resultOf(model, resolved, run(model, resolved));
}

/** Judges the properties of a finished search and assembles its result. */
export function resultOf<TState, TAction>(model: Model<TState, TAction>, resolved: ResolvedOptions, search: Search<TState, TAction>): Exploration<TState, TAction> {
  const properties = verdicts(search);
  const stats = search.stats();
  const complete = search.stopReason === null;
  return {
    model: model.name,
    strategy: resolved.strategy,
    complete,
    stopReason: search.stopReason,
    stats,
    properties,
    bounds: model.bounds ?? {},
    ...(resolved.strategy === 'simulate' ? { seed: resolved.seed } : {}),
    ...(resolved.fingerprints && search.visited.sorted !== undefined ? { fingerprints: search.visited.sorted() } : {}),
    ...(search.edges !== undefined ? { graph: new StateGraph(model, { nodes: search.visited.size, edges: search.edges, states: search.graphStates(), parents: search.parents.toInt32Array() }, properties) } : {}),
  };
}
