/**
 * A FIFO queue of fixed-width records of int32 words in chunked typed arrays (the BFS
 * frontier of packed states): O(1) push and shift, no object per record. `shift` leaves the
 * record's location in `buffer` and `offset`; it stays readable until the next `shift`
 * (a consumed chunk is dropped, never reused, so a record read from it stays intact).
 */
export class WordQueue {
  /** After `shift`: the array holding the record and its first word. */
  buffer: Int32Array = new Int32Array(0);
  offset = 0;
  private chunks: Int32Array[] = [];
  private readonly perChunk: number;
  private headChunk = 0;
  private headIndex = 0;
  private tailIndex = 0;
  private count = 0;

  /** @param width - words per record. */
  constructor(readonly width: number, chunkWords = 1 << 16) {
    this.perChunk = Math.max(1, Math.floor(chunkWords / width));
    this.chunks.push(new Int32Array(this.perChunk * width));
  }

  /** Number of queued records. */
  get size(): number {
    return this.count;
  }

  /** Bytes held by the chunks still referenced. */
  get bytes(): number {
    return (this.chunks.length - this.headChunk) * this.perChunk * this.width * 4;
  }

  /** Appends `width` words: `words[offset..offset+width-1]`, with the last word replaced by `last` when given. */
  push(words: Int32Array, offset: number, last?: number): void {
    if (this.tailIndex === this.perChunk) {
      this.chunks.push(new Int32Array(this.perChunk * this.width));
      this.tailIndex = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1];
    const at = this.tailIndex * this.width;
    const width = last === undefined ? this.width : this.width - 1;
    for (let w = 0; w < width; w++) chunk[at + w] = words[offset + w];
    if (last !== undefined) chunk[at + this.width - 1] = last;
    this.tailIndex++;
    this.count++;
  }

  /** Removes the oldest record; read it at `buffer[offset..]`. The queue must not be empty. */
  shift(): void {
    if (this.headIndex === this.perChunk) {
      this.chunks[this.headChunk] = EMPTY;
      this.headChunk++;
      this.headIndex = 0;
    }
    this.buffer = this.chunks[this.headChunk];
    this.offset = this.headIndex * this.width;
    this.headIndex++;
    this.count--;
  }
}

const EMPTY = new Int32Array(0);
