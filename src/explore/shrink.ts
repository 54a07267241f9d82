import fc from 'fast-check';
import type { Model } from '../core/model.ts';
import type { Property } from '../core/property.ts';
import type { Trace } from '../core/result.ts';
import { replay } from './replay.ts';

/**
 * Shrinks a counterexample found by random simulation with fast-check: the trace's action
 * indices are the first example of a property "following these choices never breaks the
 * invariant", and fast-check's shrinker removes and lowers choices while the invariant still
 * breaks. A choice `c` takes action `c mod n` of the `n` actions of the current state (an
 * action that does not apply is skipped), so every choice list is a valid walk. The result
 * is never longer than the input; it is a local minimum, not necessarily a shortest trace
 * (BFS gives those). Deterministic for a given seed.
 */
export function shrinkTrace<TState, TAction>(model: Model<TState, TAction>, property: Property<TState>, trace: Trace<TState, TAction>, seed: number): Trace<TState, TAction> {
  const breaks = (state: TState): boolean => !property.condition(state);
  const walk = (choices: readonly number[]): number[] | undefined => {
    let state = model.initStates()[trace.init];
    if (breaks(state)) return [];
    const taken: number[] = [];
    const actions: TAction[] = [];
    for (const choice of choices) {
      actions.length = 0;
      model.actions(state, actions);
      if (actions.length === 0) return undefined;
      const index = choice % actions.length;
      const next = model.next(state, actions[index]);
      if (next === undefined || (model.withinBoundary !== undefined && !model.withinBoundary(next))) continue;
      taken.push(index);
      state = next;
      if (breaks(state)) return taken;
    }
    return undefined;
  };
  const maxLength = Math.max(1, trace.path.length);
  const details = fc.check(
    fc.property(fc.array(fc.nat({ max: 1 << 16 }), { maxLength }), (choices) => walk(choices) === undefined),
    { seed, numRuns: 1, examples: [[[...trace.path]]], endOnFailure: false },
  );
  const shrunk = details.failed && details.counterexample !== null ? walk(details.counterexample[0]) : undefined;
  if (shrunk === undefined || shrunk.length >= trace.path.length) return trace;
  return replay(model, trace.init, shrunk);
}
