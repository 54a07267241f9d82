/**
 * How a property is judged over the explored state space.
 * - `always`: holds in every reachable state (an invariant); a counterexample is a path to a
 *   state where it fails.
 * - `sometimes`: holds in at least one reachable state (a witness); a model that can never
 *   reach it fails, so a model that can do nothing does not pass silently.
 * - `eventually`: on every path from an initial state it holds at some point; a
 *   counterexample is a path that ends in a deadlock or loops forever without it (a lasso).
 * - `recoverable`: from every reachable state, a state where it holds is still reachable
 *   (AG EF in CTL); a counterexample is a path to a trap state.
 */
export type PropertyKind = 'always' | 'sometimes' | 'eventually' | 'recoverable';

/** A named condition on states. Names read as sentences: "at most one primary per epoch". */
export interface Property<TState> {
  readonly name: string;
  readonly kind: PropertyKind;
  /** Pure predicate on a state. */
  readonly condition: (state: TState) => boolean;
  /** One line for `splitvote list` and reports. */
  readonly description?: string;
  /**
   * The model asserts that the property is monotone along every behaviour: an `always`
   * that fails stays failed, a `sometimes` that holds stays held (sticky history flags,
   * irrevocable decisions). Partial-order reduction needs it to keep the verdict.
   */
  readonly monotone?: boolean;
}

type Extra = { description?: string; monotone?: boolean };

/** An invariant: `condition` holds in every reachable state. */
export function always<TState>(name: string, condition: (state: TState) => boolean, extra: Extra = {}): Property<TState> {
  return { name, kind: 'always', condition, ...extra };
}

/** A witness: `condition` holds in some reachable state. */
export function sometimes<TState>(name: string, condition: (state: TState) => boolean, extra: Extra = {}): Property<TState> {
  return { name, kind: 'sometimes', condition, ...extra };
}

/** A liveness property: every path reaches a state where `condition` holds. */
export function eventually<TState>(name: string, condition: (state: TState) => boolean, extra: Extra = {}): Property<TState> {
  return { name, kind: 'eventually', condition, ...extra };
}

/** From every reachable state a state where `condition` holds stays reachable. */
export function recoverable<TState>(name: string, condition: (state: TState) => boolean, extra: Extra = {}): Property<TState> {
  return { name, kind: 'recoverable', condition, ...extra };
}
