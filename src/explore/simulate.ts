import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { Model } from '../core/model.ts';
import { splitvoteError } from '../core/errors.ts';
import { Search } from './search.ts';
import type { ResolvedOptions } from './options.ts';

/**
 * Seeded random walks for state spaces too large to exhaust. Each walk starts from a random
 * initial state and takes up to `maxSteps` random actions (a walk ends early in a state
 * without successors). The same seed gives the same walks, states and verdicts.
 *
 * Every state met is fingerprinted and checked like in BFS; its parent is the state it was
 * first reached from, so counterexamples are real paths, usually shorter than the walk.
 * A simulation never proves an `always` property: those that were not violated are
 * `unknown`.
 */
export function simulate<TState, TAction>(model: Model<TState, TAction>, options: ResolvedOptions): Search<TState, TAction> {
  const search = new Search(model, options, 'simulate');
  const inits = model.initStates();
  if (inits.length === 0) throw splitvoteError('SV103', `model "${model.name}" returned no initial state`);
  const rng = xoroshiro128plus(options.seed);
  const withinBoundary = model.withinBoundary?.bind(model);
  const actions: TAction[] = [];
  const candidates: number[] = [];
  let runs = 0;
  for (; runs < options.runs; runs++) {
    if (search.shouldStop(options.runs - runs)) break;
    const i = uniformInt(rng, 0, inits.length - 1);
    let state = inits[i];
    let ordinal = ordinalOf(search, search.visit(state, -1, i));
    if (search.stopReason !== null) break;
    for (let step = 0; step < options.maxSteps; step++) {
      actions.length = 0;
      model.actions(state, actions);
      candidates.length = 0;
      for (let a = 0; a < actions.length; a++) candidates.push(a);
      // Draw actions until one applies; drawn actions that do nothing are removed.
      let next: TState | undefined;
      let chosen = -1;
      let boundaryCut = false;
      while (candidates.length > 0) {
        const k = uniformInt(rng, 0, candidates.length - 1);
        const a = candidates[k];
        candidates[k] = candidates[candidates.length - 1];
        candidates.pop();
        next = model.next(state, actions[a]);
        if (next === undefined) continue;
        if (withinBoundary !== undefined && !withinBoundary(next)) {
          search.boundaryHits++;
          boundaryCut = true;
          next = undefined;
          continue;
        }
        chosen = a;
        break;
      }
      if (next === undefined) {
        search.expanded(state, ordinal, 0, boundaryCut);
        break;
      }
      search.transitions++;
      if (step + 1 > search.depth) search.depth = step + 1;
      ordinal = ordinalOf(search, search.visit(next, ordinal, chosen));
      if (search.stopReason !== null) break; // max states: the new state was not added
      state = next;
    }
  }
  if (search.stopReason === null) search.stopReason = 'max-runs';
  search.runs = runs;
  search.reportProgress(0);
  return search;
}

function ordinalOf<TState, TAction>(search: Search<TState, TAction>, visited: number): number {
  return visited >= 0 ? visited : search.visited.lastOrdinal;
}
