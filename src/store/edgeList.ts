import { IntList } from './intList.ts';

/**
 * The explored graph as a compact edge list recorded during search: for each transition,
 * the ordinals of its source and target states and the index of the action in
 * `model.actions(source)`. 12 bytes per edge; graphology is built from it only when small.
 */
export class EdgeList {
  readonly from = new IntList(4096);
  readonly to = new IntList(4096);
  readonly action = new IntList(4096);

  /** Number of edges. */
  get size(): number {
    return this.from.length;
  }

  /** Records one transition. */
  add(from: number, to: number, action: number): void {
    this.from.push(from);
    this.to.push(to);
    this.action.push(action);
  }
}
