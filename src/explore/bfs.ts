import type { Model } from '../core/model.ts';
import { splitvoteError } from '../core/errors.ts';
import { ChunkQueue } from './growable.ts';
import { Search } from './search.ts';
import type { ResolvedOptions } from './options.ts';

/**
 * Breadth-first search: states are expanded level by level, so the first state found that
 * violates an `always` property (or witnesses a `sometimes`) has a shortest trace.
 * Returns the search bookkeeping; `explore` turns it into a result.
 */
export function bfs<TState, TAction>(model: Model<TState, TAction>, options: ResolvedOptions): Search<TState, TAction> {
  const search = new Search(model, options, 'bfs');
  const queue = new ChunkQueue<TState>();
  const ordinals = new ChunkQueue<number>();

  // Step 1: the initial states are level 0.
  const inits = model.initStates();
  if (inits.length === 0) throw splitvoteError('SV103', `model "${model.name}" returned no initial state`);
  for (let i = 0; i < inits.length; i++) {
    const ordinal = search.visit(inits[i], -1, i);
    if (ordinal >= 0) {
      queue.push(inits[i]);
      ordinals.push(ordinal);
    }
  }

  // Step 2: expand level by level; `levelLeft` counts the states left in the current level.
  const actions: TAction[] = [];
  const withinBoundary = model.withinBoundary?.bind(model);
  let levelLeft = queue.size;
  let depth = 0;
  while (queue.size > 0) {
    if (search.shouldStop(queue.size)) break;
    if (levelLeft === 0) {
      depth++;
      levelLeft = queue.size;
    }
    levelLeft--;
    const state = queue.shift();
    const ordinal = ordinals.shift();
    if (depth >= options.maxDepth) {
      if (search.hasNewSuccessor(state, actions)) search.truncated = true;
      continue;
    }
    actions.length = 0;
    model.actions(state, actions);
    let successors = 0;
    let boundaryCut = false;
    for (let a = 0; a < actions.length; a++) {
      const next = model.next(state, actions[a]);
      if (next === undefined) continue;
      if (withinBoundary !== undefined && !withinBoundary(next)) {
        search.boundaryHits++;
        boundaryCut = true;
        continue;
      }
      successors++;
      search.transitions++;
      const child = search.visit(next, ordinal, a);
      if (child >= 0) {
        if (depth + 1 > search.depth) search.depth = depth + 1;
        queue.push(next);
        ordinals.push(child);
      }
    }
    search.expanded(state, ordinal, successors, boundaryCut);
  }
  if (search.stopReason === null && search.truncated) search.stopReason = 'max-depth';
  search.reportProgress(queue.size);
  return search;
}
