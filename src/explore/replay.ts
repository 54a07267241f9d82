import { label } from '../core/label.ts';
import type { Model } from '../core/model.ts';
import type { Trace, TraceStep } from '../core/result.ts';
import { splitvoteError } from '../core/errors.ts';

/**
 * Rebuilds a trace by replaying action indices from initial state number `init`: step k
 * takes action `path[k]` of the deterministic list `model.actions(state)`. Pure.
 *
 * Throws SV201 when the path does not fit the model (an index out of range, an action that
 * no longer applies): the model is not deterministic, or the path was recorded against a
 * different model or configuration.
 */
export function replay<TState, TAction>(model: Model<TState, TAction>, init: number, path: readonly number[], loopsTo?: number): Trace<TState, TAction> {
  const inits = model.initStates();
  if (!Number.isInteger(init) || init < 0 || init >= inits.length) {
    throw splitvoteError('SV201', `initial state ${init} does not exist; the model has ${inits.length} initial state(s)`);
  }
  let state = inits[init];
  const steps: TraceStep<TState, TAction>[] = [{ action: undefined, label: 'initial state', actor: undefined, state }];
  const actions: TAction[] = [];
  for (let k = 0; k < path.length; k++) {
    actions.length = 0;
    model.actions(state, actions);
    const index = path[k];
    if (!Number.isInteger(index) || index < 0 || index >= actions.length) {
      throw splitvoteError('SV201', `step ${k + 1} takes action ${index}, but the state has ${actions.length} action(s)`);
    }
    const action = actions[index];
    const next = model.next(state, action);
    if (next === undefined) {
      throw splitvoteError('SV201', `step ${k + 1}: action ${index} (${label(model, action, state)}) no longer applies`);
    }
    steps.push({ action, label: label(model, action, state), actor: model.actor?.(action, state), state: next });
    state = next;
  }
  return loopsTo === undefined ? { init, path: [...path], steps } : { init, path: [...path], steps, loopsTo };
}

export { label };
