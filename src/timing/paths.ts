import { splitvoteError } from '../core/errors.ts';
import type { Trace } from '../core/result.ts';
import { replay } from '../explore/replay.ts';
import type { Exploration } from '../explore/explore.ts';
import { toCsr, type Csr } from '../graph/csr.ts';
import type { TimedAction, TimedModel, TimedState } from './timedModel.ts';

/** Longest and shortest distances from the sources of a weighted acyclic graph. */
export interface DagDistances {
  /** Per node: the longest distance from a source (-Infinity when unreachable). */
  readonly longest: Float64Array;
  /** Per node: the shortest distance from a source (+Infinity when unreachable). */
  readonly shortest: Float64Array;
  /** Per node: the edge id that realises `longest` / `shortest` (-1 for sources and unreachable nodes). */
  readonly longestVia: Int32Array;
  readonly shortestVia: Int32Array;
}

/**
 * Longest and shortest paths from `sources` in a directed acyclic graph with edge weights,
 * by one pass in topological order (Kahn's algorithm on the CSR; O(nodes + edges), no
 * recursion). Ties keep the first edge found, so results are deterministic. Returns
 * undefined when the graph has a cycle (then longest paths are not defined).
 */
export function dagDistances(csr: Csr, weight: Float64Array, sources: readonly number[]): DagDistances | undefined {
  const { nodes, offsets, targets, edgeIds } = csr;
  const indegree = new Int32Array(nodes);
  for (let e = 0; e < targets.length; e++) indegree[targets[e]]++;
  const order = new Int32Array(nodes);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < nodes; v++) if (indegree[v] === 0) order[tail++] = v;
  const longest = new Float64Array(nodes).fill(Number.NEGATIVE_INFINITY);
  const shortest = new Float64Array(nodes).fill(Number.POSITIVE_INFINITY);
  const longestVia = new Int32Array(nodes).fill(-1);
  const shortestVia = new Int32Array(nodes).fill(-1);
  for (const s of sources) {
    longest[s] = 0;
    shortest[s] = 0;
  }
  while (head < tail) {
    const v = order[head++];
    for (let i = offsets[v]; i < offsets[v + 1]; i++) {
      const u = targets[i];
      const e = edgeIds[i];
      if (longest[v] + weight[e] > longest[u]) {
        longest[u] = longest[v] + weight[e];
        longestVia[u] = e;
      }
      if (shortest[v] + weight[e] < shortest[u]) {
        shortest[u] = shortest[v] + weight[e];
        shortestVia[u] = e;
      }
      if (--indegree[u] === 0) order[tail++] = u;
    }
  }
  return tail === nodes ? { longest, shortest, longestVia, shortestVia } : undefined;
}

/** The worst and best time to reach the goal over every behaviour of a timed model. */
export interface TimedExtremes<TGhost, TClock> {
  /** The latest time any behaviour reaches the goal, with a behaviour that does (undefined: none reaches it). */
  readonly worst?: { readonly ms: number; readonly trace: Trace<TimedState<TGhost, TClock>, TimedAction> };
  readonly best?: { readonly ms: number; readonly trace: Trace<TimedState<TGhost, TClock>, TimedAction> };
  /** Distinct goal states reached. */
  readonly goals: number;
  /** States with no successor in the graph that are not goals: stuck behaviours, or cut by the boundary. */
  readonly deadEnds: number;
}

/**
 * Worst and best time to the goal in an explored timed model: the longest and shortest path
 * from the initial states to a goal state in its state graph, with weights the time each
 * step takes (recomputed per edge from the kept states; the timed fingerprint is
 * shift-invariant, so a merged state's steps take the same time from every representative).
 * Time makes the graph acyclic; a cycle means a zero-time loop and is reported as SV202.
 * Needs the graph with its states (`graph: 'always'`, `graphLimit` at least the state count).
 * Behaviours cut by the model's boundary are not counted: check `stats.boundaryHits`.
 */
export function timedExtremes<TGhost, TClock>(model: TimedModel<TGhost, TClock>, exploration: Exploration<TimedState<TGhost, TClock>, TimedAction>): TimedExtremes<TGhost, TClock> {
  const graph = exploration.graph;
  const states = graph?.states;
  if (graph === undefined || states === undefined) {
    throw splitvoteError('SV202', 'timedExtremes needs the explored graph with its states: explore with graph "always" and graphLimit >= the number of states');
  }
  const edges = graph.edges;
  const weight = new Float64Array(edges.size);
  const actions: TimedAction[] = [];
  let lastFrom = -1;
  for (let e = 0; e < edges.size; e++) {
    const from = edges.source(e);
    if (from !== lastFrom) {
      actions.length = 0;
      model.actions(states.get(from), actions);
      lastFrom = from;
    }
    weight[e] = actions[edges.action(e)].at - states.get(from).now;
  }
  const inits = model.initStates();
  const depth = graph.depths();
  const sources: number[] = [];
  for (let v = 0; v < graph.nodes; v++) if (depth[v] === 0) sources.push(v);
  const csr = toCsr(edges, graph.nodes);
  const dist = dagDistances(csr, weight, sources);
  if (dist === undefined) throw splitvoteError('SV202', 'the timed state graph has a cycle (a loop of steps that take no time); the worst case is undefined');
  let worst = -1;
  let best = -1;
  let goals = 0;
  let deadEnds = 0;
  for (let v = 0; v < graph.nodes; v++) {
    if (model.goal(states.get(v))) {
      goals++;
      if (worst < 0 || dist.longest[v] > dist.longest[worst]) worst = v;
      if (best < 0 || dist.shortest[v] < dist.shortest[best]) best = v;
    } else if (csr.offsets[v + 1] === csr.offsets[v]) {
      deadEnds++;
    }
  }
  const traceTo = (v: number, via: Int32Array): Trace<TimedState<TGhost, TClock>, TimedAction> => {
    const path: number[] = [];
    let at = v;
    while (via[at] >= 0) {
      path.push(edges.action(via[at]));
      at = edges.source(via[at]);
    }
    path.reverse();
    return replay(model, inits.indexOf(states.get(at)), path);
  };
  return {
    ...(worst < 0 ? {} : { worst: { ms: dist.longest[worst], trace: traceTo(worst, dist.longestVia) } }),
    ...(best < 0 ? {} : { best: { ms: dist.shortest[best], trace: traceTo(best, dist.shortestVia) } }),
    goals,
    deadEnds,
  };
}
