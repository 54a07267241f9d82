import type { Model } from '../core/model.ts';
import type { Hasher } from '../core/hasher.ts';
import { hashValue } from '../core/hashValue.ts';

/**
 * The function that fingerprints a model's states into `hasher` (result in `hasher.hi`,
 * `hasher.lo`): the model's packed `encode` when it has one, else the generic `hashValue`,
 * applied to the state's `representative` when symmetry reduction is on. The one place that
 * decides what a state's identity is, shared by the explorer and by anything that must
 * recognise the explorer's states (the viewer's neighbourhood). Pure.
 */
export function fingerprinter<TState>(model: Model<TState, unknown>, hasher: Hasher, symmetry: boolean): (state: TState) => void {
  const feed = model.encode !== undefined ? model.encode.bind(model) : (state: TState, h: Hasher) => hashValue(h, state);
  // Symmetry reduction: states with the same representative share one fingerprint. The
  // state itself is still the one expanded, so traces replay to real states.
  const representative = symmetry && model.representative !== undefined ? model.representative.bind(model) : undefined;
  if (representative === undefined) {
    return (state) => {
      hasher.reset();
      feed(state, hasher);
      hasher.finish();
    };
  }
  return (state) => {
    hasher.reset();
    feed(representative(state), hasher);
    hasher.finish();
  };
}
