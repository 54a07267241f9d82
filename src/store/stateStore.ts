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
  constructor(
    width: number,
    private readonly decode: (words: Int32Array, offset: number) => TState,
    private readonly words: WordStore = new WordStore(width),
  ) {}

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

/** What {@link RebuiltStateStore} replays: the packed engine's actions and successors. */
export interface Rebuilder {
  readonly width: number;
  initial(): readonly Int32Array[];
  actions(words: Int32Array, offset: number, out: number[]): void;
  next(words: Int32Array, offset: number, codes: readonly number[], k: number, scratch: Int32Array, fp: Int32Array): number;
  decode(words: Int32Array, offset: number): unknown;
}

/**
 * A {@link StateStore} that keeps nothing during the search: on first read it rebuilds
 * every state in ordinal order from its parent and action (one step per state; parents
 * always have smaller ordinals), into packed vectors. So a search pays no memory for
 * states a graph may never be drawn from.
 */
export class RebuiltStateStore<TState> implements StateStore<TState> {
  private built: PackedStateStore<TState> | undefined;

  constructor(
    readonly size: number,
    private readonly engine: Rebuilder,
    private readonly parentOf: (ordinal: number) => number,
    private readonly actionOf: (ordinal: number) => number,
  ) {}

  get(ordinal: number): TState {
    this.built ??= this.rebuild();
    return this.built.get(ordinal);
  }

  private rebuild(): PackedStateStore<TState> {
    const engine = this.engine;
    const store = new WordStore(engine.width);
    const inits = engine.initial();
    const scratch = new Int32Array(engine.width);
    const fp = new Int32Array(2);
    const codes: number[] = [];
    let coded = -1;
    for (let v = 0; v < this.size; v++) {
      const parent = this.parentOf(v);
      if (parent < 0) {
        store.push(inits[this.actionOf(v)], 0);
        continue;
      }
      store.locate(parent);
      const words = store.buffer;
      const at = store.offset;
      if (parent !== coded) {
        codes.length = 0;
        engine.actions(words, at, codes);
        coded = parent;
      }
      engine.next(words, at, codes, this.actionOf(v), scratch, fp);
      store.push(scratch, 0);
    }
    return new PackedStateStore(engine.width, (words, offset) => engine.decode(words, offset) as TState, store);
  }
}
