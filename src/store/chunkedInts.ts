const SHIFT = 16;
const SIZE = 1 << SHIFT;
const MASK = SIZE - 1;

/**
 * A growable list of integers in fixed chunks of 65,536 entries (Int32, or Uint16 for
 * small values): growing never copies, so the list never holds twice its size while it
 * grows, and at most one chunk is partly empty. For the long per-state and per-edge lists
 * of a search (parents, edge targets, action indices).
 */
export class ChunkedInts {
  length = 0;
  private readonly chunks: (Int32Array | Uint16Array)[] = [];

  constructor(private readonly kind: 'int32' | 'uint16' = 'int32') {}

  /** Appends a value (it must fit the kind). */
  push(value: number): void {
    const at = this.length & MASK;
    if (at === 0) this.chunks.push(this.kind === 'int32' ? new Int32Array(SIZE) : new Uint16Array(SIZE));
    this.chunks[this.chunks.length - 1][at] = value;
    this.length++;
  }

  /** The value at `index` (< length). */
  get(index: number): number {
    return this.chunks[index >>> SHIFT][index & MASK];
  }

  /** Bytes allocated. */
  get bytes(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  }

  /** A copy of the values as one Int32Array. */
  toInt32Array(): Int32Array {
    const out = new Int32Array(this.length);
    for (let c = 0; c < this.chunks.length; c++) {
      const start = c << SHIFT;
      out.set(this.chunks[c].subarray(0, Math.min(SIZE, this.length - start)), start);
    }
    return out;
  }
}
