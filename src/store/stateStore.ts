import { WordStore } from './wordStore.ts';

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
  private readonly words: WordStore;

  constructor(
    width: number,
    private readonly decode: (words: Int32Array, offset: number) => TState,
  ) {
    this.words = new WordStore(width);
  }

  get size(): number {
    return this.words.size;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.words.bytes;
  }

  get(ordinal: number): TState {
    this.words.locate(ordinal);
    return this.decode(this.words.buffer, this.words.offset);
  }

  /** Appends the vector at `words[offset..]`. */
  push(words: Int32Array, offset: number): void {
    this.words.push(words, offset);
  }
}
