/**
 * A growable array of bytes (0..255) backed by a `Uint8Array` that doubles when full: one
 * byte per entry, for per-state flags such as a liveness property's goal label.
 */
export class ByteList {
  length = 0;
  private data: Uint8Array;

  constructor(capacity = 1024) {
    this.data = new Uint8Array(Math.max(16, capacity));
  }

  /** Appends a value (its low 8 bits). */
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint8Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /** The value at `index`. */
  get(index: number): number {
    return this.data[index];
  }

  /** A trimmed view of the values (shares memory until the next push that grows). */
  view(): Uint8Array {
    return this.data.subarray(0, this.length);
  }

  /** Bytes allocated. */
  get bytes(): number {
    return this.data.byteLength;
  }
}
