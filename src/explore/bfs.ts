import type { Model } from '../core/model.ts';
import { ACTION_CODE_WORDS, NEXT_CUT, NEXT_NONE, type PackedModel } from '../core/packed.ts';
import { splitvoteError } from '../core/errors.ts';
import { ChunkQueue } from '../store/chunkQueue.ts';
import { WordQueue } from '../store/wordQueue.ts';
import { Search } from './search.ts';
import type { ResolvedOptions } from './options.ts';
import { packedOf } from './packedOf.ts';
import { persistentSubset, reductionPlan } from './reduction.ts';

/**
 * Breadth-first search: states are expanded level by level, so the first state found that
 * violates an `always` property (or witnesses a `sometimes`) has a shortest trace.
 * Runs on the model's packed vectors when it has them (the frontier is then a queue of
 * words, and a successor is copied out of the scratch buffer only when it is new), else on
 * state objects; both visit the same states in the same order.
 * Returns the search bookkeeping; `explore` turns it into a result.
 */
export function bfs<TState, TAction>(model: Model<TState, TAction>, options: ResolvedOptions): Search<TState, TAction> {
  const packed = packedOf(model, options);
  return packed === undefined ? bfsObjects(model, options) : bfsPacked(model, packed, options);
}

function bfsObjects<TState, TAction>(model: Model<TState, TAction>, options: ResolvedOptions): Search<TState, TAction> {
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
  return finish(search, queue.size);
}

function bfsPacked<TState, TAction>(model: Model<TState, TAction>, packed: PackedModel<TState>, options: ResolvedOptions): Search<TState, TAction> {
  const search = new Search(model, options, 'bfs', packed);
  search.reduction = reductionPlan(model as Model<unknown, unknown>, packed, options);
  const reduce = search.reduction.enabled;
  const subset: number[] = [];
  const probe = new Int32Array(packed.width);
  const width = packed.width;
  // Each record: the state's words, then its ordinal.
  const queue = new WordQueue(width + 1);
  const scratch = new Int32Array(width);
  const fp = new Int32Array(2);
  const codes: number[] = [];

  const inits = packed.initial();
  if (inits.length === 0) throw splitvoteError('SV103', `model "${model.name}" returned no initial state`);
  for (let i = 0; i < inits.length; i++) {
    packed.fingerprint(inits[i], 0, fp);
    const ordinal = search.visitPacked(fp, -1, i, inits[i], 0);
    if (ordinal >= 0) queue.push(inits[i], 0, ordinal);
  }

  let levelLeft = queue.size;
  let depth = 0;
  while (queue.size > 0) {
    if (search.shouldStop(queue.size)) break;
    if (levelLeft === 0) {
      depth++;
      levelLeft = queue.size;
    }
    levelLeft--;
    queue.shift();
    const words = queue.buffer;
    const at = queue.offset;
    const ordinal = words[at + width];
    if (depth >= options.maxDepth) {
      if (search.hasNewSuccessorPacked(words, at, codes, scratch, fp)) search.truncated = true;
      continue;
    }
    codes.length = 0;
    packed.actions(words, at, codes);
    const only = reduce ? persistentSubset(search, packed, words, at, codes, subset, probe, fp) : undefined;
    const count = only === undefined ? codes.length / ACTION_CODE_WORDS : only.length;
    let successors = 0;
    let boundaryCut = false;
    for (let k = 0; k < count; k++) {
      const a = only === undefined ? k : only[k];
      const outcome = packed.next(words, at, codes, a, scratch, fp);
      if (outcome === NEXT_NONE) continue;
      if (outcome === NEXT_CUT) {
        search.boundaryHits++;
        boundaryCut = true;
        continue;
      }
      successors++;
      search.transitions++;
      const child = search.visitPacked(fp, ordinal, a, scratch, 0);
      if (child >= 0) {
        if (depth + 1 > search.depth) search.depth = depth + 1;
        queue.push(scratch, 0, child);
      }
    }
    search.expandedPacked(words, at, ordinal, successors, boundaryCut);
  }
  return finish(search, queue.size);
}

function finish<TState, TAction>(search: Search<TState, TAction>, frontier: number): Search<TState, TAction> {
  if (search.stopReason === null && search.truncated) search.stopReason = 'max-depth';
  search.reportProgress(frontier);
  return search;
}
