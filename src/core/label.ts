import type { Model } from './model.ts';

/** The action in the model's words, or its JSON form when the model has no formatter. */
export function label<TState, TAction>(model: Model<TState, TAction>, action: TAction, state: TState): string {
  if (model.formatAction !== undefined) return model.formatAction(action, state);
  return typeof action === 'string' ? action : JSON.stringify(action);
}
