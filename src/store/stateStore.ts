/** States by ordinal, as the state graph keeps them: plain objects, or packed vectors decoded on demand. */
export interface StateStore<TState> {
  /** Number of states held (ordinals 0..size-1). */
  readonly size: number;
  /** The state with ordinal `ordinal` (< size). */
  get(ordinal: number): TState;
}

/** A {@link StateStore} of state objects in an array. */
export class ArrayStateStore<TState> implements StateStore<TState> {
  private readonly states: TState[] = [];

  get size(): number {
    return this.states.length;
  }

  get(ordinal: number): TState {
    return this.states[ordinal];
  }

  push(state: TState): void {
    this.states.push(state);
  }
}

/**
 * A {@link StateStore} of packed vectors of `width` words in chunked typed arrays, decoded
 * with `decode` when read: 4 bytes per word instead of an object graph per state.
 */
export class PackedStateStore<TState> implements StateStore<TState> {
  size = 0;
  private readonly chunks: Int32Array[] = [];
  private readonly perChunk: number;

  constructor(
    private readonly width: number,
    private readonly decode: (words: Int32Array, offset: number) => TState,
  ) {
    this.perChunk = Math.max(1, Math.floor((1 << 16) / width));
  }

  /** Bytes held. */
  get bytes(): number {
    return this.chunks.length * this.perChunk * this.width * 4;
  }

  get(ordinal: number): TState {
    const chunk = this.chunks[Math.floor(ordinal / this.perChunk)];
    return this.decode(chunk, (ordinal % this.perChunk) * this.width);
  }

  /** Appends the vector at `words[offset..]`. */
  push(words: Int32Array, offset: number): void {
    const at = this.size % this.perChunk;
    if (at === 0) this.chunks.push(new Int32Array(this.perChunk * this.width));
    this.chunks[this.chunks.length - 1].set(words.subarray(offset, offset + this.width), at * this.width);
    this.size++;
  }
}
