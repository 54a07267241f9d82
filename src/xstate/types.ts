import type { AnyStateMachine, EventObject, StateValue } from 'xstate';
import type { Model } from '../core/model.ts';
import type { Property } from '../core/property.ts';

/**
 * Contract of the XState layer (src/xstate). Statecharts are compiled once into plain
 * transition tables and then composed, with a network, into one explorer `Model`.
 *
 * Supported subset (anything else is rejected at compile time with SV301 naming the state):
 * atomic, compound, parallel and final states; `on` transitions with targets or targetless;
 * named guards (string or `{ type, params }`) and `and`/`or`/`not` of them; inline guard
 * functions; actions `assign`, `emit` (an outgoing message); named actions that resolve to
 * those; entry and exit actions; `after` delays, which become abstract timer events that are
 * enabled whenever their state is active. Not supported: invoke, spawn, history states,
 * `always` (eventless) transitions, raise, sendTo, enqueueActions, custom side-effect
 * functions, `stateIn` guards, `onDone`, wildcard event descriptors (`*`, `a.*`) and
 * machine-level `route`. A named guard, action or delay without an implementation is SV303.
 *
 * Deliberate differences from a long-running XState actor (not from `transition()`):
 * - A top-level final configuration is absorbing: `step` returns `undefined` (an XState
 *   actor stops; the bare `transition()` function would keep transitioning a done snapshot).
 * - Parallel regions are always taken in document order. A live XState snapshot orders them
 *   by when each region was last entered, which differs only after one region is re-entered
 *   while a sibling stays; every snapshot this layer builds has the canonical order, and from
 *   such a snapshot XState's `transition()` agrees exactly (the differential test checks it).
 */

/**
 * State tag that stops deliveries to an actor while the state is active (a paused process
 * keeps its input queued); environment and timer events still apply.
 */
export const HOLD_INPUT_TAG = 'hold-input';

/** A message in flight: an event emitted by one actor, addressed to others. */
export interface Message extends EventObject {
  /** Sender actor id, stamped by the system when the message is sent. */
  readonly from: string;
  /** Receiver actor id. */
  readonly to: string;
}

/** One participant: an XState machine with an id and an input. */
export interface ActorSpec {
  /** Unique id, also the address used in emitted messages (`to`). */
  readonly id: string;
  /** A machine built with `setup({ guards, actions }).createMachine(...)`. */
  readonly machine: AnyStateMachine;
  /** Input passed to the machine's `context` factory. */
  readonly input?: unknown;
  /**
   * Events the environment may fire at this actor at any time (a cron tick, "mark P0
   * FAIL", "recompute size"), given the actor's current snapshot. Timer events from `after`
   * are added automatically. Must be deterministic.
   */
  readonly environment?: (snapshot: ActorSnapshot) => readonly EventObject[];
}

/** An actor's part of the system state: its compiled configuration, state value and context. */
export interface ActorSnapshot {
  /**
   * The configuration id in the actor's {@link CompiledMachine} (an int). It determines
   * `value`; it is what the fingerprint hashes, so two snapshots with equal `config` and
   * structurally equal `context` are the same state.
   */
  readonly config: number;
  /** The state value in canonical (document) order; shared, never mutate it. */
  readonly value: StateValue;
  readonly context: MachineContext;
}

/** A machine context as the compiled layer sees it: a plain record. */
export type MachineContext = Readonly<Record<string, unknown>>;

/**
 * An event an actor emits with `emit(...)`: a message to send. `to` is an actor id, an
 * array of actor ids, or `'*'` (every other actor). The system stamps `from`.
 */
export interface OutgoingEvent extends EventObject {
  readonly to: string | readonly string[];
}

/** The result of one compiled step: the new configuration and context, and what was emitted. */
export interface StepResult {
  readonly config: number;
  /** The new context; the same object as the input when no `assign` ran. */
  readonly context: MachineContext;
  /** Events emitted by `emit` actions, in execution order (shared empty array when none). */
  readonly emitted: readonly EventObject[];
  /** Ids of the transitions taken ({@link CompiledMachine.transitions}), for coverage. */
  readonly taken: readonly number[];
}

/** An abstract timer event from an `after` delay of one state node. */
export interface TimerEvent extends EventObject {
  /** XState's event type: `xstate.after.<delay>.<stateId>`. */
  readonly type: string;
  /** The delay as written: a number of milliseconds or a name from `setup({ delays })`. */
  readonly delay: number | string;
  /** The delay in milliseconds when known at compile time (a number or a constant named delay). */
  readonly ms: number | undefined;
  /** Id of the state node that declares the delay. */
  readonly stateId: string;
}

