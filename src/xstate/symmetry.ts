import { Hasher } from '../core/hasher.ts';
import { splitvoteError } from '../core/errors.ts';
import type { ActorSnapshot, Message, SystemState, SystemSymmetry } from './types.ts';

/** Largest symmetry group the explorer enumerates (7! permutations). */
export const MAX_GROUP_SIZE = 5040;

/**
 * Every permutation of actor indices that permutes within the groups and fixes the other
 * actors, the identity first, in a fixed order. Throws SV304 for overlapping groups, an
 * index out of range, or more than {@link MAX_GROUP_SIZE} permutations. Pure.
 */
export function groupPermutations(groups: readonly (readonly number[])[], n: number): readonly (readonly number[])[] {
  const seen = new Set<number>();
  for (const group of groups) {
    for (const i of group) {
      if (!Number.isInteger(i) || i < 0 || i >= n) throw splitvoteError('SV304', `symmetry group member ${String(i)} is not an actor index (0..${n - 1})`);
      if (seen.has(i)) throw splitvoteError('SV304', `actor ${i} is in two symmetry groups; groups must be disjoint`);
      seen.add(i);
    }
  }
  let perms: number[][] = [Array.from({ length: n }, (_, i) => i)];
  for (const group of groups) {
    const orders = arrangements(group);
    if (perms.length * orders.length > MAX_GROUP_SIZE) {
      throw splitvoteError('SV304', `the symmetry groups give more than ${MAX_GROUP_SIZE} permutations; use smaller groups`);
    }
    perms = perms.flatMap((base) =>
      orders.map((order) => {
        const next = base.slice();
        group.forEach((member, k) => (next[member] = order[k]));
        return next;
      }),
    );
  }
  return perms;
}

function arrangements(items: readonly number[]): number[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((first, i) => arrangements([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [first, ...rest]));
}

/** The state with actors, links, messages and ghost renamed by `rename` (actor i becomes rename[i]). Pure. */
export function permuteState<TGhost>(state: SystemState<TGhost>, rename: readonly number[], symmetry: SystemSymmetry<TGhost>): SystemState<TGhost> {
  const n = state.actors.length;
  const actors: ActorSnapshot[] = new Array(n);
  state.actors.forEach((snapshot, i) => (actors[rename[i]] = symmetry.renameSnapshot(snapshot, rename)));
  const channels: (readonly Message[])[] = new Array(n * n);
  state.channels.forEach((channel, link) => {
    const to = rename[Math.floor(link / n)] * n + rename[link % n];
    channels[to] = channel.length === 0 ? channel : channel.map((m) => symmetry.renameMessage(m, rename));
  });
  const ghost = symmetry.renameGhost === undefined ? state.ghost : symmetry.renameGhost(state.ghost, rename);
  return { actors, channels, dropsLeft: state.dropsLeft, ghost };
}

/**
 * The object model's `representative`: of the state's images under every permutation, the
 * one with the smallest fingerprint (by `encode`). Every member of a class picks the same
 * image, so the class is counted once. Pure.
 */
export function representativeOf<TGhost>(
  symmetry: SystemSymmetry<TGhost>,
  perms: readonly (readonly number[])[],
  encode: (state: SystemState<TGhost>, h: Hasher) => void,
): (state: SystemState<TGhost>) => SystemState<TGhost> {
  const h = new Hasher();
  return (state) => {
    let best = state;
    let bestHi = -1;
    let bestLo = -1;
    for (const rename of perms) {
      const image = rename === perms[0] ? state : permuteState(state, rename, symmetry);
      h.reset();
      encode(image, h);
      h.finish();
      if (bestHi < 0 || h.hi < bestHi || (h.hi === bestHi && h.lo < bestLo)) {
        best = image;
        bestHi = h.hi;
        bestLo = h.lo;
      }
    }
    return best;
  };
}
