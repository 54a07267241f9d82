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

/**
 * A FIFO queue of fixed-size chunks linked head to tail: O(1) push and shift without
 * `Array.prototype.shift`; a consumed chunk is unlinked so its states can be collected.
 */
export class ChunkQueue<T> {
  private static readonly CHUNK = 4096;
  private head: Chunk<T> = { items: [], next: undefined };
  private tail: Chunk<T> = this.head;
  private headIndex = 0;
  private count = 0;

  /** Number of queued items. */
  get size(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.tail.items.length === ChunkQueue.CHUNK) {
      const chunk: Chunk<T> = { items: [], next: undefined };
      this.tail.next = chunk;
      this.tail = chunk;
    }
    this.tail.items.push(item);
    this.count++;
  }

  /** Removes and returns the oldest item; the queue must not be empty. */
  shift(): T {
    const chunk = this.head;
    const item = chunk.items[this.headIndex];
    chunk.items[this.headIndex] = undefined as T;
    this.headIndex++;
    this.count--;
    if (this.headIndex === ChunkQueue.CHUNK) {
      this.head = chunk.next ?? { items: [], next: undefined };
      if (chunk === this.tail) this.tail = this.head;
      this.headIndex = 0;
    }
    return item;
  }
}

interface Chunk<T> {
  items: T[];
  next: Chunk<T> | undefined;
}
