import type { Hasher } from './hasher.ts';
import type { PackedModel, PackedSettings } from './packed.ts';
import type { Property } from './property.ts';

/**
 * A model is a plain value: initial states, the enabled actions of a state, a pure
 * transition function and named properties. It knows nothing of the explorer.
 *
 * Contract (the explorer relies on it; traces are rebuilt by replaying action indices):
 * - `initStates`, `actions` and `next` are pure and deterministic: the same input gives
 *   the same output, in the same order, on every call and every run. No `Math.random`,
 *   no clocks, no iteration over unordered input.
 * - States are never mutated after they are returned.
 */
export interface Model<TState, TAction> {
  /** A short name, used in results and reports. */
  readonly name: string;
  /** The initial states, in a fixed order (their index is the first element of a trace path). */
  initStates(): readonly TState[];
  /**
   * Pushes the actions that may be taken in `state` onto `out`, in a deterministic order.
   * An action that turns out to do nothing may be listed; `next` then returns `undefined`.
   */
  actions(state: TState, out: TAction[]): void;
  /** The state after `action`, or `undefined` when the action does not apply. Pure. */
  next(state: TState, action: TAction): TState | undefined;
  /** Named properties checked on every explored state. */
  readonly properties: readonly Property<TState>[];
  /**
   * States for which this returns `false` are outside the model's bounds: the explorer does
   * not add them and counts the cut in `stats.boundaryHits`. Default: every state is inside.
   */
  withinBoundary?(state: TState): boolean;
  /** States where stopping is expected, so having no successor is not a deadlock. */
  isFinal?(state: TState): boolean;
  /** The action in the protocol's own words ("R3 receives AUTH_ACK(epoch 5) from P1"). */
  formatAction?(action: TAction, state: TState): string;
  /** The component that takes the action (a node, an actor), for graphs and traces. */
  actor?(action: TAction, state: TState): string | undefined;
  /**
   * The fast, packed encoding path: feed the state's canonical encoding (a few int32 words)
   * to the hasher. Two states that are equal must feed equal words. Without it the explorer
   * hashes the state structurally with `hashValue`.
   */
  encode?(state: TState, hasher: Hasher): void;
  /**
   * Symmetry reduction (Stateright's `representative`): the canonical member of the state's
   * symmetry class, for example the state with interchangeable voters sorted. The explorer
   * fingerprints the representative, so symmetric states count once. Every property must
   * give the same answer on a state and its representative. Switch it off with
   * `symmetry: false`; the verdicts must agree.
   */
  representative?(state: TState): TState;
  /**
   * The packed fast path (see {@link PackedModel}): a fresh engine for one search, or
   * `undefined` when the model cannot offer one for these settings (the explorer then uses
   * the plain functions above). Models built with `createActorSystemModel` have it.
   */
  packed?(settings: PackedSettings): PackedModel<TState> | undefined;
  /** A plain-object view of a state for display, diffs and exports. Default: the state. */
  view?(state: TState): unknown;
  /** Bounds and settings to print with every result (max epoch, fault budgets, ...). */
  readonly bounds?: Readonly<Record<string, string | number | boolean>>;
}

/** A model whose state and action types are not known statically. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModel = Model<any, any>;

/** The state type of a model. */
export type StateOf<TModel> = TModel extends Model<infer S, unknown> ? S : never;
/** The action type of a model. */
export type ActionOf<TModel> = TModel extends Model<unknown, infer A> ? A : never;
