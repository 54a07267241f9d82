import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { Model } from '../core/model.ts';
import { ACTION_CODE_WORDS, type PackedModel } from '../core/packed.ts';
import { Hasher } from '../core/hasher.ts';
import { hashValue } from '../core/hashValue.ts';
import { override, overridePacked } from './wrap.ts';

/**
 * The model with a seeded shuffle of every state's action list (Spin's swarm varies the
 * search order this way): the order is a function of the seed and the state's value
 * (its canonical encoding), so it is the same on every visit, on both engines and in every
 * process, and a trace of the shuffled model replays. {@link ShuffledModel.originalPath}
 * maps such a trace back to the model's own action indices. Everything else is inherited.
 */
export interface ShuffledModel<TState, TAction> {
  readonly model: Model<TState, TAction>;
  /** A path of the shuffled model (from initial state `init`) as action indices of the original model. */
  originalPath(init: number, path: readonly number[]): number[];
}

/** See {@link ShuffledModel}. `seed` is a 32-bit integer. Pure. */
export function shuffled<TState, TAction>(model: Model<TState, TAction>, seed: number): ShuffledModel<TState, TAction> {
  const hasher = new Hasher();
  const order = (state: TState, count: number): number[] => {
    hasher.reset();
    hasher.int(seed | 0);
    if (model.encode !== undefined) model.encode(state, hasher);
    else hashValue(hasher, state);
    hasher.finish();
    const rng = xoroshiro128plus((hasher.hi ^ Math.imul(hasher.lo, 0x9e3779b1)) | 0);
    const perm = Array.from({ length: count }, (_, i) => i);
    for (let i = count - 1; i > 0; i--) {
      const j = uniformInt(rng, 0, i);
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    return perm;
  };

  const actions = (state: TState, out: TAction[]): void => {
    const start = out.length;
    model.actions(state, out);
    const count = out.length - start;
    if (count < 2) return;
    const listed = out.slice(start);
    order(state, count).forEach((from, to) => (out[start + to] = listed[from]));
  };

  const packedActions = (inner: PackedModel<TState>) => (words: Int32Array, offset: number, out: number[]): void => {
    const start = out.length;
    inner.actions(words, offset, out);
    const count = (out.length - start) / ACTION_CODE_WORDS;
    if (count < 2) return;
    const listed = out.slice(start);
    order(inner.decode(words, offset), count).forEach((from, to) => {
      for (let w = 0; w < ACTION_CODE_WORDS; w++) out[start + to * ACTION_CODE_WORDS + w] = listed[from * ACTION_CODE_WORDS + w];
    });
  };

  const wrapper = override(model, {
    name: `${model.name} (action order shuffled, seed ${seed})`,
    actions,
    packed: overridePacked(model, (inner) => ({ actions: packedActions(inner) })),
  });

  const originalPath = (init: number, path: readonly number[]): number[] => {
    let state = model.initStates()[init];
    const listed: TAction[] = [];
    return path.map((index) => {
      listed.length = 0;
      model.actions(state, listed);
      const original = listed.length < 2 ? index : order(state, listed.length)[index];
      state = model.next(state, listed[original])!;
      return original;
    });
  };
  return { model: wrapper, originalPath };
}
