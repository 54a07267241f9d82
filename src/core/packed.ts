/**
 * The packed form of a model, for the explorer's fast path (as Spin keeps its state
 * vectors): every state is a fixed number of int32 words. The explorer keeps frontiers and
 * stored states in typed-array arenas, asks the model to write a successor into a scratch
 * buffer it owns, and copies the buffer into an arena only when the state is new. A state
 * object exists only while a property looks at it or a person is shown it (`decode`).
 *
 * Contract, on top of {@link Model}'s:
 * - `actions` lists exactly the actions `Model.actions` lists for the decoded state, in the
 *   same order, so action indices (and therefore traces, which are replayed on the plain
 *   model) mean the same on both paths; `next` for index k gives the state `Model.next`
 *   gives for the k-th action, after `Model.withinBoundary`.
 * - `fingerprint` and the fingerprints `next` writes are a function of the decoded state's
 *   value (with symmetry on: of its symmetry class), never of the order in which the engine
 *   saw things, so two runs, two workers or two processes agree on them. Never (0, 0).
 * - Pure and deterministic like the model: the engine may memoise, never change behaviour.
 */
export interface PackedModel<TState> {
  /** Words per state vector. */
  readonly width: number;
  /** The initial states, in `Model.initStates` order, as vectors of `width` words. */
  initial(): readonly Int32Array[];
  /** The fingerprint of the vector at `words[offset..]` into `fp[0]` (high lane), `fp[1]` (low lane). */
  fingerprint(words: Int32Array, offset: number, fp: Int32Array): void;
  /**
   * Appends the actions of the state at `words[offset..]` to `out` as opaque codes,
   * {@link ACTION_CODE_WORDS} numbers per action, in `Model.actions` order.
   */
  actions(words: Int32Array, offset: number, out: number[]): void;
  /**
   * The successor for the `k`-th listed action (codes from {@link actions} of the same
   * state): writes its vector into `scratch` and its fingerprint into `fp`. Returns
   * {@link NEXT_STATE}, {@link NEXT_NONE} (the action does nothing: `Model.next` gives
   * undefined) or {@link NEXT_CUT} (outside the model's boundary).
   */
  next(words: Int32Array, offset: number, codes: readonly number[], k: number, scratch: Int32Array, fp: Int32Array): number;
  /**
   * Partial-order reduction: when the model can prove that some of the listed actions form
   * a persistent set in this state (no sequence of the other actions can interfere with
   * them), appends their indices to `out` and returns true; else returns false (expand
   * every action). The explorer adds the cycle proviso and decides when reduction keeps
   * the properties' verdicts. Absent: no reduction.
   */
  ample?(words: Int32Array, offset: number, codes: readonly number[], out: number[]): boolean;
  /** Why `ample` never reduces for this model, when that is known up front (shown in the result). */
  readonly ampleUnavailable?: string;
  /** The state object of a vector (shared parts are shared, never mutate it). */
  decode(words: Int32Array, offset: number): TState;
  /** Bytes held by the engine's own tables (interned values, memo tables), for statistics. */
  tableBytes?(): number;
  /** Sizes of the engine's tables (distinct actor states, messages, ...), for statistics. */
  tableSizes?(): Readonly<Record<string, number>>;
}

/** Numbers per action code in {@link PackedModel.actions}. */
export const ACTION_CODE_WORDS = 2;
/** {@link PackedModel.next}: the successor is in the scratch buffer. */
export const NEXT_STATE = 0;
/** {@link PackedModel.next}: the action does not apply. */
export const NEXT_NONE = 1;
/** {@link PackedModel.next}: the successor is outside the model's boundary. */
export const NEXT_CUT = 2;

/** Settings the explorer passes when it asks a model for its packed form. */
export interface PackedSettings {
  /** Fingerprint symmetry classes (the model's symmetry reduction), not states. */
  readonly symmetry: boolean;
}
