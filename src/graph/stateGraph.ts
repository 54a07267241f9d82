import { MultiDirectedGraph } from 'graphology';
import type { Model } from '../core/model.ts';
import type { PropertyVerdict } from '../core/result.ts';
import { splitvoteError } from '../core/errors.ts';
import { label } from '../core/label.ts';
import type { EdgeList } from '../store/edgeList.ts';
import type { StateStore } from '../store/stateStore.ts';

/** Attributes of a state node in the graphology graph. */
export interface StateNodeAttributes {
  /** Ordinal of the state (order of discovery). */
  readonly ordinal: number;
  /** Distance from an initial state along the search's parent pointers (BFS: shortest). */
  readonly depth: number;
  readonly initial: boolean;
  /** `ok`, or the names of the `always` properties the state violates. */
  readonly status: 'ok' | 'violation';
  readonly violates: readonly string[];
  /** The state's fields (the model's `view`). */
  readonly state: unknown;
}

/** Attributes of a transition edge. */
export interface StateEdgeAttributes {
  readonly action: string;
  readonly actor: string | undefined;
  readonly actionIndex: number;
}

/** What a search hands the state graph: its size, edges, states (while kept) and parent pointers. */
export interface ExploredGraph<TState> {
  readonly nodes: number;
  readonly edges: EdgeList;
  readonly states: StateStore<TState> | undefined;
  /** Parent ordinal per state (-1 for initial states); the graph keeps this array. */
  readonly parents: Int32Array;
}

/**
 * The explored state graph: the compact edge list of the search, and the states themselves
 * while there are at most `graphLimit` of them. `toGraphology()` materialises a graphology
 * `DirectedGraph` (node key = ordinal as a string) for analysis, export and drawing.
 */
export class StateGraph<TState, TAction> {
  readonly nodes: number;
  readonly edges: EdgeList;
  /** States by ordinal, or undefined when the graph was too large to keep them. */
  readonly states: StateStore<TState> | undefined;
  private readonly parents: Int32Array;
  private cached: MultiDirectedGraph<StateNodeAttributes, StateEdgeAttributes> | undefined;

  constructor(readonly model: Model<TState, TAction>, explored: ExploredGraph<TState>, readonly verdicts: readonly PropertyVerdict[]) {
    this.nodes = explored.nodes;
    this.edges = explored.edges;
    this.states = explored.states !== undefined && explored.states.size === this.nodes ? explored.states : undefined;
    this.parents = explored.parents;
  }

  /** Number of recorded transitions. */
  get edgeCount(): number {
    return this.edges.size;
  }

  /** True when the graph is small enough to materialise as graphology. */
  get materialisable(): boolean {
    return this.states !== undefined;
  }

  /** Depth of every state along the parent pointers. */
  depths(): Int32Array {
    const depth = new Int32Array(this.nodes);
    // Parents always have smaller ordinals than their children, so one pass suffices.
    for (let v = 0; v < this.nodes; v++) depth[v] = this.parents[v] < 0 ? 0 : depth[this.parents[v]] + 1;
    return depth;
  }

  /**
   * The graph as a graphology `DirectedGraph` (multi: two actions may join the same pair
   * of states). Throws SV202 when the states were not kept (graph above `graphLimit`).
   */
  toGraphology(): MultiDirectedGraph<StateNodeAttributes, StateEdgeAttributes> {
    if (this.cached !== undefined) return this.cached;
    const states = this.states;
    if (states === undefined) {
      throw splitvoteError('SV202', `the state graph has ${this.nodes} states, above graphLimit; raise graphLimit or export a counterexample's neighbourhood instead`);
    }
    const model = this.model;
    const graph = new MultiDirectedGraph<StateNodeAttributes, StateEdgeAttributes>({ allowSelfLoops: true });
    const depth = this.depths();
    const invariants = model.properties.filter((p) => p.kind === 'always');
    for (let v = 0; v < this.nodes; v++) {
      const state = states.get(v);
      const violates = invariants.filter((p) => !p.condition(state)).map((p) => p.name);
      graph.addNode(String(v), {
        ordinal: v,
        depth: depth[v],
        initial: this.parents[v] < 0,
        status: violates.length > 0 ? 'violation' : 'ok',
        violates,
        state: model.view ? model.view(state) : state,
      });
    }
    const actions: TAction[] = [];
    const to = this.edges.to;
    this.edges.forEachRun((source, first, end) => {
      const sourceState = states.get(source);
      actions.length = 0;
      model.actions(sourceState, actions);
      for (let e = first; e < end; e++) {
        const index = this.edges.action(e);
        const act = actions[index];
        graph.addDirectedEdgeWithKey(String(e), String(source), String(to.get(e)), {
          action: label(model, act, sourceState),
          actor: model.actor?.(act, sourceState),
          actionIndex: index,
        });
      }
    });
    this.cached = graph;
    return graph;
  }
}
