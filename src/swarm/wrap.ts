import type { Model } from '../core/model.ts';
import type { PackedModel, PackedSettings } from '../core/packed.ts';

/**
 * A model that is `model` with some members replaced: everything else is inherited (the
 * prototype is the model itself), so fields such as an actor system's machines stay
 * visible and nothing is copied. Property descriptors are used, so a frozen model works.
 */
export function override<T extends object>(base: T, members: Partial<Record<keyof T, unknown>>): T {
  const descriptors: PropertyDescriptorMap = {};
  for (const [key, value] of Object.entries(members)) descriptors[key] = { value };
  return Object.create(base, descriptors) as T;
}

/**
 * The `packed` member for a wrapper of `model`: the model's packed engine for the given
 * settings with the members `change` returns replaced, or undefined when the model has
 * no packed form (then the wrapper runs on objects, and still counts right).
 */
export function overridePacked<TState>(model: Model<TState, unknown>, change: (inner: PackedModel<TState>) => Partial<Record<keyof PackedModel<TState>, unknown>>): Model<TState, unknown>['packed'] {
  if (model.packed === undefined) return undefined;
  return (settings: PackedSettings) => {
    const inner = model.packed!(settings);
    return inner === undefined ? undefined : override(inner, change(inner));
  };
}
