import type { PropertyKind } from '../core/property.ts';
import type { ExploreResult, PropertyStatus, Stats, StopReason, Strategy, Trace } from '../core/result.ts';
import { diffValues } from './diff.ts';
import { encodeValue, type JsonValue } from './encodeValue.ts';
import type { RunContext } from './formatResult.ts';

/** The `--json` schema version. Bump it on any change that is not a documented addition. */
export const JSON_SCHEMA_VERSION = 1;

/** One changed field of a trace step. Values use the ITF encodings for Sets, Maps and big integers. */
export interface JsonChange {
  readonly path: string;
  /** `null` when the field was added in this step. */
  readonly before: JsonValue;
  /** `null` when the field was removed in this step. */
  readonly after: JsonValue;
}

/** One step of a trace in the `--json` document. */
export interface JsonTraceStep {
  /** 0 for the initial state. */
  readonly step: number;
  /** The action in the protocol's words; `null` for step 0. */
  readonly action: string | null;
  /** The acting component; `null` for step 0 or when the model does not say. */
  readonly actor: string | null;
  /** The fields that changed in this step (empty for step 0). */
  readonly changes: readonly JsonChange[];
  /** Documented extra, step 0 only: the whole initial view, so every state can be rebuilt from the changes. */
  readonly state?: JsonValue;
}

/** One property verdict in the `--json` document. */
export interface JsonProperty {
  readonly name: string;
  readonly kind: PropertyKind | 'deadlock';
  readonly status: PropertyStatus;
  /** The counterexample or witness; empty when there is none. */
  readonly trace: readonly JsonTraceStep[];
  /** Documented extra: for a lasso, the step the loop returns to. */
  readonly loopsTo?: number;
  /** Documented extra: why the status is what it is (for example `unknown`). */
  readonly note?: string;
  /** Documented extra: the trace as replay input (`init` and action indices), when there is a trace. */
  readonly replay?: { readonly init: number; readonly path: readonly number[] };
}

/**
 * The stable `--json` document, schema 1 (docs/cli.md). Exactly these fields, plus the
 * documented extras marked on the field types: `bounds`, `seed` (simulation),
 * `stats.boundaryHits`, `stats.deadlocks`, `stats.collisionProbability`.
 */
export interface JsonReport {
  readonly schema: 1;
  /** The catalog name of the model (what `splitvote check` takes). */
  readonly model: string;
  readonly preset: string | null;
  /** The variants as given on the command line (`nack-4654,mixed`); `null` when none. */
  readonly variant: string | null;
  readonly strategy: Strategy;
  readonly complete: boolean;
  readonly stopReason: StopReason;
  /**
   * The schema's stats: the explorer's, less memory figures (they vary from run to run and
   * machine to machine); `seconds` and `statesPerSecond` only with the `timings` option.
   */
  readonly stats: Pick<Stats, 'states' | 'transitions' | 'depth' | 'boundaryHits' | 'deadlocks' | 'collisionProbability'> & Partial<Pick<Stats, 'seconds' | 'statesPerSecond'>>;
  readonly properties: readonly JsonProperty[];
  /** Documented extra: the model's bounds. */
  readonly bounds: Readonly<Record<string, string | number | boolean>>;
  /** Documented extra, simulation only: the seed. */
  readonly seed?: number;
}

/** Options of {@link toJsonReport}. */
export interface JsonReportOptions<TState> extends RunContext {
  /** The display view of a state (`stateView(model)`); default: the state itself. */
  readonly view?: (state: TState) => unknown;
  /** Include `stats.seconds` and `stats.statesPerSecond` (default true; the CLI leaves them out unless `--timings`). */
  readonly timings?: boolean;
}

/**
 * A trace as `--json` steps: the action label and actor of each step and the diff of the
 * view against the previous step; step 0 carries the whole initial view in `state`. Pure.
 */
export function traceToJson<TState, TAction>(trace: Trace<TState, TAction>, view: (state: TState) => unknown = (s) => s): JsonTraceStep[] {
  const out: JsonTraceStep[] = [];
  let previous: unknown;
  trace.steps.forEach((step, index) => {
    const current = view(step.state);
    if (index === 0) {
      out.push({ step: 0, action: null, actor: null, changes: [], state: encodeValue(current) });
    } else {
      const changes = diffValues(previous, current).map((change) => ({
        path: change.path,
        before: encodeValue(change.before),
        after: encodeValue(change.after),
      }));
      out.push({ step: index, action: step.label, actor: step.actor ?? null, changes });
    }
    previous = current;
  });
  return out;
}

/**
 * Builds the `--json` document of a result. Pure; `JSON.stringify` of it never throws.
 * Without timings the document depends only on the model and the options: the same on
 * every machine.
 */
export function toJsonReport<TState, TAction>(result: ExploreResult<TState, TAction>, options: JsonReportOptions<TState> = {}): JsonReport {
  const { stats } = result;
  const variants = options.variants ?? [];
  return {
    schema: JSON_SCHEMA_VERSION,
    model: options.model ?? result.model,
    preset: options.preset ?? null,
    variant: variants.length === 0 ? null : variants.join(','),
    strategy: result.strategy,
    complete: result.complete,
    stopReason: result.stopReason,
    stats: {
      states: stats.states,
      transitions: stats.transitions,
      depth: stats.depth,
      ...(options.timings === false ? {} : { seconds: finite(stats.seconds), statesPerSecond: finite(stats.statesPerSecond) }),
      boundaryHits: stats.boundaryHits,
      deadlocks: stats.deadlocks,
      collisionProbability: finite(stats.collisionProbability),
    },
    properties: result.properties.map((verdict) => ({
      name: verdict.name,
      kind: verdict.kind,
      status: verdict.status,
      trace: verdict.trace === undefined ? [] : traceToJson(verdict.trace, options.view),
      ...(verdict.trace?.loopsTo === undefined ? {} : { loopsTo: verdict.trace.loopsTo }),
      ...(verdict.note === undefined ? {} : { note: verdict.note }),
      ...(verdict.trace === undefined ? {} : { replay: { init: verdict.trace.init, path: [...verdict.trace.path] } }),
    })),
    bounds: { ...result.bounds },
    ...(result.seed === undefined ? {} : { seed: result.seed }),
  };
}

// JSON.stringify writes NaN and Infinity as null; a 0 s search has no rate, so say 0.
function finite(n: number): number {
  return Number.isFinite(n) ? n : 0;
}
