import type { AnyModel } from '../core/model.ts';
import type { PropertyVerdict, Trace } from '../core/result.ts';
import { explore } from '../explore/explore.ts';
import type { ModelEntry, MutantEntry, MutationPreset, MutationSuite } from '../suite/types.ts';

/** One (preset, variant set) pair a mutant runs on. */
export interface MutationRun {
  /** The preset's name, with its constants when the suite sets some: `siblings maxEpoch=4`. */
  readonly preset: string;
  readonly variants: readonly string[];
}

/** A suite preset as a name and constants. */
export function presetParts(preset: MutationPreset): { name: string; constants?: Readonly<Record<string, number>> } {
  return typeof preset === 'string' ? { name: preset } : preset;
}

/** The label of a suite preset: its name, then `NAME=VALUE` for each constant set on top. */
export function presetLabel(preset: MutationPreset): string {
  const { name, constants } = presetParts(preset);
  const set = Object.entries(constants ?? {}).map(([k, v]) => `${k}=${v}`);
  return [name, ...set].join(' ');
}

function requestOf(run: MutationRun): { preset: string; variants: readonly string[]; constants?: Record<string, number> } {
  const [name, ...set] = run.preset.split(' ');
  if (set.length === 0) return { preset: name, variants: run.variants };
  return { preset: name, variants: run.variants, constants: Object.fromEntries(set.map((kv) => [kv.slice(0, kv.indexOf('=')), Number(kv.slice(kv.indexOf('=') + 1))])) };
}

/**
 * What the unmodified model does on one run: only the properties that hold there can catch
 * a mutant (a property the model already breaks says nothing about the bug).
 */
export interface Baseline extends MutationRun {
  readonly states: number;
  /** False when the search stopped at `maxStates`: the run is skipped (nothing is decided there). */
  readonly complete: boolean;
  /** Names of the properties that hold (safety, liveness, `no deadlock`); witnesses never judge. */
  readonly judges: readonly string[];
}

/** Where and how a mutant was caught. */
export interface Catch extends MutationRun {
  /** The property that caught it (the violated verdict with the shortest trace, then in property order). */
  readonly property: string;
  /** Actions in its counterexample. */
  readonly steps: number;
  /** The counterexample on the mutated model, and the model's display view of a state (for printing). */
  readonly trace?: Trace;
  readonly view?: (state: unknown) => unknown;
}

/** The outcome of one mutant. */
export interface MutantOutcome {
  readonly mutant: MutantEntry;
  readonly status: 'caught' | 'survived' | 'error';
  /** Present when caught. */
  readonly caught?: Catch;
  /** Runs explored for this mutant (up to and including the catching one). */
  readonly runs: number;
  /** Runs whose mutant search stopped at `maxStates` before deciding (a survivor's weak spot). */
  readonly cut: number;
  /** Distinct states explored over its runs. */
  readonly states: number;
  /** Present when status is `error`: the model threw (a broken mutant, not a catch). */
  readonly error?: string;
}

/** The result of {@link runMutants}: data only, deterministic. */
export interface MutationReport {
  readonly model: string;
  readonly maxStates: number;
  readonly baselines: readonly Baseline[];
  readonly outcomes: readonly MutantOutcome[];
  /** Targets (`kind name`) that no mutant of the whole suite replaces. */
  readonly uncovered: readonly string[];
  readonly score: MutationScore;
}

/** Caught over total, declared equivalents left out. */
export interface MutationScore {
  readonly caught: number;
  /** Mutants that count: all but the declared equivalents (and those that errored). */
  readonly total: number;
  readonly equivalent: number;
}

/** Options of {@link runMutants}. */
export interface RunMutantsOptions {
  /** Run on these presets instead (in this order); default: each mutant's presets, else the suite's. */
  readonly presets?: readonly string[];
  /** Only the mutants with these names (in suite order). */
  readonly only?: readonly string[];
  /** Called after each mutant, for progress. Must not throw. */
  readonly onMutant?: (done: number, total: number, outcome: MutantOutcome) => void;
}

/** The (preset, variant set) runs of a mutant, preset-major, in the declared order. */
export function runsOf(entry: ModelEntry, suite: MutationSuite, mutant: MutantEntry, presets?: readonly string[]): MutationRun[] {
  const chosen = presets ?? mutant.presets ?? suite.presets;
  const variantSets = mutant.variants ?? [entry.defaultVariants];
  return chosen.flatMap((preset) => variantSets.map((variants) => ({ preset: presetLabel(preset), variants })));
}

const key = (run: MutationRun): string => `${run.preset}|${run.variants.join(',')}`;

function searchOptions(suite: MutationSuite, stop: boolean, deadlock: boolean) {
  // BFS on the packed engine; edges are kept (liveness needs them) but never drawn.
  return { strategy: 'bfs' as const, maxStates: suite.maxStates, stopOnViolation: stop, deadlock, graphLimit: 1 };
}