/** One transition definition of the machine, as compiled (for coverage and drawings). */
export interface TransitionInfo {
  readonly id: number;
  /** Id of the source state node. */
  readonly source: string;
  readonly eventType: string;
  /** Ids of the target state nodes; empty for a targetless transition. */
  readonly targets: readonly string[];
  /** The guard's name (`and(a, not(b))` style for combinators; `inline` for a function). */
  readonly guard: string | undefined;
  /** Action names (`assign`, `emit`, or the named implementation). */
  readonly actions: readonly string[];
  readonly reenter: boolean;
}

/**
 * A machine compiled once into plain tables. Pure and deterministic: `step` never calls
 * XState; it runs the machine's own guard and action implementations with XState's argument
 * shapes. Configurations are numbered in the order of {@link CompiledMachine.values}.
 */
export interface CompiledMachine {
  readonly machine: AnyStateMachine;
  /** The machine id. */
  readonly id: string;
  /** Number of configurations (sets of active states; parallel regions as products). */
  readonly configCount: number;
  /** Canonical state value per configuration (regions in document order); frozen. */
  readonly values: readonly StateValue[];
  /** Dotted path of each configuration's value ("primary.voting"; regions joined by ", "). */
  readonly labels: readonly string[];
  /** Ids of the active state nodes of each configuration, in document order. */
  readonly activeIds: readonly (readonly string[])[];
  /** True when the configuration is a top-level final state: the machine is done and ignores events. */
  readonly done: readonly boolean[];
  /**
   * True when some active state of the configuration carries the tag {@link HOLD_INPUT_TAG}:
   * the actor reads no messages, so deliveries to it are not offered and its messages wait in
   * their channels (the socket buffer of a stopped process) until it leaves that state.
   */
  readonly holdsInput: readonly boolean[];
  /** Timer events enabled in each configuration, in document order of their states. */
  readonly timers: readonly (readonly TimerEvent[])[];
  /** Every event type some transition listens to (including timer events). */
  readonly eventTypes: readonly string[];
  /** Every transition definition, numbered. */
  readonly transitions: readonly TransitionInfo[];
  /** The configuration id of a state value (full or partial, as `machine.resolveState` accepts); throws SV301 when unknown. */
  configOf(value: StateValue): number;
  /** The initial snapshot for `input` (via XState's own `initialTransition`, once per actor). */
  initial(input?: unknown): StepResult;
  /**
   * One macrostep: the transitions XState would select for `event` in `config` with
   * `context`, their exit, transition and entry actions in XState's order. Returns
   * `undefined` when no transition is enabled (XState ignores the event) or the
   * configuration is done. Pure when the machine's guards and actions are pure.
   */
  step(config: number, context: MachineContext, event: EventObject): StepResult | undefined;
}

/** Network semantics: settings of the system model, not code inside a role. */
export interface NetworkOptions {
  /** `fifo`: one FIFO channel per directed link (TCP). `unordered`: any in-flight message may be delivered next. */
  readonly ordering?: 'fifo' | 'unordered';
  /** How many messages the network may drop in one behaviour (default 0). */
  readonly maxDrops?: number;
}

/** The system state: one snapshot per actor plus the messages in flight. */
export interface SystemState<TGhost = unknown> {
  /** In the order of `SystemOptions.actors`. */
  readonly actors: readonly ActorSnapshot[];
  /** In-flight messages per directed link `from -> to`, indexed `from * n + to`. */
  readonly channels: readonly (readonly Message[])[];
  /** Drops left in the fault budget. */
  readonly dropsLeft: number;
  /** History (ghost) state kept by the monitor, for properties that look back. */
  readonly ghost: TGhost;
}

/** One atomic step of one participant, or a network fault. */
export type SystemAction =
  | { readonly kind: 'deliver'; readonly link: number; readonly index: number }
  | { readonly kind: 'event'; readonly actor: number; readonly event: EventObject }
  | { readonly kind: 'drop'; readonly link: number; readonly index: number };

/** What the monitor sees of one step. */
export interface StepRecord {
  readonly action: SystemAction;
  /** Actor that took the step (-1 for a drop). */
  readonly actor: number;
  /** The event the actor handled (the message for a delivery). */
  readonly event: EventObject | undefined;
  readonly before: ActorSnapshot | undefined;
  readonly after: ActorSnapshot | undefined;
  /** Messages the step emitted. */
  readonly sent: readonly Message[];
}

