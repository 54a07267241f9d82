import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Model } from '../../core/model.ts';
import type { PackedModel } from '../../core/packed.ts';
import { splitvoteError } from '../../core/errors.ts';
import { explore, resultOf, type Exploration } from '../explore.ts';
import { resolveOptions, type ExploreOptions, type ResolvedOptions } from '../options.ts';
import { packedOf } from '../packedOf.ts';
import { Search, type VisitedSet } from '../search.ts';
import { LevelWork, type ExpandResult } from './levelWork.ts';
import { CLAIMED, SharedTable } from './sharedTable.ts';
import type { ModelRecipe, ToWorker, WorkerData } from './protocol.ts';
import { ThreadPool } from './threadPool.ts';

/** Options of {@link exploreParallel}: those of `explore`, plus the number of threads. */
export interface ParallelOptions extends ExploreOptions {
  /** Threads, the coordinator included (default: the machine's cores). 1 runs `explore` itself. */
  readonly workers?: number;
}

/** Builds the model a recipe names (in this thread). */
export async function modelFromRecipe(recipe: ModelRecipe): Promise<Model<unknown, unknown>> {
  const url = recipe.module.startsWith('file:') ? recipe.module : pathToFileURL(recipe.module).href;
  const factory = (await import(url))[recipe.export] as ((args: unknown) => Model<unknown, unknown> | Promise<Model<unknown, unknown>>) | undefined;
  if (typeof factory !== 'function') throw splitvoteError('SV202', `recipe module ${recipe.module} exports no function "${recipe.export}"`);
  return factory(recipe.args);
}

/**
 * Breadth-first search on several threads over one shared fingerprint table, level by level
 * (level-synchronous, as TLC's workers meet between levels). Every thread holds the whole
 * frontier; each expands a contiguous share of it and inserts successor fingerprints with
 * atomics; a new state belongs to the lowest thread that met it, whose first meeting is
 * the state's first discovery in the one-thread order; between levels the coordinator
 * numbers the new states in that order and every thread rebuilds them from (parent,
 * action). So the states, transitions, ordinals, verdicts and traces are exactly those of
 * one thread (`explore`), counterexamples included, for a complete search; a search stopped
 * by a limit stops at a level boundary and may count a little differently.
 *
 * Needs the model's packed form and a recipe each thread can build the model from; without
 * either (or with one thread, or DFS/simulation) it runs `explore` on this thread.
 */
export async function exploreParallel<TState, TAction>(recipe: ModelRecipe, options: ParallelOptions = {}): Promise<Exploration<TState, TAction>> {
  const model = (await modelFromRecipe(recipe)) as Model<TState, TAction>;
  const threads = options.workers ?? availableParallelism();
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw splitvoteError('SV202', `workers must be a whole number from 1 to 64, got ${String(threads)}`);
  const resolved = resolveOptions(options);
  const packed = resolved.strategy === 'bfs' ? packedOf(model, resolved) : undefined;
  if (threads === 1 || packed === undefined) return explore(model, options);
  const pool = await ThreadPool.start(threads - 1, (thread): WorkerData => ({ recipe, thread, settings: { symmetry: resolved.symmetry && model.representative !== undefined } }));
  try {
    return resultOf(model, resolved, await coordinate(model, packed, resolved, pool, threads));
  } finally {
    await pool.stop();
  }
}

