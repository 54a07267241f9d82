import type { AnyModel } from '../core/model.ts';
import type { PropertyStatus, Strategy } from '../core/result.ts';
import type { ExploreOptions } from '../explore/options.ts';
import type { Exploration } from '../explore/explore.ts';
import type { Distribution } from '../timing/distribution.ts';
import type { CronSpec } from '../timing/ticks.ts';
import type { TimedExtremes } from '../timing/paths.ts';
import type { RecoveryReport } from '../timing/report.ts';
import type { ValidationEntry } from '../trace/types.ts';

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
  /** Other names the command line accepts for this model (`failover` for `valkey-failover`). */
  readonly aliases?: readonly string[];
  /** The model's timed semantics, when it has them (`splitvote simulate <model> --timed`). */
  readonly timed?: TimedEntry;
  /**
   * The constants the model accepts (`--set NAME=VALUE`, TLC's CONSTANTS): bounds such as a
   * maximum epoch or a fault budget, each an integer in a declared range. A request only
   * carries declared names with in-range values (`resolveRequest` checks); `create` may
   * reject a combination the preset cannot take, with SV404 naming the constant.
   */
  readonly constants?: readonly ConstantEntry[];
  /** Deliberate bugs to plant for mutation testing (`splitvote mutate <name>`), when the model has them. */
  readonly mutants?: MutationSuite;
  /** Trace validation of real logs against the model (`splitvote validate <name>`), when the model has it. */
  readonly validation?: ValidationEntry;
}

/**
 * A deliberate bug (a mutant): one named guard or action of the model replaced by a
 * plausible wrong implementation, planted through the model request's `extras` (typically
 * machines built with `machine.provide()`). `splitvote mutate` explores it and reports the
 * first property that catches it, or that it survived.
 */
export interface MutantEntry {
  /** Unique name, like `alreadyVoted-ignored`. */
  readonly name: string;
  /** What kind of named implementation it replaces. */
  readonly kind: 'guard' | 'action';
  /** The name of the guard or action it replaces (as `setup({ guards, actions })` names it). */
  readonly replaces: string;
  /** One line: the plausible implementation bug. */
  readonly description: string;
  /** Variant sets it runs under, in order (default: the model's default variants). */
  readonly variants?: readonly (readonly string[])[];
  /** Presets it runs on, in order (default: the suite's presets). */
  readonly presets?: readonly MutationPreset[];
  /** The request extras that plant the bug (built when the mutant runs). */
  extras(): Readonly<Record<string, unknown>>;
  /**
   * Declared equivalent: why no property can tell it from the model (it is left out of the
   * score). A declared equivalent that gets caught is reported as a contradiction.
   */
  readonly equivalent?: string;
  /** Why it survives today's properties, and the plan that would catch it (a known gap). */
  readonly gap?: string;
}

/** A preset a mutant runs on: its name, or its name with model constants set on top (`--set`). */
export type MutationPreset = string | { readonly name: string; readonly constants: Readonly<Record<string, number>> };

/** A model's mutation suite: the mutants, where they run, the bound, the pin file. */
export interface MutationSuite {
  /** Presets every mutant runs on unless it names its own, in order (keep them small: this runs in CI). */
  readonly presets: readonly MutationPreset[];
  /** Most distinct states per search (baseline and mutant); a search cut there decides nothing it did not find. */
  readonly maxStates: number;
  readonly mutants: readonly MutantEntry[];
  /**
   * Every named implementation that some mutant must replace (`splitvote mutate` reports the
   * ones none replaces); typically read from the machines' `implementations`.
   */
  readonly targets?: readonly { readonly kind: 'guard' | 'action'; readonly name: string }[];
  /** Absolute path of the pin file (JSON) with each mutant's expected outcome; `--write-pins` rewrites it. */
  readonly pinsFile?: string;
  /**
   * The pins as loaded with the module (for a compiled package, where `pinsFile` may be
   * absent); `splitvote mutate` compares with the file when it exists, else with these.
   */
  readonly pins?: unknown;
}

/** A model constant that `--set NAME=VALUE` can change. */
export interface ConstantEntry {
  /** The name on the command line, like `maxEpoch`. */
  readonly name: string;
  /** One line for `splitvote list`: what it bounds, and its default (usually the preset's). */
  readonly description: string;
  /** Smallest allowed value (an integer). */
  readonly min: number;
  /** Largest allowed value (an integer). */
  readonly max: number;
}