/** Explores the unmodified model on `run` and keeps the names of the properties that hold. */
export function baselineOf(entry: ModelEntry, suite: MutationSuite, run: MutationRun): Baseline {
  const model = entry.create(requestOf(run));
  const result = explore(model, searchOptions(suite, false, true));
  const judges = result.properties.filter((v) => v.kind !== 'sometimes' && v.status === 'holds').map((v) => v.name);
  return { ...run, states: result.stats.states, complete: result.complete, judges };
}

function firstCatch(verdicts: readonly PropertyVerdict[]): PropertyVerdict | undefined {
  let best: PropertyVerdict | undefined;
  for (const v of verdicts) {
    if (v.status !== 'violated') continue;
    if (best === undefined || (v.trace?.path.length ?? Infinity) < (best.trace?.path.length ?? Infinity)) best = v;
  }
  return best;
}

/** Runs one mutant on one run against its baseline: the catch, or undefined, and the search size. */
function tryRun(entry: ModelEntry, suite: MutationSuite, mutant: MutantEntry, baseline: Baseline): { catch?: Catch; states: number; cut: boolean } {
  const built: AnyModel = entry.create({ ...requestOf(baseline), extras: mutant.extras() });
  const judges = new Set(baseline.judges);
  // Only the properties that hold on the unmodified model judge the mutant.
  const model: AnyModel = { ...built, properties: built.properties.filter((p) => judges.has(p.name)) };
  const result = explore(model, searchOptions(suite, true, judges.has('no deadlock')));
  const verdict = firstCatch(result.properties);
  const states = result.stats.states;
  if (verdict === undefined) return { states, cut: !result.complete };
  const property = verdict.kind === 'deadlock' ? 'no deadlock' : verdict.name;
  const view = built.view === undefined ? undefined : (state: unknown) => built.view!(state);
  return { catch: { preset: baseline.preset, variants: baseline.variants, property, steps: verdict.trace?.path.length ?? 0, trace: verdict.trace, view }, states, cut: false };
}

/**
 * Runs a model's mutation suite: for each mutant (in catalog order), each of its runs in
 * order (presets, then variant sets), the packed BFS bounded by `maxStates` and stopped at
 * the first violation; a mutant is caught by the first run where a property that holds on
 * the unmodified model (same preset and variants) is violated. A `sometimes` witness that is
 * no longer reached never counts. Runs whose unmodified search is cut at `maxStates` are
 * skipped. Deterministic: the same suite gives the same report. Pure apart from time spent.
 */
export function runMutants(entry: ModelEntry, suite: MutationSuite, options: RunMutantsOptions = {}): MutationReport {
  const only = options.only;
  const mutants = only === undefined ? suite.mutants : suite.mutants.filter((m) => only.includes(m.name));
  const baselines = new Map<string, Baseline>();
  const baselineFor = (run: MutationRun): Baseline => {
    const k = key(run);
    let b = baselines.get(k);
    if (b === undefined) baselines.set(k, (b = baselineOf(entry, suite, run)));
    return b;
  };
  const outcomes: MutantOutcome[] = [];
  for (const mutant of mutants) {
    let runs = 0;
    let cut = 0;
    let states = 0;
    let outcome: MutantOutcome | undefined;
    try {
      for (const run of runsOf(entry, suite, mutant, options.presets)) {
        const baseline = baselineFor(run);
        if (!baseline.complete) continue;
        runs++;
        const tried = tryRun(entry, suite, mutant, baseline);
        states += tried.states;
        if (tried.cut) cut++;
        if (tried.catch !== undefined) {
          outcome = { mutant, status: 'caught', caught: tried.catch, runs, cut, states };
          break;
        }
      }
      outcome ??= { mutant, status: 'survived', runs, cut, states };
    } catch (error) {
      outcome = { mutant, status: 'error', runs, cut, states, error: error instanceof Error ? error.message : String(error) };
    }
    outcomes.push(outcome);
    options.onMutant?.(outcomes.length, mutants.length, outcome);
  }
  const replaced = new Set(suite.mutants.map((m) => `${m.kind} ${m.replaces}`));
  const uncovered = (suite.targets ?? []).map((t) => `${t.kind} ${t.name}`).filter((t) => !replaced.has(t));
  return { model: entry.name, maxStates: suite.maxStates, baselines: [...baselines.values()], outcomes, uncovered, score: scoreOf(outcomes) };
}

/** The mutation score of some outcomes: caught over all that count (declared equivalents and errors left out). */
export function scoreOf(outcomes: readonly MutantOutcome[]): MutationScore {
  const counted = outcomes.filter((o) => o.mutant.equivalent === undefined && o.status !== 'error');
  return { caught: counted.filter((o) => o.status === 'caught').length, total: counted.length, equivalent: outcomes.filter((o) => o.mutant.equivalent !== undefined).length };
}
