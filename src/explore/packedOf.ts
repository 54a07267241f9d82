import type { Model } from '../core/model.ts';
import type { PackedModel } from '../core/packed.ts';
import type { ResolvedOptions } from './options.ts';

/** The model's packed engine for one search, or undefined when the search runs on objects. */
export function packedOf<TState>(model: Model<TState, unknown>, options: ResolvedOptions): PackedModel<TState> | undefined {
  if (options.engine !== 'packed' || model.packed === undefined) return undefined;
  return model.packed({ symmetry: options.symmetry && model.representative !== undefined });
}
