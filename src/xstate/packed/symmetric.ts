import { finishTerms, xorTerm } from '../../core/hasher.ts';
import type { SystemCore } from '../systemCore.ts';
import type { SystemTables } from './tables.ts';
import type { PackedLayout } from './view.ts';

/**
 * Symmetry on packed vectors: the fingerprint of a state's class is the smallest of the
 * fingerprints of its images under every permutation (the identity's is already in `fp`).
 * An image is never built: each component's renamed id is looked up (memoised per
 * permutation and id) and its term put at the renamed position. The vector itself stays
 * the real state, so traces replay to real states. Returns the function that lowers `fp`
 * (unsigned order) for the vector at `words[offset..]`.
 */
export function symmetricFingerprint<TGhost>(
  core: SystemCore<TGhost>,
  t: SystemTables<TGhost>,
  layout: PackedLayout<TGhost>,
  perms: readonly (readonly number[])[],
): (words: Int32Array, offset: number, fp: Int32Array) => void {
  const symmetry = core.options.symmetry!;
  const { n, LOCAL, INBOX, DROPS, GHOST, hasGhost } = layout;
  const locals: number[][] = perms.map(() => []);
  const channels: number[][] = perms.map(() => []);
  const inboxes: number[][] = perms.map(() => []);
  const ghosts: number[][] = perms.map(() => []);
  const localOf = (p: number, id: number): number =>
    (locals[p][id] ??= t.local(symmetry.renameSnapshot(t.locals.values[id], perms[p])));
  const channelOf = (p: number, id: number): number =>
    (channels[p][id] ??= t.channelOf(t.channelMessages[id].map((m) => symmetry.renameMessage(m, perms[p]))));
  /** Receiver i's inbox under the permutation: entry rename[from] holds the renamed channel from `from`. */
  const inboxOf = (p: number, id: number): number => {
    let image = inboxes[p][id];
    if (image === undefined) {
      const from = t.inboxes.values[id];
      const renamed = new Int32Array(n);
      for (let k = 0; k < n; k++) if (from[k] !== 0) renamed[perms[p][k]] = channelOf(p, from[k]);
      inboxes[p][id] = image = t.inboxOf(renamed);
    }
    return image;
  };
  const ghostOf = (p: number, id: number): number =>
    symmetry.renameGhost === undefined ? id : (ghosts[p][id] ??= t.ghost(symmetry.renameGhost(t.ghosts.values[id], perms[p])));
  const raw = new Int32Array(2);
  const image = new Int32Array(2);
  return (words, offset, fp) => {
    for (let p = 1; p < perms.length; p++) {
      const rename = perms[p];
      raw[0] = 0;
      raw[1] = 0;
      for (let i = 0; i < n; i++) {
        const id = localOf(p, words[offset + LOCAL + i]);
        xorTerm(raw, rename[i], t.locals.hi[id], t.locals.lo[id]);
      }
      for (let to = 0; to < n; to++) {
        const box = words[offset + INBOX + to];
        if (box === 0) continue;
        const id = inboxOf(p, box);
        xorTerm(raw, n + rename[to], t.inboxes.hi[id], t.inboxes.lo[id]);
      }
      xorTerm(raw, 2 * n, words[offset + DROPS], 0x2545f491);
      if (hasGhost) {
        const id = ghostOf(p, words[offset + GHOST]);
        xorTerm(raw, 2 * n + 1, t.ghosts.hi[id], t.ghosts.lo[id]);
      }
      finishTerms(raw, image);
      const hi = image[0] >>> 0;
      const lo = image[1] >>> 0;
      const bestHi = fp[0] >>> 0;
      if (hi < bestHi || (hi === bestHi && lo < fp[1] >>> 0)) {
        fp[0] = image[0];
        fp[1] = image[1];
      }
    }
  };
}
