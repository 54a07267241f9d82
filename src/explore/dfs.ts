import type { Model } from '../core/model.ts';
import { splitvoteError } from '../core/errors.ts';
import { Search } from './search.ts';
import type { ResolvedOptions } from './options.ts';

interface Frame<TState, TAction> {
  readonly state: TState;
  readonly ordinal: number;
  readonly depth: number;
  readonly actions: TAction[];
  next: number;
  successors: number;
  boundaryCut: boolean;
}

/**
 * Depth-first search with an explicit stack (no recursion, so deep spaces do not overflow).
 * It visits the same states as BFS; its traces are valid but not necessarily shortest.
 * Memory is the visited set plus one frame per level of the current path.
 */
export function dfs<TState, TAction>(model: Model<TState, TAction>, options: ResolvedOptions): Search<TState, TAction> {
  const search = new Search(model, options, 'dfs');
  const inits = model.initStates();
  if (inits.length === 0) throw splitvoteError('SV103', `model "${model.name}" returned no initial state`);
  const withinBoundary = model.withinBoundary?.bind(model);
  const stack: Frame<TState, TAction>[] = [];
  const scratch: TAction[] = [];

  const push = (state: TState, ordinal: number, depth: number): void => {
    if (depth > search.depth) search.depth = depth;
    if (depth >= options.maxDepth) {
      if (search.hasNewSuccessor(state, scratch)) search.truncated = true;
      return;
    }
    const actions: TAction[] = [];
    model.actions(state, actions);
    stack.push({ state, ordinal, depth, actions, next: 0, successors: 0, boundaryCut: false });
  };

  // Initial states are explored in order, each to exhaustion, as TLC's DFS mode does.
  for (let i = 0; i < inits.length && search.stopReason === null; i++) {
    const root = search.visit(inits[i], -1, i);
    if (root < 0) continue;
    push(inits[i], root, 0);
    while (stack.length > 0) {
      if (search.shouldStop(stack.length)) break;
      const frame = stack[stack.length - 1];
      if (frame.next === frame.actions.length) {
        stack.pop();
        search.expanded(frame.state, frame.ordinal, frame.successors, frame.boundaryCut);
        continue;
      }
      const a = frame.next++;
      const next = model.next(frame.state, frame.actions[a]);
      if (next === undefined) continue;
      if (withinBoundary !== undefined && !withinBoundary(next)) {
        search.boundaryHits++;
        frame.boundaryCut = true;
        continue;
      }
      frame.successors++;
      search.transitions++;
      const child = search.visit(next, frame.ordinal, a);
      if (child >= 0) push(next, child, frame.depth + 1);
    }
  }
  if (search.stopReason === null && search.truncated) search.stopReason = 'max-depth';
  search.reportProgress(stack.length);
  return search;
}