/**
 * A timed scenario of a leader election: a cluster of `primaries` shards with `replicas`
 * replicas each, `failed` of whose primaries stop at time 0, and the timing parameters.
 */
export interface TimedScenarioRequest {
  readonly primaries: number;
  readonly failed: number;
  readonly replicas: number;
  readonly nodeTimeout: number;
  /** Base latency of one message (each directed link stays FIFO); the model's default when absent. */
  readonly latency?: Distribution;
  /** Rare latency spikes on top of the base: probability per message and size; the model's default when absent. */
  readonly spike?: { readonly probability: number; readonly extra: Distribution };
  /** A fixed one-way delay on every bus message (a real harness's delay proxy), ms; 0 when absent. */
  readonly busDelay?: number;
  /** The cron's period and per-tick jitter; the model's default when absent. */
  readonly cron?: CronSpec;
  /**
   * Failure-detection shortcut: a gossip time added to the node timeout. When absent the model
   * detects failures by its own mechanism where it has one (Monte Carlo), or uses its default.
   */
  readonly gossip?: Distribution;
  /** Every candidate starts its first election at the same instant (the model says how). */
  readonly sameTick: boolean;
}

/** A Monte Carlo request: the scenario, the variant rows, runs and seed. */
export interface TimedRequest extends TimedScenarioRequest {
  /** One report row per entry, each a combination of variant names. */
  readonly variants: readonly (readonly string[])[];
  readonly runs: number;
  readonly seed: number;
}

/** An exhaustive worst/best-case request for one variant combination. */
export interface ExtremesRequest extends TimedScenarioRequest {
  readonly variants: readonly string[];
  /** Grid step (ms) of the values enumerated. */
  readonly grid: number;
  /** Elections per candidate beyond which behaviours are cut. */
  readonly maxElections: number;
  readonly maxStates: number;
}

/** The result of {@link TimedEntry.extremes}: the explored timed model and its extremes. */
export interface ExtremesOutcome {
  readonly model: AnyModel;
  readonly exploration: Exploration<unknown, unknown>;
  readonly extremes: TimedExtremes<unknown, unknown>;
}

/**
 * Timed semantics a catalog entry offers (src/timing runs them; the model supplies its
 * timing policy). Both functions are deterministic and throw SV401 naming the flag for an
 * impossible scenario, SV403 for a bad variant combination.
 */
export interface TimedEntry {
  /** The rows `simulate --timed` reports when `--variant` is not given. */
  readonly defaultVariants: readonly (readonly string[])[];
  /** Monte Carlo recovery times; `onProgress(done, total)` counts runs. */
  simulate(request: TimedRequest, onProgress?: (done: number, total: number) => void): RecoveryReport;
  /** Exhaustive worst and best recovery time, with the witness behaviours. */
  extremes?(request: ExtremesRequest): ExtremesOutcome;
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

/** What to build: a preset, a list of variants and the constants set on top of the preset. */
export interface ModelRequest {
  readonly preset: string;
  readonly variants: readonly string[];
  /** Constants by name (`--set`); absent or empty: the preset's values. Only declared names, in range. */
  readonly constants?: Readonly<Record<string, number>>;
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
  /** Model constants set on top of the preset, as `--set` does. */
  readonly constants?: Readonly<Record<string, number>>;
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
  /** Model constants set on top of every row's preset (`table --set`). */
  readonly constants?: Readonly<Record<string, number>>;
  readonly strategy?: Strategy;
  readonly options?: Omit<ExploreOptions, 'strategy' | 'onProgress'>;
  /** The known bugs the table shows, printed first with what the rows say about each. */
  readonly findings?: readonly TableFinding[];
  /**
   * The counterexample to print after the table: the first row (optionally restricted to a
   * preset and variant set) where `property` is violated.
   */
  readonly trace?: { readonly property: string; readonly preset?: string; readonly variants?: readonly string[] };
}

/**
 * A known bug a verdict table demonstrates: on `preset`, the variant set `has` violates
 * `property` and the variant set `fixedBy` does not. The table judges it from its rows:
 * a finding is confirmed only when both rows are in the table with those verdicts.
 */
export interface TableFinding {
  /** One line naming the bug, like `#4655: ACKs from an abandoned epoch count in the next`. */
  readonly title: string;
  /** The property (an invariant) the bug breaks. */
  readonly property: string;
  readonly preset: string;
  /** The variant set that has the bug. */
  readonly has: readonly string[];
  /** The variant set that fixes it. */
  readonly fixedBy: readonly string[];
}
