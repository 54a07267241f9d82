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