/** History state updated after every step (TLA+ history variables), part of the fingerprint. */
export interface Monitor<TGhost> {
  readonly initial: TGhost;
  /** Pure: returns the new ghost (or the same object when nothing changed). */
  readonly step: (ghost: TGhost, record: StepRecord, state: SystemState<TGhost>) => TGhost;
  /**
   * True when `step` reads only the ghost and the record, never `state`: an engine may then
   * memoise ghost transitions. Default false.
   */
  readonly local?: boolean;
  /**
   * True when `step` is local and the ghost updates of steps by different actors commute
   * (each actor writes its own part, or only sets sticky flags): partial-order reduction
   * needs it. The model asserts it; the verdicts with and without reduction must agree.
   */
  readonly commutative?: boolean;
}

/**
 * Symmetry of an actor system (Stateright's `representative`, Murphi's scalarsets): groups
 * of actors that are interchangeable, and how to rename actor references inside a
 * snapshot, a message and the ghost. A permutation `rename` maps actor index `i` to
 * `rename[i]`; the system applies it to the actor order and the links, the renamers to what
 * is inside. The model asserts that every permutation within the groups maps behaviours to
 * behaviours and leaves every property's verdict unchanged; the explorer then counts one
 * state per class (`--no-symmetry` turns it off, and the verdicts must agree).
 */
export interface SystemSymmetry<TGhost> {
  /** Disjoint groups of interchangeable actor indices (groups of one are pointless). */
  readonly groups: readonly (readonly number[])[];
  /** The snapshot with every actor reference inside renamed (its own index included). Pure. */
  renameSnapshot(snapshot: ActorSnapshot, rename: readonly number[]): ActorSnapshot;
  /** The message with its references renamed, `from` and `to` included. Pure. */
  renameMessage(message: Message, rename: readonly number[]): Message;
  /** The ghost with its references renamed. Pure. Default: the ghost itself. */
  renameGhost?(ghost: TGhost, rename: readonly number[]): TGhost;
}

/** Options of `createActorSystemModel`. */
export interface SystemOptions<TGhost = undefined> {
  readonly name: string;
  readonly actors: readonly ActorSpec[];
  readonly network?: NetworkOptions;
  readonly properties?: readonly Property<SystemState<TGhost>>[];
  readonly monitor?: Monitor<TGhost>;
  /** `compiled` (default): compiled tables. `xstate`: every step through `xstate.transition()` (slow, exact). */
  readonly engine?: 'compiled' | 'xstate';
  /** States for which this is false are outside the model's boundary (see `Model.withinBoundary`). */
  readonly withinBoundary?: (state: SystemState<TGhost>) => boolean;
  /**
   * The per-actor part of the boundary: a state is outside when one actor's snapshot is.
   * Prefer it (and `ghostWithinBoundary`) to `withinBoundary`: the packed engine decides it
   * once per distinct snapshot instead of once per state. Pure.
   */
  readonly actorWithinBoundary?: (snapshot: ActorSnapshot, actor: number) => boolean;
  /** The ghost's part of the boundary, decided once per distinct ghost. Pure. */
  readonly ghostWithinBoundary?: (ghost: TGhost) => boolean;
  readonly isFinal?: (state: SystemState<TGhost>) => boolean;
  /** Protocol words for an action; the default prints "R3 receives AUTH_ACK from P1". */
  readonly formatAction?: (action: SystemAction, state: SystemState<TGhost>, actors: readonly ActorSpec[]) => string | undefined;
  /**
   * The actors actor `actor` may ever send to (the communication topology), for
   * partial-order reduction. Default: every other actor. The model asserts it; a send
   * outside it is not checked.
   */
  readonly sendsTo?: (actor: number) => readonly number[];
  /** Interchangeable actors: the model's `representative` and the packed engine's fingerprints use it. */
  readonly symmetry?: SystemSymmetry<TGhost>;
  readonly bounds?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * The model `createActorSystemModel` returns: a plain {@link Model} plus the actor ids and
 * compiled machines, so properties and reports can find an actor by id.
 */
export interface ActorSystemModel<TGhost = undefined> extends Model<SystemState<TGhost>, SystemAction> {
  /** Actor ids, in the order of `SystemState.actors`. */
  readonly actorIds: readonly string[];
  /** The compiled machine of each actor (actors sharing a machine share one). */
  readonly compiled: readonly CompiledMachine[];
  /** The index of an actor id in `SystemState.actors`; throws SV301 for an unknown id. */
  indexOf(id: string): number;
  /** The state label ("primary.voting") of an actor in a state. */
  label(state: SystemState<TGhost>, id: string): string;
  /**
   * Pushes onto `out` the environment events, then the timer events, that actor `actor` may
   * take in `state`: exactly the `event` actions `actions(state)` lists for it, in the same
   * order. Pure. A timed simulation uses it to reschedule only the actor that just stepped.
   */
  actorEvents(state: SystemState<TGhost>, actor: number, out: SystemAction[]): void;
}
