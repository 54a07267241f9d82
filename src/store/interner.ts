/**
 * An interning table (Spin's "collapse" compression): each distinct value gets a small int
 * id, in the order values are first seen, and a 64-bit content hash the caller computed.
 * States then hold ids instead of object graphs, and a state's fingerprint combines the
 * content hashes, so it does not depend on the order in which ids were handed out.
 *
 * Lookup is by content hash (open addressing on the two 32-bit lanes); a hash match is
 * confirmed with the caller's `same` test, so two different values never share an id, even
 * when their hashes collide. Values must be immutable once interned.
 */
export class Interner<T> {
  /** Values by id. */
  readonly values: T[] = [];
  /** Content hash of each id, high and low lanes (`hi[id]`, `lo[id]`; the arrays grow). */
  hi = new Int32Array(256);
  lo = new Int32Array(256);
  private slots: Int32Array;
  private mask: number;

  constructor(private readonly same: (a: T, b: T) => boolean, capacity = 1024) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  /** Number of distinct values. */
  get size(): number {
    return this.values.length;
  }

  /** The id of `value` with content hash (`hi`, `lo`), adding it when new. */
  intern(value: T, hi: number, lo: number): number {
    const slots = this.slots;
    let slot = (hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask;
    for (;;) {
      const id = slots[slot];
      if (id < 0) break;
      if (this.hi[id] === (hi | 0) && this.lo[id] === (lo | 0) && (this.values[id] === value || this.same(this.values[id], value))) return id;
      slot = (slot + 1) & this.mask;
    }
    const id = this.values.length;
    this.values.push(value);
    if (id === this.hi.length) {
      const hiGrown = new Int32Array(id * 2);
      hiGrown.set(this.hi);
      this.hi = hiGrown;
      const loGrown = new Int32Array(id * 2);
      loGrown.set(this.lo);
      this.lo = loGrown;
    }
    this.hi[id] = hi | 0;
    this.lo[id] = lo | 0;
    slots[slot] = id;
    if (this.values.length * 2 > slots.length) this.grow();
    return id;
  }

  /** Bytes held by the index (not the values themselves). */
  get bytes(): number {
    return this.slots.byteLength + this.hi.byteLength + this.lo.byteLength;
  }

  private grow(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let id = 0; id < this.values.length; id++) {
      let slot = (this.hi[id] ^ Math.imul(this.lo[id], 0x9e3779b1)) & mask;
      while (slots[slot] >= 0) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
