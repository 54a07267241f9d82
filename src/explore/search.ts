import type { Model } from '../core/model.ts';
import type { Property } from '../core/property.ts';
import type { Stats, StopReason, Strategy } from '../core/result.ts';
import { Hasher } from '../core/hasher.ts';
import { fingerprinter } from './fingerprint.ts';
import { FingerprintSet } from './fingerprintSet.ts';
import { IntList } from './growable.ts';
import type { ResolvedOptions } from './options.ts';
import { DEFAULTS } from './options.ts';
import { EdgeList } from '../graph/edgeList.ts';

/**
 * The bookkeeping every exhaustive strategy shares: visited fingerprints, a parent pointer
 * and action index per state (traces are rebuilt by replay), property tracking, the
 * optional edge list, statistics and limits. Strategies own only their frontier.
 *
 * Ordinals number states in the order they were first seen. An initial state has parent
 * -1 and stores its index in `initStates()` as its action index.
 */
export class Search<TState, TAction> {
  readonly hasher = new Hasher();
  readonly visited: FingerprintSet;
  readonly parents = new IntList();
  readonly actionIndices = new IntList();
  /** Recorded edges (from, to, action index), or undefined when the graph is not recorded. */
  edges: EdgeList | undefined;
  /** States by ordinal, kept while the graph may still be materialised. */
  states: TState[] | undefined;
  /** Per `eventually`/`recoverable` property: one byte per ordinal, 1 where the condition holds. */
  readonly labels: IntList[] = [];
  /** Per property: first ordinal that violates (always) or witnesses (sometimes), else -1. */
  readonly found: Int32Array;
  readonly properties: readonly Property<TState>[];
  /** Ordinals of states whose successors were cut by the model's boundary. */
  readonly open = new IntList(64);
  firstDeadlock = -1;
  deadlocks = 0;
  boundaryHits = 0;
  transitions = 0;
  depth = 0;
  stopReason: StopReason = null;
  /** Set when a state's successors were not all explored (depth limit). */
  truncated = false;
  peakMemory = 0;
  /** Simulation: walks run. */
  runs: number | undefined;
  private ticks = 0;
  readonly started = performance.now();
  private lastProgress = this.started;
  private readonly pending: number[];
  private readonly encode: (state: TState) => void;

  constructor(readonly model: Model<TState, TAction>, readonly options: ResolvedOptions, readonly strategy: Strategy) {
    // Random walks record no edges (they cover the graph only partly) but need ordinals to
    // continue from states seen before.
    const recordEdges = options.graph !== 'never' && strategy !== 'simulate';
    this.visited = new FingerprintSet(Math.min(options.expectedStates, options.maxStates), recordEdges || strategy === 'simulate');
    this.edges = recordEdges ? new EdgeList() : undefined;
    this.states = recordEdges && options.graphLimit > 0 ? [] : undefined;
    this.properties = model.properties;
    this.found = new Int32Array(this.properties.length).fill(-1);
    this.pending = [];
    this.properties.forEach((p, i) => {
      if (p.kind === 'always' || p.kind === 'sometimes') this.pending.push(i);
      this.labels.push(new IntList(p.kind === 'eventually' || p.kind === 'recoverable' ? 1024 : 16));
    });
    this.encode = fingerprinter(model, this.hasher, options.symmetry);
  }

  /**
   * Records `state`, reached from `parent` by action `actionIndex` (or initial state number
   * `actionIndex` when `parent` is -1). Returns its ordinal when it is new, else -1. A new
   * state beyond `maxStates` is not added: the search is marked stopped instead.
   */
  visit(state: TState, parent: number, actionIndex: number): number {
    this.encode(state);
    if (this.visited.size >= this.options.maxStates && !this.visited.has(this.hasher.hi, this.hasher.lo)) {
      // The limit is exact: the state that would be one too many is not added.
      this.stopReason = 'max-states';
      return -1;
    }
    const isNew = this.visited.add(this.hasher.hi, this.hasher.lo);
    const edges = this.edges;
    if (edges !== undefined && parent >= 0) edges.add(parent, this.visited.lastOrdinal, actionIndex);
    if (!isNew) return -1;
    const ordinal = this.visited.size - 1;
    this.parents.push(parent);
    this.actionIndices.push(actionIndex);
    this.check(state, ordinal);
    if (edges !== undefined) this.keepForGraph(state, ordinal);
    return ordinal;
  }

  /** Marks a state whose successors have all been generated; counts deadlocks. */
  expanded(state: TState, ordinal: number, successors: number, boundaryCut: boolean): void {
    if (boundaryCut) this.open.push(ordinal);
    if (successors > 0 || boundaryCut || !this.options.deadlock) return;
    if (this.model.isFinal?.(state)) return;
    this.deadlocks++;
    if (this.firstDeadlock < 0) this.firstDeadlock = ordinal;
  }

