/**
 * Fixed-width records of int32 words by index, in chunked typed arrays: `push` appends,
 * `locate(i)` points `buffer`/`offset` at record i. 4 bytes per word, no object per record.
 */
export class WordStore {
  size = 0;
  /** After `locate`: the array holding the record and its first word. */
  buffer: Int32Array = new Int32Array(0);
  offset = 0;
  private readonly chunks: Int32Array[] = [];
  private readonly perChunk: number;

  constructor(readonly width: number) {
    this.perChunk = Math.max(1, Math.floor((1 << 16) / width));
  }

  /** Bytes held. */
  get bytes(): number {
    return this.chunks.length * this.perChunk * this.width * 4;
  }

  /** Appends the record at `words[offset..offset+width)`; returns its index. */
  push(words: Int32Array, offset: number): number {
    const at = this.size % this.perChunk;
    if (at === 0) this.chunks.push(new Int32Array(this.perChunk * this.width));
    const chunk = this.chunks[this.chunks.length - 1];
    const base = at * this.width;
    for (let w = 0; w < this.width; w++) chunk[base + w] = words[offset + w];
    return this.size++;
  }

  /** Points `buffer` and `offset` at record `index` (< size). */
  locate(index: number): void {
    this.buffer = this.chunks[Math.floor(index / this.perChunk)];
    this.offset = (index % this.perChunk) * this.width;
  }
}
