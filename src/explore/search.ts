import type { Model } from '../core/model.ts';
import { ACTION_CODE_WORDS, NEXT_STATE, type PackedModel } from '../core/packed.ts';
import type { Property } from '../core/property.ts';
import type { Stats, StopReason, Strategy } from '../core/result.ts';
import { Hasher } from '../core/hasher.ts';
import { fingerprinter } from './fingerprint.ts';
import { FingerprintSet } from './fingerprintSet.ts';
import { ByteList } from '../store/byteList.ts';
import { ChunkedInts } from '../store/chunkedInts.ts';
import { IntList } from '../store/intList.ts';
import { EdgeList } from '../store/edgeList.ts';
import { ArrayStateStore, RebuiltStateStore, type StateStore } from '../store/stateStore.ts';
import type { ResolvedOptions } from './options.ts';
import type { ReductionPlan } from './reduction.ts';
import { DEFAULTS } from './options.ts';

/** What the search needs of its visited set (the {@link FingerprintSet}, or a shared table). */
export interface VisitedSet {
  readonly size: number;
  readonly bytes: number;
  /** After `add`: the ordinal of the fingerprint just added or found (when ordinals are tracked). */
  readonly lastOrdinal: number;
  add(hi: number, lo: number): boolean;
  has(hi: number, lo: number): boolean;
  dropOrdinals(): void;
  /** Every fingerprint, sorted (high lane << 32 | low lane), for `fingerprints: true`; absent on a shared table. */
  sorted?(): BigUint64Array;
}

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
  readonly visited: VisitedSet;
  readonly parents = new ChunkedInts();
  readonly actionIndices = new ChunkedInts();
  /** Recorded edges (from, to, action index), or undefined when the graph is not recorded. */
  edges: EdgeList | undefined;
  /** States by ordinal, kept while the graph may still be materialised. */
  states: ArrayStateStore<TState> | undefined;
  /** The model's packed engine for this search, when the search runs on packed vectors. */
  readonly packed: PackedModel<TState> | undefined;
  private readonly keepStates: boolean;
  /** Per `eventually`/`recoverable` property: one byte per ordinal, 1 where the condition holds. */
  readonly labels: ByteList[] = [];
  /** Per property: first ordinal that violates (always) or witnesses (sometimes), else -1. */
  readonly found: Int32Array;
  readonly properties: readonly Property<TState>[];
  /** Ordinals of states whose successors were cut by the model's boundary. */
  readonly open = new IntList(64);
  firstDeadlock = -1;
  deadlocks = 0;
  boundaryHits = 0;
  /** States expanded with a persistent subset of their actions (partial-order reduction). */
  reducedStates = 0;
  /** Whether partial-order reduction ran, and why not. */
  reduction: ReductionPlan = { enabled: false, reason: 'not offered by this strategy' };
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

  constructor(readonly model: Model<TState, TAction>, readonly options: ResolvedOptions, readonly strategy: Strategy, packed?: PackedModel<TState>, visited?: VisitedSet) {
    this.packed = packed;
    // Random walks record no edges (they cover the graph only partly) but need ordinals to
    // continue from states seen before.
    const recordEdges = options.graph !== 'never' && strategy !== 'simulate';
    this.visited = visited ?? new FingerprintSet(Math.min(options.expectedStates, options.maxStates), recordEdges || strategy === 'simulate');
    this.edges = recordEdges ? new EdgeList() : undefined;
    const keep = recordEdges && options.graphLimit > 0;
    // Packed searches keep no states: graphStates() rebuilds them from parents when asked.
    this.states = keep && packed === undefined ? new ArrayStateStore<TState>() : undefined;
    this.keepStates = keep;
    this.properties = model.properties;
    this.found = new Int32Array(this.properties.length).fill(-1);
    this.pending = [];
    this.properties.forEach((p, i) => {
      if (p.kind === 'always' || p.kind === 'sometimes') this.pending.push(i);
      this.labels.push(new ByteList(p.kind === 'eventually' || p.kind === 'recoverable' ? 1024 : 16));
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
    const ordinal = this.admit(this.hasher.hi, this.hasher.lo, parent, actionIndex);
    if (ordinal < 0) return -1;
    this.check(state, ordinal);
    if (this.edges !== undefined) this.keepForGraph(ordinal, state);
    return ordinal;
  }

  /**
   * {@link visit} for a packed vector `words[offset..]` whose fingerprint the engine wrote
   * into `fp`. The state object is decoded only when the state is new (for its properties).
   */
  visitPacked(fp: Int32Array, parent: number, actionIndex: number, words: Int32Array, offset: number): number {
    const ordinal = this.admit(fp[0] >>> 0, fp[1] >>> 0, parent, actionIndex);
    if (ordinal < 0) return -1;
    this.check(this.packed!.decode(words, offset), ordinal);
    if (this.edges !== undefined) this.keepForGraph(ordinal, undefined);
    return ordinal;
  }

  /**
   * Records a state another party found new (a parallel search's shared table): its
   * parent, action and properties, as {@link visitPacked} does after the visited-set test.
   * Ordinals are given in the order of the calls. Returns the ordinal.
   */
  adopt(state: TState, parent: number, actionIndex: number, words: Int32Array, offset: number): number {
    const ordinal = this.parents.length;
    this.parents.push(parent);
    this.actionIndices.push(actionIndex);
    this.check(state, ordinal);
    if (this.edges !== undefined) this.keepForGraph(ordinal, undefined);
    return ordinal;
  }

  /** Counts a state without successors that is not final (a deadlock) found elsewhere. */
  noteDeadlock(ordinal: number): void {
    this.deadlock(ordinal);
  }

  /** The visited-set, parent and edge bookkeeping of a visit; returns the new ordinal or -1. */
  private admit(hi: number, lo: number, parent: number, actionIndex: number): number {
    if (this.visited.size >= this.options.maxStates && !this.visited.has(hi, lo)) {
      // The limit is exact: the state that would be one too many is not added.
      this.stopReason = 'max-states';
      return -1;
    }
    const isNew = this.visited.add(hi, lo);
    const edges = this.edges;
    if (edges !== undefined && parent >= 0) edges.add(parent, this.visited.lastOrdinal, actionIndex);
    if (!isNew) return -1;
    this.parents.push(parent);
    this.actionIndices.push(actionIndex);
    return this.visited.size - 1;
  }

  /** Marks a state whose successors have all been generated; counts deadlocks. */
  expanded(state: TState, ordinal: number, successors: number, boundaryCut: boolean): void {
    if (this.isDeadlockCandidate(ordinal, successors, boundaryCut) && !this.model.isFinal?.(state)) this.deadlock(ordinal);
  }

  /** {@link expanded} for a packed vector (decoded only when it may be a deadlock). */
  expandedPacked(words: Int32Array, offset: number, ordinal: number, successors: number, boundaryCut: boolean): void {
    if (!this.isDeadlockCandidate(ordinal, successors, boundaryCut)) return;
    if (this.model.isFinal === undefined || !this.model.isFinal(this.packed!.decode(words, offset))) this.deadlock(ordinal);
  }

  private isDeadlockCandidate(ordinal: number, successors: number, boundaryCut: boolean): boolean {
    if (boundaryCut) this.open.push(ordinal);
    return successors === 0 && !boundaryCut && this.options.deadlock;
  }

  private deadlock(ordinal: number): void {
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

  /**
   * {@link shouldStop} for a search that stops only between levels (a parallel BFS): the
   * clock, memory and violations are checked on every call, and progress is reported.
   */
  shouldStopAtLevel(frontier: number): boolean {
    if (this.stopReason !== null) return true;
    const options = this.options;
    if (options.signal?.aborted === true) this.stopReason = 'interrupted';
    else if (options.stopOnViolation && (this.firstDeadlock >= 0 || this.anyAlwaysViolated())) this.stopReason = 'violation';
    else if ((performance.now() - this.started) / 1000 >= options.maxSeconds) this.stopReason = 'max-seconds';
    else {
      const rss = process.memoryUsage.rss();
      if (rss > this.peakMemory) this.peakMemory = rss;
      if (rss > options.maxMemoryBytes) this.stopReason = 'max-memory';
    }
    this.reportProgress(frontier);
    return this.stopReason !== null;
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
      reduction: { ...this.reduction, reducedStates: this.reducedStates },
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

  /** {@link hasNewSuccessor} for a packed vector. */
  hasNewSuccessorPacked(words: Int32Array, offset: number, codes: number[], scratch: Int32Array, fp: Int32Array): boolean {
    const packed = this.packed!;
    codes.length = 0;
    packed.actions(words, offset, codes);
    for (let a = 0; a < codes.length / ACTION_CODE_WORDS; a++) {
      if (packed.next(words, offset, codes, a, scratch, fp) !== NEXT_STATE) continue;
      if (!this.visited.has(fp[0] >>> 0, fp[1] >>> 0)) return true;
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

  /**
   * The states of the graph by ordinal, while there are at most `graphLimit` and the edges
   * were recorded: the kept objects, or for a packed search a store that rebuilds them.
   */
  graphStates(): StateStore<TState> | undefined {
    if (this.packed === undefined) return this.states;
    const size = this.visited.size;
    if (!this.keepStates || this.edges === undefined || size > this.options.graphLimit) return undefined;
    return new RebuiltStateStore<TState>(size, this.packed, (v) => this.parents.get(v), (v) => this.actionIndices.get(v));
  }

  private keepForGraph(ordinal: number, state: TState | undefined): void {
    const states = this.states;
    if (states !== undefined && state !== undefined) {
      if (ordinal >= this.options.graphLimit) this.states = undefined;
      else states.push(state);
    }
    if (this.options.graph === 'auto' && ordinal >= DEFAULTS.edgeLimit) {
      // Too large to keep the graph: stop recording; liveness verdicts become unknown.
      this.edges = undefined;
      this.states = undefined;
      this.visited.dropOrdinals();
    }
  }
}

