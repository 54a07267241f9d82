import type { EdgeList } from '../store/edgeList.ts';
import { toCsr, type Csr } from './csr.ts';
import { stronglyConnected } from './scc.ts';

/** The explored graph as liveness checks need it. */
export interface LivenessGraph {
  readonly nodes: number;
  readonly edges: EdgeList;
  /** Ordinals of the initial states. */
  readonly inits: readonly number[];
  /**
   * 1 for states whose successors were cut by the model's boundary. They are treated as
   * able to continue anywhere (optimistically), so a bound never produces a false alarm.
   */
  readonly open: Uint8Array;
}

/** A lasso or finite path that never reaches the goal, as edge ids. */
export interface LivenessCounterexample {
  readonly init: number;
  /** Edge ids from `init` to the last state of the prefix. */
  readonly prefix: readonly number[];
  /** Edge ids of a cycle from the prefix's last state back to itself; empty for a dead end. */
  readonly cycle: readonly number[];
}

/**
 * `eventually goal`: finds a path from an initial state that avoids `goal` forever, either
 * ending in a state without successors or entering a cycle of non-goal states. Returns the
 * shortest such prefix (BFS over non-goal states), or undefined when the property holds.
 */
export function findEventuallyViolation(graph: LivenessGraph, goal: Uint8Array): LivenessCounterexample | undefined {
  const csr = toCsr(graph.edges, graph.nodes);
  const { offsets, targets, edgeIds } = csr;
  const n = graph.nodes;
  // Step 1: BFS over non-goal states from the non-goal initial states.
  const viaEdge = new Int32Array(n).fill(-1);
  const reached = new Uint8Array(n);
  const order = new Int32Array(n);
  let tail = 0;
  for (const s of graph.inits) {
    if (goal[s] === 1 || reached[s] === 1) continue;
    reached[s] = 1;
    order[tail++] = s;
  }
  for (let head = 0; head < tail; head++) {
    const v = order[head];
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const w = targets[e];
      if (goal[w] === 1 || reached[w] === 1) continue;
      reached[w] = 1;
      viaEdge[w] = edgeIds[e];
      order[tail++] = w;
    }
  }
  // Step 2: a reached state that is part of a cycle of reached states, or a dead end.
  const component = stronglyConnected(csr, reached);
  const size = new Int32Array(n);
  for (let v = 0; v < n; v++) if (component[v] >= 0) size[component[v]]++;
  for (let k = 0; k < tail; k++) {
    const v = order[k];
    const deadEnd = offsets[v] === offsets[v + 1] && graph.open[v] !== 1;
    const cyclic = size[component[v]] > 1 || hasSelfLoop(csr, v);
    if (!deadEnd && !cyclic) continue;
    const { init, prefix } = pathBack(graph, viaEdge, v);
    return { init, prefix, cycle: deadEnd ? [] : cycleThrough(csr, component, v) };
  }
  return undefined;
}

/**
 * `recoverable goal` (AG EF goal): returns the ordinal of a reachable state from which no
 * goal state is reachable (a trap), preferring the lowest ordinal, or -1 when none exists.
 */
export function findTrap(graph: LivenessGraph, goal: Uint8Array): number {
  const reverse = toCsr(graph.edges, graph.nodes, true, false);
  const n = graph.nodes;
  const canReach = new Uint8Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let v = 0; v < n; v++) {
    if (goal[v] === 1 || graph.open[v] === 1) {
      canReach[v] = 1;
      queue[tail++] = v;
    }
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head];
    for (let e = reverse.offsets[v]; e < reverse.offsets[v + 1]; e++) {
      const w = reverse.targets[e];
      if (canReach[w] === 0) {
        canReach[w] = 1;
        queue[tail++] = w;
      }
    }
  }
  for (let v = 0; v < n; v++) if (canReach[v] === 0) return v;
  return -1;
}

function hasSelfLoop(csr: Csr, v: number): boolean {
  for (let e = csr.offsets[v]; e < csr.offsets[v + 1]; e++) if (csr.targets[e] === v) return true;
  return false;
}

function pathBack(graph: LivenessGraph, viaEdge: Int32Array, v: number): { init: number; prefix: number[] } {
  const prefix: number[] = [];
  let at = v;
  while (viaEdge[at] >= 0) {
    prefix.push(viaEdge[at]);
    at = graph.edges.source(viaEdge[at]);
  }
  prefix.reverse();
  return { init: at, prefix };
}

/** Shortest cycle from `v` back to `v` inside its component (BFS), as edge ids. */
function cycleThrough(csr: Csr, component: Int32Array, v: number): number[] {
  const { offsets, targets, edgeIds } = csr;
  const c = component[v];
  const via = new Map<number, { from: number; edge: number }>();
  const queue: number[] = [v];
  for (let head = 0; head < queue.length; head++) {
    const x = queue[head];
    for (let e = offsets[x]; e < offsets[x + 1]; e++) {
      const w = targets[e];
      if (component[w] !== c) continue;
      if (w === v) {
        const cycle = [edgeIds[e]];
        for (let at = x; at !== v; at = via.get(at)!.from) cycle.push(via.get(at)!.edge);
        return cycle.reverse();
      }
      if (!via.has(w)) {
        via.set(w, { from: x, edge: edgeIds[e] });
        queue.push(w);
      }
    }
  }
  return [];
}
