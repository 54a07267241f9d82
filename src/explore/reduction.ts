import type { Model } from '../core/model.ts';
import { NEXT_STATE, type PackedModel } from '../core/packed.ts';
import type { ResolvedOptions } from './options.ts';
import type { Search } from './search.ts';

/** Whether a search runs with partial-order reduction, and why not. */
export interface ReductionPlan {
  readonly enabled: boolean;
  readonly reason?: string;
}

/**
 * Decides whether partial-order reduction may run: it must be asked for, the model must
 * offer persistent sets, and every property must keep its verdict under it. Persistent
 * sets with the cycle proviso keep deadlocks and the reachability of states where a
 * monotone property has failed (or held); they do not keep `eventually`/`recoverable`
 * (branching and liveness) verdicts, nor invariants that can fail and recover, so those
 * turn it off for the run, and the result says so.
 */
export function reductionPlan(model: Model<unknown, unknown>, packed: PackedModel<unknown> | undefined, options: ResolvedOptions): ReductionPlan {
  if (!options.por) return { enabled: false, reason: 'switched off' };
  if (options.shortest) return { enabled: false, reason: 'off to guarantee shortest counterexamples' };
  if (options.strategy === 'simulate') return { enabled: false, reason: 'random walks take any action' };
  if (packed?.ample === undefined) return { enabled: false, reason: packed?.ampleUnavailable ?? 'the model offers no persistent sets' };
  const liveness = model.properties.filter((p) => p.kind === 'eventually' || p.kind === 'recoverable');
  if (liveness.length > 0) return { enabled: false, reason: `not sound for ${liveness[0].kind} properties ("${liveness[0].name}")` };
  const changing = model.properties.find((p) => p.monotone !== true);
  if (changing !== undefined) return { enabled: false, reason: `property "${changing.name}" is not declared monotone` };
  return { enabled: true };
}

/**
 * The action indices to expand in a state under reduction: a persistent set from the model
 * when it has a proper one whose successors are all new (the cycle proviso: a state on a
 * cycle of reduced expansions would ignore the other actions for ever; here every cycle
 * closes at a fully expanded state, which works for BFS and DFS alike), else undefined
 * (expand everything). Costs one extra `next` per action of the set.
 */
export function persistentSubset<TState, TAction>(search: Search<TState, TAction>, packed: PackedModel<TState>, words: Int32Array, offset: number, codes: readonly number[], out: number[], scratch: Int32Array, fp: Int32Array): number[] | undefined {
  out.length = 0;
  if (!packed.ample!(words, offset, codes, out)) return undefined;
  let enabled = 0;
  for (const k of out) {
    const outcome = packed.next(words, offset, codes, k, scratch, fp);
    if (outcome !== NEXT_STATE) continue;
    enabled++;
    if (search.visited.has(fp[0] >>> 0, fp[1] >>> 0)) return undefined;
  }
  if (enabled === 0) return undefined;
  search.reducedStates++;
  return out;
}
