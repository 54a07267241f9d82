import type { Model } from '../core/model.ts';
import { ACTION_CODE_WORDS, NEXT_CUT, NEXT_NONE, type PackedModel } from '../core/packed.ts';
import { splitvoteError } from '../core/errors.ts';
import { Search } from './search.ts';
import type { ResolvedOptions } from './options.ts';
import { packedOf } from './packedOf.ts';
import { persistentSubset, reductionPlan } from './reduction.ts';

interface Frame<TState, TAction> {
  readonly state: TState;
  readonly ordinal: number;
  readonly depth: number;
  readonly actions: TAction[];
  next: number;
  successors: number;
  boundaryCut: boolean;
}

interface PackedFrame {
  readonly words: Int32Array;
  readonly ordinal: number;
  readonly depth: number;
  readonly codes: number[];
  /** Under reduction: the indices of the persistent set to take, else undefined (all). */
  readonly only: number[] | undefined;
  next: number;
  successors: number;
  boundaryCut: boolean;
}

/**
 * Depth-first search with an explicit stack (no recursion, so deep spaces do not overflow).
 * It visits the same states as BFS; its traces are valid but not necessarily shortest.
 * Memory is the visited set plus one frame per level of the current path. On packed
 * models a frame holds the state's words; both forms take actions in the same order, so
 * they visit the same states with the same ordinals.
 */
export function dfs<TState, TAction>(model: Model<TState, TAction>, options: ResolvedOptions): Search<TState, TAction> {
  const packed = packedOf(model, options);
  return packed === undefined ? dfsObjects(model, options) : dfsPacked(model, packed, options);
}

function dfsObjects<TState, TAction>(model: Model<TState, TAction>, options: ResolvedOptions): Search<TState, TAction> {
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
  return finish(search, stack.length);
}

function dfsPacked<TState, TAction>(model: Model<TState, TAction>, packed: PackedModel<TState>, options: ResolvedOptions): Search<TState, TAction> {
  const search = new Search(model, options, 'dfs', packed);
  search.reduction = reductionPlan(model as Model<unknown, unknown>, packed, options);
  const reduce = search.reduction.enabled;
  const inits = packed.initial();
  if (inits.length === 0) throw splitvoteError('SV103', `model "${model.name}" returned no initial state`);
  const stack: PackedFrame[] = [];
  const scratch = new Int32Array(packed.width);
  const fp = new Int32Array(2);
  const probe: number[] = [];
  const probeScratch = new Int32Array(packed.width);

  const push = (words: Int32Array, ordinal: number, depth: number): void => {
    if (depth > search.depth) search.depth = depth;
    if (depth >= options.maxDepth) {
      if (search.hasNewSuccessorPacked(words, 0, probe, probeScratch, fp)) search.truncated = true;
      return;
    }
    const codes: number[] = [];
    packed.actions(words, 0, codes);
    const only = reduce ? persistentSubset(search, packed, words, 0, codes, [], probeScratch, fp)?.slice() : undefined;
    stack.push({ words, ordinal, depth, codes, only, next: 0, successors: 0, boundaryCut: false });
  };

  for (let i = 0; i < inits.length && search.stopReason === null; i++) {
    packed.fingerprint(inits[i], 0, fp);
    const root = search.visitPacked(fp, -1, i, inits[i], 0);
    if (root < 0) continue;
    push(inits[i], root, 0);
    while (stack.length > 0) {
      if (search.shouldStop(stack.length)) break;
      const frame = stack[stack.length - 1];
      if (frame.next === (frame.only === undefined ? frame.codes.length / ACTION_CODE_WORDS : frame.only.length)) {
        stack.pop();
        search.expandedPacked(frame.words, 0, frame.ordinal, frame.successors, frame.boundaryCut);
        continue;
      }
      const k = frame.next++;
      const a = frame.only === undefined ? k : frame.only[k];
      const outcome = packed.next(frame.words, 0, frame.codes, a, scratch, fp);
      if (outcome === NEXT_NONE) continue;
      if (outcome === NEXT_CUT) {
        search.boundaryHits++;
        frame.boundaryCut = true;
        continue;
      }
      frame.successors++;
      search.transitions++;
      const child = search.visitPacked(fp, frame.ordinal, a, scratch, 0);
      if (child >= 0) push(scratch.slice(), child, frame.depth + 1);
    }
  }
  return finish(search, stack.length);
}

function finish<TState, TAction>(search: Search<TState, TAction>, frontier: number): Search<TState, TAction> {
  if (search.stopReason === null && search.truncated) search.stopReason = 'max-depth';
  search.reportProgress(frontier);
  return search;
}
