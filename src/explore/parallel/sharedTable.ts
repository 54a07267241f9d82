/** {@link SharedTable.insert}: the fingerprint was not there; this thread claimed it. */
export const CLAIMED = 0;
/** {@link SharedTable.insert}: first found in this level, and this thread is now its lowest discoverer. */
export const LOWERED = 1;
/** {@link SharedTable.insert}: found in this level by this thread before, or by a lower thread. */
export const SEEN = 2;
/** {@link SharedTable.insert}: found in an earlier level. */
export const OLD = 3;

/**
 * The visited set of a parallel search: 64-bit fingerprints in an open-addressing table in
 * a SharedArrayBuffer that every thread inserts into with atomics (TLC's and Spin's
 * multi-core visited sets). Per slot it also keeps the level the state was first found in
 * and the lowest thread that found it in that level (`(level + 1) << 8 | thread`, never 0,
 * lowered only by compare-and-swap), and the state's ordinal once the coordinator has given it one.
 *
 * A fingerprint lane that is 0 is stored as a fixed non-zero value (0 marks an empty
 * slot): two states whose fingerprints differ only there would be merged, which adds about
 * 2^-31 to the collision probability of a pair; the search reports it with the others.
 * The capacity is a power of two, at most 2^29 slots; only the coordinator grows the table,
 * between levels, when no thread is inserting.
 */
export class SharedTable {
  readonly words: Int32Array;
  readonly meta: Int32Array;
  readonly ordinals: Int32Array;
  readonly mask: number;

  constructor(
    readonly buffer: SharedArrayBuffer,
    readonly capacity: number,
  ) {
    this.words = new Int32Array(buffer, 0, capacity * 2);
    this.meta = new Int32Array(buffer, capacity * 8, capacity);
    this.ordinals = new Int32Array(buffer, capacity * 12, capacity);
    this.mask = capacity - 1;
  }

  /** A new empty table with room for `capacity` slots (rounded up to a power of two). */
  static create(capacity: number): SharedTable {
    let size = 1024;
    while (size < capacity) size *= 2;
    if (size > 1 << 29) throw new RangeError(`a shared fingerprint table of ${size} slots is too large`);
    const table = new SharedTable(new SharedArrayBuffer(size * 16), size);
    table.ordinals.fill(-1);
    return table;
  }

  /** Bytes of shared memory held. */
  get bytes(): number {
    return this.buffer.byteLength;
  }

  /**
   * Inserts fingerprint (`hi`, `lo`) found in `level` by thread `thread` (< 256). Returns
   * `slot * 4 + status` with status {@link CLAIMED}, {@link LOWERED}, {@link SEEN} or
   * {@link OLD}. Lock-free: a slot is claimed by a compare-and-swap of its high lane, and
   * readers wait the few instructions until its low lane and level are written.
   */
  insert(hi: number, lo: number, level: number, thread: number): number {
    const h = hi === 0 ? 0x1e3779b9 : hi | 0;
    const l = lo === 0 ? 0x7f4a7c15 : lo | 0;
    const words = this.words;
    const mask = this.mask;
    let slot = (h ^ Math.imul(l, 0x9e3779b1)) & mask;
    for (;;) {
      let seen = Atomics.load(words, slot * 2);
      if (seen === 0) {
        seen = Atomics.compareExchange(words, slot * 2, 0, h);
        if (seen === 0) {
          Atomics.store(words, slot * 2 + 1, l);
          Atomics.store(this.meta, slot, ((level + 1) << 8) | thread);
          return slot * 4 + CLAIMED;
        }
      }
      if (seen === h) {
        let low = Atomics.load(words, slot * 2 + 1);
        while (low === 0) low = Atomics.load(words, slot * 2 + 1);
        if (low === l) return slot * 4 + this.lower(slot, level, thread);
      }
      slot = (slot + 1) & mask;
    }
  }

  /** True when the table holds the fingerprint (no insertion). */
  has(hi: number, lo: number): boolean {
    const h = hi === 0 ? 0x1e3779b9 : hi | 0;
    const l = lo === 0 ? 0x7f4a7c15 : lo | 0;
    let slot = (h ^ Math.imul(l, 0x9e3779b1)) & this.mask;
    for (;;) {
      const seen = Atomics.load(this.words, slot * 2);
      if (seen === 0) return false;
      if (seen === h && Atomics.load(this.words, slot * 2 + 1) === l) return true;
      slot = (slot + 1) & this.mask;
    }
  }

  private lower(slot: number, level: number, thread: number): number {
    let meta = Atomics.load(this.meta, slot);
    while (meta === 0) meta = Atomics.load(this.meta, slot);
    for (;;) {
      if (meta >> 8 !== level + 1) return OLD;
      if ((meta & 0xff) <= thread) return SEEN;
      const was = Atomics.compareExchange(this.meta, slot, meta, ((level + 1) << 8) | thread);
      if (was === meta) return LOWERED;
      meta = was;
    }
  }

  /** The lowest thread that found the state in `slot` in its first level. */
  owner(slot: number): number {
    return Atomics.load(this.meta, slot) & 0xff;
  }

  /**
   * A table with `capacity` slots holding the same entries (the coordinator calls it
   * between levels, when no thread inserts). Ordinals and levels are kept.
   */
  grown(capacity: number): SharedTable {
    const next = SharedTable.create(capacity);
    for (let slot = 0; slot < this.capacity; slot++) {
      const h = this.words[slot * 2];
      if (h === 0) continue;
      const l = this.words[slot * 2 + 1];
      let at = (h ^ Math.imul(l, 0x9e3779b1)) & next.mask;
      while (next.words[at * 2] !== 0) at = (at + 1) & next.mask;
      next.words[at * 2] = h;
      next.words[at * 2 + 1] = l;
      next.meta[at] = this.meta[slot];
      next.ordinals[at] = this.ordinals[slot];
    }
    return next;
  }
}
