import type { Model } from '../core/model.ts';

/**
 * Types of trace validation (`splitvote validate`): a real system's logs are turned into
 * observations, and the search looks for a behaviour of the model whose observable steps
 * produce exactly those observations, in order per node, consistent with the timestamps.
 */

/** One parsed log line: where it is, when it was written, and its message text. */
export interface LogLine {
  /** The log file as given on the command line. */
  readonly file: string;
  /** 1-based line number in that file. */
  readonly line: number;
  /** Milliseconds since the Unix epoch (the log's wall clock read as UTC; only differences matter). */
  readonly ms: number;
  readonly pid: number;
  /** Role character: `M` primary, `S` replica, `C` child, `X` sentinel. */
  readonly role: string;
  /** Level character: `.` debug, `-` verbose, `*` notice, `#` warning. */
  readonly level: string;
  /** The message after the level character. */
  readonly text: string;
}

/**
 * An observation: what one node did, in the model's vocabulary (`grant`, `start`, ...)
 * with named integer fields. A log observation may leave out fields its line does not print;
 * it matches a model observation of the same kind whose fields agree on every field it has.
 */
export interface Observation {
  readonly kind: string;
  readonly fields: Readonly<Record<string, number>>;
}

/** An observation read from a log line; `probe` ones assert a fact about the current state instead of a step. */
export interface LogObservation extends Observation {
  /** Index of the observed node in the adapter's node list. */
  readonly node: number;
  readonly source: LogLine;
  /** A state probe (a handler run that only reports, like "Currently unable to failover"). */
  readonly probe: boolean;
}

/** An observation a model step produces, for the node that took it. */
export interface StepObservation extends Observation {
  readonly node: number;
}

/**
 * What the search needs from a model to validate a trace against it. `observe` is the
 * abstraction function: it derives the observations of one step from the step itself
 * (actor, event, states before and after, messages sent); a step that yields nothing is
 * unobservable. `probe` says whether a state satisfies a probe observation. Both pure.
 */
export interface TraceAdapter<TState, TAction> {
  readonly model: Model<TState, TAction>;
  /** Display names of the observable nodes (index = `LogObservation.node`). */
  readonly nodes: readonly string[];
  observe(before: TState, action: TAction, after: TState): readonly StepObservation[];
  probe(state: TState, observation: LogObservation): boolean;
  /**
   * The node that takes `action` (the same numbering as observations): lets the search first
   * look for an explanation expanding one node's unobservable steps at a time (see
   * {@link TraceSearchOptions.reduction}). Omit to run the exact search only.
   */
  actorOf?(action: TAction): number;
  /**
   * Steps the search need not take in this state because every behaviour that takes them here
   * has an equivalent one (same observations) that takes them later, where this returns false
   * (for example a timer whose only effect is read by one later kind of step). Optional.
   */
  postpone?(state: TState, action: TAction): boolean;
  /**
   * True when no continuation of `state` can ever produce `observation` as the node's next
   * observation (for example a grant for an epoch the voter already voted in): the pair is
   * then not expanded. Must only say true when that is certain. Optional.
   */
  dead?(state: TState, observation: LogObservation): boolean;
  /** True when no behaviour of the model can ever produce the observation (a NACK line for a model without NACK). Optional. */
  impossible?(observation: LogObservation): boolean;
  /** A short text of an observation, for reports ("grant to R7 epoch 15"). */
  describe(observation: Observation & { readonly node: number }): string;
}

/** Search limits. */
export interface TraceSearchOptions {
  /** Stop with `unknown` after this many distinct (state, log position) pairs. Default 2,000,000. */
  readonly maxStates?: number;
  /**
   * With an adapter that has `actorOf`: first look for an explanation expanding one node's
   * unobservable steps alone where it can (fast; an explanation found is a real behaviour),
   * and only if none is found run the exact search, which alone decides a rejection. `false`:
   * the exact search only. Default true.
   */
  readonly reduction?: boolean;
}

/** One step of a matching behaviour: the action index, and the log lines it explains. */
export interface MatchedStep {
  /** Index of the action in `model.actions(state)`, or -1 for a probe (no model step). */
  readonly actionIndex: number;
  readonly explains: readonly LogObservation[];
}

/** The result of a trace validation. */
export type TraceVerdict<TState> =
  | {
      readonly status: 'accepted';
      readonly init: number;
      readonly steps: readonly MatchedStep[];
      readonly states: readonly TState[];
      readonly explored: number;
      readonly boundaryHits: number;
    }
  | {
      readonly status: 'rejected';
      /** The first observation no behaviour could explain. */
      readonly at: LogObservation;
      /** Observations matched before it (in the deepest explanation found). */
      readonly matched: readonly LogObservation[];
      /** The model state of the deepest explanation (for a closer look). */
      readonly state: TState;
      /** What the model could do at that point instead (observations of its next observable steps). */
      readonly instead: readonly string[];
      readonly explored: number;
      /** States cut by the model's bounds: nonzero means "rejected within these bounds". */
      readonly boundaryHits: number;
    }
  | { readonly status: 'unknown'; readonly reason: string; readonly explored: number; readonly matched: number };

/** A file handed to a validation: its path (as given) and its text. */
export interface InputFile {
  readonly path: string;
  readonly text: string;
}

/** What `splitvote validate` hands a model: the topology, its optional meta.json, the logs, the variants. */
export interface ValidationInput {
  readonly topology: InputFile;
  readonly meta?: InputFile;
  readonly logs: readonly InputFile[];
  readonly variants: readonly string[];
}

/** A log line left out of the observations, and why. */
export interface IgnoredLine {
  readonly line: LogLine;
  readonly why: string;
}

/** A model instance built for one set of logs, with the logs turned into observations. */
export interface PreparedValidation {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly adapter: TraceAdapter<any, any>;
  /** Observations per node (index = adapter node), in log order. */
  readonly perNode: readonly (readonly LogObservation[])[];
  /** Known lines that carry no observation (set-up, nodes outside the model, facts the model abstracts). */
  readonly ignored: readonly IgnoredLine[];
  /** Lines the mapping does not know. */
  readonly unknown: readonly LogLine[];
  /** How the instance was built (nodes, failed primaries, bounds, what is observable), one fact per line. */
  readonly summary: readonly string[];
  /** The constants and variants to rebuild the instance (saved in replay files). */
  readonly variants: readonly string[];
}

/** A model's trace-validation support (`ModelEntry.validation`). */
export interface ValidationEntry {
  /**
   * Builds the model instance a set of logs needs and maps the logs to observations. Throws
   * SV402 for a malformed topology, meta file or log line, or a node id that is not in the
   * topology (naming the file, line and field), SV403 for an unknown variant.
   */
  prepare(input: ValidationInput): PreparedValidation;
}