async function coordinate<TState, TAction>(model: Model<TState, TAction>, packed: PackedModel<TState>, options: ResolvedOptions, pool: ThreadPool, threads: number): Promise<Search<TState, TAction>> {
  let table = SharedTable.create(Math.min(options.expectedStates, options.maxStates) * 2);
  let count = 0;
  const visited: VisitedSet = {
    get size() {
      return count;
    },
    get bytes() {
      return table.bytes;
    },
    lastOrdinal: -1,
    add: () => {
      throw new Error('the shared table is filled by the threads');
    },
    has: (hi, lo) => table.has(hi, lo),
    dropOrdinals: () => {},
  };
  const search = new Search(model, options, 'bfs', packed, visited);
  const work = new LevelWork(packed, 0, model.isFinal?.bind(model));

  // Level 0: the initial states, without duplicates.
  const inits = packed.initial();
  if (inits.length === 0) throw splitvoteError('SV103', `model "${model.name}" returned no initial state`);
  const accepted: number[] = [];
  const fp = new Int32Array(2);
  inits.forEach((init, i) => {
    packed.fingerprint(init, 0, fp);
    const result = table.insert(fp[0], fp[1], 0, 0);
    if ((result & 3) !== CLAIMED) return;
    table.ordinals[result >> 2] = search.adopt(packed.decode(init, 0), -1, i, init, 0);
    accepted.push(i);
    count++;
  });
  work.start(accepted);
  await pool.broadcast(() => ({ kind: 'start', table: table.buffer, capacity: table.capacity, inits: accepted }));

  let base = 0;
  let size = accepted.length;
  let fanout = 8;
  for (let depth = 0; size > 0; depth++) {
    if (search.shouldStopAtLevel(size)) break;
    // Room for the next level before anyone inserts (only the coordinator grows the table).
    const needed = count + size * fanout * 2;
    if (needed > table.capacity / 2) {
      table = table.grown(needed * 2);
    }
    const shares = split(size, threads);
    const expanding = pool.requestEach((k): ToWorker => ({ kind: 'expand', table: table.buffer, capacity: table.capacity, depth, base, from: shares[k + 1], to: shares[k + 2], recordEdges: search.edges !== undefined, deadlock: options.deadlock }));
    const mine = work.expand(table, depth, base, shares[0], shares[1], search.edges !== undefined, options.deadlock);
    const results: ExpandResult[] = [mine, ...(await expanding).map((reply) => (reply as { result: ExpandResult }).result)];
    if (depth >= options.maxDepth) {
      // As one thread does: states at the depth limit are not expanded; the search is
      // truncated when one of them has a successor not seen before.
      search.truncated = results.some((r) => r.owned.length > 0);
      break;
    }
    const list = merge(search, table, results, count, options);
    fanout = Math.max(fanout, Math.ceil(results.reduce((sum, r) => sum + r.transitions, 0) / size));
    const advancing = pool.requestEach(() => ({ kind: 'advance', list }));
    work.advance(list, (k, words) => {
      search.adopt(packed.decode(words, 0), base + list[2 * k], list[2 * k + 1], words, 0);
    });
    await advancing;
    if (list.length > 0 && depth + 1 > search.depth) search.depth = depth + 1;
    base += size;
    size = list.length / 2;
    count += size;
  }
  if (search.stopReason === null && search.truncated) search.stopReason = 'max-depth';
  search.reportProgress(size);
  return search;
}

/** Thread k's share of `size` states is `shares[k] .. shares[k + 1] - 1` (equal, contiguous). */
function split(size: number, threads: number): number[] {
  return Array.from({ length: threads + 1 }, (_, k) => Math.floor((size * k) / threads));
}

/**
 * Folds the threads' results of one level into the search, in thread order (the ordinal
 * order): counts, cut and dead states, and the new states each thread owns, numbered from
 * `count`, within `maxStates`. Returns the new states as (parent index, action) pairs and
 * records the level's edges with their targets' ordinals.
 */
function merge<TState, TAction>(search: Search<TState, TAction>, table: SharedTable, results: readonly ExpandResult[], count: number, options: ResolvedOptions): Int32Array {
  const pairs: number[] = [];
  let room = options.maxStates - count;
  results.forEach((result, thread) => {
    search.transitions += result.transitions;
    search.boundaryHits += result.boundaryHits;
    for (const ordinal of result.open) search.open.push(ordinal);
    for (const ordinal of result.deadlocks) search.noteDeadlock(ordinal);
    const owned = result.owned;
    for (let k = 0; k < owned.length; k += 3) {
      const slot = owned[k + 2];
      if (table.owner(slot) !== thread) continue;
      if (room <= 0) {
        search.stopReason = 'max-states';
        continue;
      }
      room--;
      table.ordinals[slot] = count + pairs.length / 2;
      pairs.push(owned[k], owned[k + 1]);
    }
  });
  const edges = search.edges;
  if (edges !== undefined) {
    for (const result of results) {
      const e = result.edges;
      for (let k = 0; k < e.length; k += 3) {
        const target = table.ordinals[e[k + 1]];
        if (target >= 0) edges.add(e[k], target, e[k + 2]);
      }
    }
  }
  return Int32Array.from(pairs);
}