  /** True when the search must stop now; sets `stopReason`. Call once per expansion. */
  shouldStop(frontier: number): boolean {
    if (this.stopReason !== null) return true;
    const options = this.options;
    if (options.stopOnViolation && (this.firstDeadlock >= 0 || this.anyAlwaysViolated())) {
      this.stopReason = 'violation';
      return true;
    }
    // Clocks and memory are read only every 512 expansions: they cost microseconds.
    if ((++this.ticks & 511) !== 1) return false;
    if (options.signal?.aborted === true) {
      this.stopReason = 'interrupted';
      return true;
    }
    const now = performance.now();
    if ((now - this.started) / 1000 >= options.maxSeconds) {
      this.stopReason = 'max-seconds';
      return true;
    }
    if (now - this.lastProgress >= options.progressEveryMs) {
      this.lastProgress = now;
      const rss = process.memoryUsage.rss();
      if (rss > this.peakMemory) this.peakMemory = rss;
      if (rss > options.maxMemoryBytes) {
        this.stopReason = 'max-memory';
        return true;
      }
      this.reportProgress(frontier);
    }
    return false;
  }

  /** Sends a progress report to `onProgress`, if any. */
  reportProgress(frontier: number): void {
    const onProgress = this.options.onProgress;
    if (onProgress === undefined) return;
    const seconds = (performance.now() - this.started) / 1000;
    onProgress({
      strategy: this.strategy,
      states: this.visited.size,
      transitions: this.transitions,
      depth: this.depth,
      queue: frontier,
      seconds,
      statesPerSecond: seconds > 0 ? this.visited.size / seconds : 0,
      total: Number.isFinite(this.options.maxStates) ? this.options.maxStates : undefined,
    });
  }

  /** The statistics of the search so far. */
  stats(): Stats {
    const seconds = (performance.now() - this.started) / 1000;
    const rss = process.memoryUsage.rss();
    const states = this.visited.size;
    return {
      states,
      transitions: this.transitions,
      depth: this.depth,
      seconds,
      statesPerSecond: seconds > 0 ? states / seconds : 0,
      boundaryHits: this.boundaryHits,
      deadlocks: this.deadlocks,
      visitedBytes: this.visited.bytes,
      peakMemoryBytes: Math.max(this.peakMemory, rss),
      collisionProbability: (states * states) / 2 ** 65,
      ...(this.runs === undefined ? {} : { runs: this.runs }),
    };
  }

  /** The path of action indices from an initial state to `ordinal`. */
  pathTo(ordinal: number): { init: number; path: number[] } {
    const path: number[] = [];
    let at = ordinal;
    while (this.parents.get(at) >= 0) {
      path.push(this.actionIndices.get(at));
      at = this.parents.get(at);
    }
    path.reverse();
    return { init: this.actionIndices.get(at), path };
  }

  /**
   * True when some action of `state` leads to a state not visited yet: a state at the depth
   * limit whose successors were all seen leaves the search complete.
   */
  hasNewSuccessor(state: TState, scratch: TAction[]): boolean {
    const model = this.model;
    scratch.length = 0;
    model.actions(state, scratch);
    for (let a = 0; a < scratch.length; a++) {
      const next = model.next(state, scratch[a]);
      if (next === undefined || (model.withinBoundary !== undefined && !model.withinBoundary(next))) continue;
      this.encode(next);
      if (!this.visited.has(this.hasher.hi, this.hasher.lo)) return true;
    }
    return false;
  }

  private anyAlwaysViolated(): boolean {
    for (let i = 0; i < this.properties.length; i++) {
      if (this.properties[i].kind === 'always' && this.found[i] >= 0) return true;
    }
    return false;
  }

  private check(state: TState, ordinal: number): void {
    const properties = this.properties;
    const pending = this.pending;
    for (let k = 0; k < pending.length; k++) {
      const i = pending[k];
      const property = properties[i];
      const holds = property.condition(state);
      if (property.kind === 'always' ? !holds : holds) {
        this.found[i] = ordinal;
        pending.splice(k--, 1); // rare: once per property
      }
    }
    if (this.edges === undefined) return;
    for (let i = 0; i < properties.length; i++) {
      const kind = properties[i].kind;
      if (kind === 'eventually' || kind === 'recoverable') this.labels[i].push(properties[i].condition(state) ? 1 : 0);
    }
  }

  private keepForGraph(state: TState, ordinal: number): void {
    const states = this.states;
    if (states !== undefined) {
      if (ordinal < this.options.graphLimit) states.push(state);
      else this.states = undefined;
    }
    if (this.options.graph === 'auto' && ordinal >= DEFAULTS.edgeLimit) {
      // Too large to keep the graph: stop recording; liveness verdicts become unknown.
      this.edges = undefined;
      this.states = undefined;
      this.visited.dropOrdinals();
    }
  }
}

