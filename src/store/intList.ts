/**
 * A growable array of 32-bit integers backed by an `Int32Array` that doubles when full.
 * Used for parent pointers, action indices and edge lists: 4 bytes per entry, no boxing.
 */
export class IntList {
  length = 0;
  private data: Int32Array;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  /** Appends a value. */
  push(value: number): void {
    if (this.length === this.data.length) this.resize(this.data.length * 2);
    this.data[this.length++] = value;
  }

  /** The value at `index` (no bounds check beyond the typed array's). */
  get(index: number): number {
    return this.data[index];
  }

  /** Overwrites the value at `index` (< length). */
  set(index: number, value: number): void {
    this.data[index] = value;
  }

  /** A trimmed view of the values (shares memory until the next push that grows). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  /** Bytes allocated. */
  get bytes(): number {
    return this.data.byteLength;
  }

  private resize(capacity: number): void {
    const next = new Int32Array(capacity);
    next.set(this.data);
    this.data = next;
  }
}
