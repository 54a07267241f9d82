import { splitvoteError } from '../core/errors.ts';
import { ChunkedInts } from './chunkedInts.ts';

/** Most actions one state may have for its edges to be recorded (an action index is 16 bits). */
export const MAX_ACTIONS_PER_STATE = 0xffff;

/**
 * The explored graph as a compact edge list recorded during search: for each transition,
 * the ordinals of its source and target states and the index of the action in
 * `model.actions(source)`. Sources are stored as runs (a search records a state's edges one
 * after another, so BFS has one run per state), targets as 4 bytes and action indices as 2:
 * about 6 bytes per edge, in chunks that never copy when they grow. graphology is built from it only when small.
 */
export class EdgeList {
  readonly to = new ChunkedInts('int32');
  private readonly actions = new ChunkedInts('uint16');
  private readonly runSource = new ChunkedInts('int32');
  /** First edge of each run. */
  private readonly runStart = new ChunkedInts('int32');
  private count = 0;
  private cursor = 0;

  /** Number of edges. */
  get size(): number {
    return this.count;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.to.bytes + this.actions.bytes + this.runSource.bytes + this.runStart.bytes;
  }

  /** Records one transition. Throws SV203 for an action index above {@link MAX_ACTIONS_PER_STATE}. */
  add(from: number, to: number, action: number): void {
    if (action > MAX_ACTIONS_PER_STATE) throw splitvoteError('SV203', `action index ${action} of state #${from} is above ${MAX_ACTIONS_PER_STATE}`);
    const runs = this.runSource.length;
    if (runs === 0 || this.runSource.get(runs - 1) !== from) {
      this.runSource.push(from);
      this.runStart.push(this.count);
    }
    this.to.push(to);
    this.actions.push(action);
    this.count++;
  }

  /** The action index of edge `e`. */
  action(e: number): number {
    return this.actions.get(e);
  }

  /** The source ordinal of edge `e` (fast for increasing or repeated `e`, a binary search otherwise). */
  source(e: number): number {
    const starts = this.runStart;
    const runs = starts.length;
    let r = this.cursor;
    if (r >= runs || starts.get(r) > e) r = 0;
    if (r + 1 < runs && starts.get(r + 1) <= e) {
      if (r + 2 >= runs || starts.get(r + 2) > e) r++;
      else {
        let lo = r + 1;
        let hi = runs - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts.get(mid) <= e) lo = mid;
          else hi = mid - 1;
        }
        r = lo;
      }
    }
    this.cursor = r;
    return this.runSource.get(r);
  }

  /** Calls `visit(source, firstEdge, endEdge)` for each run of edges with one source, in order. */
  forEachRun(visit: (source: number, first: number, end: number) => void): void {
    const runs = this.runStart.length;
    for (let r = 0; r < runs; r++) visit(this.runSource.get(r), this.runStart.get(r), r + 1 < runs ? this.runStart.get(r + 1) : this.count);
  }
}
