import type { Model } from '../core/model.ts';
import { ACTION_CODE_WORDS, NEXT_STATE, type PackedModel } from '../core/packed.ts';
import { splitvoteError } from '../core/errors.ts';
import { replay } from '../explore/replay.ts';
import type { SwarmPath } from './types.ts';
import { override, overridePacked } from './wrap.ts';

/**
 * The model started from other states: `initStates()` returns the states the `starts`
 * paths reach (replayed on the model), in order, and everything else is the model's own
 * (actions, next, properties, boundary, symmetry), inherited so nothing is copied. Its
 * packed form starts from the same states, replayed on the packed engine the explorer is
 * given, so both engines count the same states. A trace of the wrapper from its initial
 * state k is a trace of the model from `starts[k]` (see {@link globalPath}).
 */
export function startFrom<TState, TAction>(model: Model<TState, TAction>, starts: readonly SwarmPath[]): Model<TState, TAction> {
  let inits: readonly TState[] | undefined;
  const initStates = (): readonly TState[] => {
    inits ??= starts.map((s) => {
      const trace = replay(model, s.init, s.path);
      return trace.steps[trace.steps.length - 1].state;
    });
    return inits;
  };
  return override(model, {
    name: `${model.name} (from ${starts.length} frontier state${starts.length === 1 ? '' : 's'})`,
    initStates,
    packed: overridePacked(model, (inner) => ({ initial: () => starts.map((s) => walkPacked(inner, s)) })),
  });
}

/** The path of a wrapper trace from initial state `init` as a path of the model itself. */
export function globalPath(starts: readonly SwarmPath[], init: number, path: readonly number[]): SwarmPath {
  const start = starts[init];
  return { init: start.init, path: [...start.path, ...path] };
}

/** The vector a path reaches on a packed engine; throws SV201 when the path does not fit. */
function walkPacked<TState>(packed: PackedModel<TState>, start: SwarmPath): Int32Array {
  const inits = packed.initial();
  let words = inits[start.init];
  if (words === undefined) throw splitvoteError('SV201', `initial state ${start.init} does not exist; the model has ${inits.length}`);
  const scratch = new Int32Array(packed.width);
  const fp = new Int32Array(2);
  const codes: number[] = [];
  for (let k = 0; k < start.path.length; k++) {
    codes.length = 0;
    packed.actions(words, 0, codes);
    if (start.path[k] >= codes.length / ACTION_CODE_WORDS || packed.next(words, 0, codes, start.path[k], scratch, fp) !== NEXT_STATE) {
      throw splitvoteError('SV201', `step ${k + 1} takes action ${start.path[k]}, which does not apply on the packed engine`);
    }
    words = scratch.slice();
  }
  return words;
}
