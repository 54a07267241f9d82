/**
 * The visited set: 64-bit fingerprints in an open-addressing table of 32-bit words
 * (linear probing), as TLC keeps them. It only answers "was this new?" and, when asked to
 * track ordinals, "which state number was it?".
 *
 * 8 bytes per slot (12 with ordinals). The table is filled up to 85% and then grows by
 * half, so it holds between 9.4 and 14.1 bytes per fingerprint (9.4 when sized up front
 * with `expected`). Slots are not a power of two: a fingerprint's home slot is its hash
 * scaled to the capacity. Fingerprints are never (0, 0) (see `Hasher.finish`), which marks
 * an empty slot.
 */
export class FingerprintSet {
  /** Number of fingerprints stored; ordinals are 0..size-1 in insertion order. */
  size = 0;
  /** After `add`: the ordinal of the fingerprint just added or found (ordinal tracking only). */
  lastOrdinal = -1;
  private table: Uint32Array;
  private ordinals: Int32Array | undefined;
  private capacity: number;
  private limit: number;

  /**
   * @param expected - states expected; the table is sized so they fit without growing.
   * @param trackOrdinals - keep each fingerprint's ordinal (needed to record graph edges).
   */
  constructor(expected: number, trackOrdinals: boolean) {
    this.capacity = Math.max(1024, Math.ceil(expected / MAX_LOAD) + 1);
    this.table = new Uint32Array(this.capacity * 2);
    this.ordinals = trackOrdinals ? new Int32Array(this.capacity) : undefined;
    this.limit = Math.floor(this.capacity * MAX_LOAD);
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.table.byteLength + (this.ordinals?.byteLength ?? 0);
  }

  /** Adds a fingerprint; returns true when it was not there before. */
  add(hi: number, lo: number): boolean {
    const table = this.table;
    const capacity = this.capacity;
    let slot = home(hi, lo, capacity);
    for (;;) {
      const at = slot << 1;
      const h = table[at];
      const l = table[at + 1];
      if (h === 0 && l === 0) {
        // Grow only when really inserting: a full table still answers lookups.
        if (this.size >= this.limit) {
          this.grow();
          return this.add(hi, lo);
        }
        table[at] = hi;
        table[at + 1] = lo;
        if (this.ordinals !== undefined) this.ordinals[slot] = this.size;
        this.lastOrdinal = this.size;
        this.size++;
        return true;
      }
      if (h === hi && l === lo) {
        if (this.ordinals !== undefined) this.lastOrdinal = this.ordinals[slot];
        return false;
      }
      if (++slot === capacity) slot = 0;
    }
  }

  /** True when the fingerprint is in the set (nothing is added). */
  has(hi: number, lo: number): boolean {
    const table = this.table;
    const capacity = this.capacity;
    let slot = home(hi, lo, capacity);
    for (;;) {
      const h = table[slot << 1];
      const l = table[(slot << 1) + 1];
      if (h === hi && l === lo) return true;
      if (h === 0 && l === 0) return false;
      if (++slot === capacity) slot = 0;
    }
  }

  /**
   * Every fingerprint as one 64-bit number (high lane << 32 | low lane), sorted ascending.
   * The words are laid out so the platform's 64-bit view reads them as numbers, then sorted
   * natively; no BigInt is built per fingerprint.
   */
  sorted(): BigUint64Array {
    const out = new BigUint64Array(this.size);
    const words = new Uint32Array(out.buffer);
    const [low, high] = LITTLE_ENDIAN ? [0, 1] : [1, 0];
    const table = this.table;
    let k = 0;
    for (let at = 0; at < table.length; at += 2) {
      if (table[at] === 0 && table[at + 1] === 0) continue;
      words[2 * k + high] = table[at];
      words[2 * k + low] = table[at + 1];
      k++;
    }
    return out.sort();
  }

  /** Drops ordinal tracking (frees its memory); `lastOrdinal` is no longer meaningful. */
  dropOrdinals(): void {
    this.ordinals = undefined;
  }

  private grow(): void {
    const old = this.table;
    const oldOrdinals = this.ordinals;
    const capacity = Math.ceil(this.capacity * GROWTH);
    this.capacity = capacity;
    this.table = new Uint32Array(capacity * 2);
    this.ordinals = oldOrdinals === undefined ? undefined : new Int32Array(capacity);
    this.limit = Math.floor(capacity * MAX_LOAD);
    const table = this.table;
    for (let from = 0; from < old.length; from += 2) {
      const hi = old[from];
      const lo = old[from + 1];
      if (hi === 0 && lo === 0) continue;
      let slot = home(hi, lo, capacity);
      while (table[slot << 1] !== 0 || table[(slot << 1) + 1] !== 0) if (++slot === capacity) slot = 0;
      table[slot << 1] = hi;
      table[(slot << 1) + 1] = lo;
      if (this.ordinals !== undefined && oldOrdinals !== undefined) this.ordinals[slot] = oldOrdinals[from >> 1];
    }
  }
}

const MAX_LOAD = 0.85;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const GROWTH = 1.5;

/** The home slot: a 32-bit mix of the fingerprint scaled to [0, capacity). */
function home(hi: number, lo: number, capacity: number): number {
  const mixed = (lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0;
  const slot = Math.floor((mixed / 4294967296) * capacity);
  return slot < capacity ? slot : capacity - 1;
}
