import { ACTION_CODE_WORDS, NEXT_CUT, NEXT_NONE, type PackedModel } from '../../core/packed.ts';
import { IntList } from '../../store/intList.ts';
import { WordStore } from '../../store/wordStore.ts';
import { CLAIMED, LOWERED, SharedTable } from './sharedTable.ts';

/** What one thread found while expanding its part of a level. */
export interface ExpandResult {
  /** Triples (index of the parent in the level, action index, slot) of the new states this thread found first among the threads, in the order found. */
  readonly owned: Int32Array;
  /** Triples (source ordinal, target slot, action index) of every transition, when edges are recorded. */
  readonly edges: Int32Array;
  readonly transitions: number;
  readonly boundaryHits: number;
  /** Ordinals of expanded states whose successors were cut by the boundary. */
  readonly open: Int32Array;
  /** Ordinals of states without successors that are not final. */
  readonly deadlocks: Int32Array;
}

/**
 * The work of one thread in one level of a parallel BFS, the same on the coordinator and
 * on every worker: each thread holds the whole level (every thread rebuilds every new
 * state, so nothing but fingerprints and small integers crosses threads) and expands the
 * states `from .. to - 1` of it.
 */
export class LevelWork<TState> {
  level: WordStore;
  private readonly codes: number[] = [];
  private readonly scratch: Int32Array;
  private readonly fp = new Int32Array(2);

  constructor(
    readonly packed: PackedModel<TState>,
    readonly thread: number,
    private readonly isFinal: ((state: TState) => boolean) | undefined,
  ) {
    this.level = new WordStore(packed.width);
    this.scratch = new Int32Array(packed.width);
  }

  /** Level 0: the initial states with the given indices (the coordinator dropped duplicates). */
  start(indices: readonly number[]): void {
    const inits = this.packed.initial();
    this.level = new WordStore(this.packed.width);
    for (const i of indices) this.level.push(inits[i], 0);
  }

  /**
   * Expands level states `from .. to - 1` (level number `depth`, first ordinal `base`):
   * every successor's fingerprint goes into the shared table at level `depth + 1`.
   */
  expand(table: SharedTable, depth: number, base: number, from: number, to: number, recordEdges: boolean, deadlock: boolean): ExpandResult {
    const { packed, codes, scratch, fp, level } = this;
    const owned = new IntList(1024);
    const edges = new IntList(recordEdges ? 4096 : 16);
    const open = new IntList(16);
    const deadlocks = new IntList(16);
    let transitions = 0;
    let boundaryHits = 0;
    for (let s = from; s < to; s++) {
      level.locate(s);
      const words = level.buffer;
      const at = level.offset;
      codes.length = 0;
      packed.actions(words, at, codes);
      const count = codes.length / ACTION_CODE_WORDS;
      let successors = 0;
      let cut = false;
      for (let a = 0; a < count; a++) {
        const outcome = packed.next(words, at, codes, a, scratch, fp);
        if (outcome === NEXT_NONE) continue;
        if (outcome === NEXT_CUT) {
          boundaryHits++;
          cut = true;
          continue;
        }
        successors++;
        transitions++;
        const result = table.insert(fp[0], fp[1], depth + 1, this.thread);
        const slot = result >> 2;
        const status = result & 3;
        if (status === CLAIMED || status === LOWERED) owned.push(s), owned.push(a), owned.push(slot);
        if (recordEdges) edges.push(base + s), edges.push(slot), edges.push(a);
      }
      if (cut) open.push(base + s);
      else if (successors === 0 && deadlock && !(this.isFinal?.(packed.decode(words, at)) ?? false)) deadlocks.push(base + s);
    }
    return { owned: owned.view().slice(), edges: edges.view().slice(), transitions, boundaryHits, open: open.view().slice(), deadlocks: deadlocks.view().slice() };
  }

  /**
   * The next level: rebuilds each new state from its parent and action (pairs in `list`, in
   * ordinal order) and calls `visit(index, words, fp)` for each when given.
   */
  advance(list: Int32Array, visit?: (index: number, words: Int32Array, fp: Int32Array) => void): void {
    const { packed, codes, scratch, fp, level } = this;
    const next = new WordStore(packed.width);
    let lastParent = -1;
    for (let k = 0; k < list.length; k += 2) {
      const parent = list[k];
      level.locate(parent);
      if (parent !== lastParent) {
        codes.length = 0;
        packed.actions(level.buffer, level.offset, codes);
        lastParent = parent;
      }
      packed.next(level.buffer, level.offset, codes, list[k + 1], scratch, fp);
      next.push(scratch, 0);
      visit?.(k / 2, scratch, fp);
    }
    this.level = next;
  }
}
