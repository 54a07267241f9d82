import type { AnyModel } from '../core/model.ts';
import type { PropertyStatus, Strategy } from '../core/result.ts';
import type { ExploreOptions } from '../explore/options.ts';

/**
 * A model as the CLI and the checks see it: a name, named presets, optional protocol
 * variants that combine, and a factory. `models/index.ts` exports `catalog: ModelEntry[]`;
 * the CLI loads it by path at run time, so nothing in src/ imports models/.
 */
export interface ModelEntry {
  /** Name used on the command line: `splitvote check <name>`. */
  readonly name: string;
  /** One line for `splitvote list`. */
  readonly description: string;
  /** Named presets; the first is the default. */
  readonly presets: readonly PresetEntry[];
  /** Protocol variants that may be combined (`--variant a,b`); empty when the model has none. */
  readonly variants: readonly VariantEntry[];
  /** The default variant list, when the model has variants. */
  readonly defaultVariants: readonly string[];
  /**
   * Builds the model. Throws SV403 for an unknown preset or variant, or an invalid
   * combination, naming what is allowed.
   */
  create(request: ModelRequest): AnyModel;
}

/** A named configuration of a model. */
export interface PresetEntry {
  readonly name: string;
  readonly description: string;
}

/** A protocol variant switch. */
export interface VariantEntry {
  readonly name: string;
  readonly description: string;
}

/** What to build: a preset and a list of variants. */
export interface ModelRequest {
  readonly preset: string;
  readonly variants: readonly string[];
  /** Model-specific extras, for example replacement machines. */
  readonly extras?: Readonly<Record<string, unknown>>;
}

/**
 * A regression check: a model, preset, variant and strategy, the expected verdict of each
 * property, the pinned state and transition counts, and for known violations the pinned
 * counterexample (its action labels). A count that drifts is a reviewed edit of the model.
 */
export interface CheckDefinition {
  /** Unique name, usually the file name without `.check.ts`. */
  readonly name: string;
  readonly description: string;
  readonly model: string;
  readonly preset: string;
  readonly variants?: readonly string[];
  readonly strategy?: Strategy;
  /** Extra explorer options (limits, seed, runs for simulation). */
  readonly options?: Omit<ExploreOptions, 'strategy' | 'onProgress'>;
  /** Expected status per property name; properties not listed are not judged. */
  readonly expect: Readonly<Record<string, PropertyStatus>>;
  /** Pinned distinct states and transitions (exhaustive strategies). */
  readonly states?: number;
  readonly transitions?: number;
  /** Pinned counterexamples: property name -> action labels of the shortest trace. */
  readonly traces?: Readonly<Record<string, readonly string[]>>;
}

/**
 * A verdict table: one model explored on every (preset, variant set) pair, one row each,
 * then optionally one counterexample printed in full. `models/index.ts` may export
 * `flagship: TableSpec`; `splitvote table` without arguments (`npm start`) prints it.
 */
export interface TableSpec {
  readonly model: string;
  /** A heading printed above the table. */
  readonly title?: string;
  /** Presets to explore; default: the model's first preset. */
  readonly presets?: readonly string[];
  /** Variant sets, one row each per preset; default: each variant alone (or the default list when the model has none). */
  readonly variantSets?: readonly (readonly string[])[];
  readonly strategy?: Strategy;
  readonly options?: Omit<ExploreOptions, 'strategy' | 'onProgress'>;
  /**
   * The counterexample to print after the table: the first row (optionally restricted to a
   * preset and variant set) where `property` is violated.
   */
  readonly trace?: { readonly property: string; readonly preset?: string; readonly variants?: readonly string[] };
}
