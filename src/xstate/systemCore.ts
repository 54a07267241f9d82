import type { AnyStateMachine, EventObject } from 'xstate';
import { splitvoteError } from '../core/errors.ts';
import { compileMachine } from './compile.ts';
import { EMPTY_CHANNEL, sendAll, type Addressing } from './network.ts';
import { referenceStep } from './reference.ts';
import type { ActorSnapshot, ActorSpec, CompiledMachine, Message, Monitor, StepResult, SystemAction, SystemOptions, SystemState } from './types.ts';

// Compiling is pure, so actors that share a machine (three RMs) share one compiled table.
const compiledCache = new WeakMap<AnyStateMachine, CompiledMachine>();

/** {@link compileMachine}, memoised per machine object. Pure. */
export function compileMachineCached(machine: AnyStateMachine): CompiledMachine {
  let compiled = compiledCache.get(machine);
  if (compiled === undefined) {
    compiled = compileMachine(machine);
    compiledCache.set(machine, compiled);
  }
  return compiled;
}

/**
 * What the object model and the packed engine of one actor system share: the compiled
 * machines, the addressing, the network settings, the monitor, one step function and the
 * cached action objects. Built once per `createActorSystemModel`; immutable.
 */
export interface SystemCore<TGhost> {
  readonly options: SystemOptions<TGhost>;
  readonly specs: readonly ActorSpec[];
  /** Number of actors. */
  readonly n: number;
  readonly ids: readonly string[];
  readonly addressing: Addressing;
  readonly compiled: readonly CompiledMachine[];
  /** FIFO links (the default) or unordered delivery. */
  readonly ordered: boolean;
  readonly maxDrops: number;
  readonly monitor: Monitor<TGhost> | undefined;
  /** One step of actor `i` on `event` (compiled tables, or XState's own `transition()`). */
  step(i: number, snapshot: ActorSnapshot, event: EventObject): StepResult | undefined;
  /** The snapshot after `result`: `before` itself when nothing changed. */
  snapshotOf(i: number, before: ActorSnapshot, result: StepResult): ActorSnapshot;
  /** The shared, frozen delivery or drop action for a link and message index. */
  linkAction(kind: 'deliver' | 'drop', link: number, index: number): SystemAction;
  /** The shared, frozen timer actions of actor `actor` in configuration `config`. */
  timerActions(actor: number, config: number): readonly SystemAction[];
  /**
   * The initial state: every actor's initial snapshot; what actors emit on entry is sent in
   * actor order (the monitor does not see it).
   */
  initial(): SystemState<TGhost>;
  /** The model's boundary test on a whole state (global, per-actor and ghost parts). */
  withinBoundary: ((state: SystemState<TGhost>) => boolean) | undefined;
}

function checkOptions(options: SystemOptions<unknown>): void {
  if (options.actors.length === 0) throw splitvoteError('SV304', `actor system '${options.name}' has no actors; pass at least one ActorSpec`);
  const seen = new Set<string>();
  for (const actor of options.actors) {
    if (typeof actor.id !== 'string' || actor.id === '' || actor.id === '*') throw splitvoteError('SV304', `actor id ${JSON.stringify(actor.id)} is not allowed; use a non-empty string other than '*'`);
    if (seen.has(actor.id)) throw splitvoteError('SV304', `actor id '${actor.id}' is used twice; actor ids must be unique`);
    seen.add(actor.id);
  }
  const ordering = options.network?.ordering ?? 'fifo';
  if (ordering !== 'fifo' && ordering !== 'unordered') throw splitvoteError('SV304', `network.ordering '${String(ordering)}' is not one of fifo, unordered`);
  const drops = options.network?.maxDrops ?? 0;
  if (!Number.isInteger(drops) || drops < 0) throw splitvoteError('SV304', `network.maxDrops ${String(drops)} must be a non-negative integer`);
  const engine = options.engine ?? 'compiled';
  if (engine !== 'compiled' && engine !== 'xstate') throw splitvoteError('SV304', `engine '${String(engine)}' is not one of compiled, xstate`);
}

/** Validates the options (SV304) and compiles the machines (SV301/SV303). */
export function createSystemCore<TGhost>(options: SystemOptions<TGhost>): SystemCore<TGhost> {
  checkOptions(options as SystemOptions<unknown>);
  const specs = options.actors;
  const n = specs.length;
  const ids = specs.map((a) => a.id);
  const addressing: Addressing = { ids, indexOf: new Map(ids.map((id, i) => [id, i])) };
  const compiled = specs.map((a) => compileMachineCached(a.machine));
  const useXState = options.engine === 'xstate';
  // Action objects are immutable, so the same object serves every state (no allocation per call).
  const linkCache: Record<'deliver' | 'drop', SystemAction[][]> = {
    deliver: Array.from({ length: n * n }, () => []),
    drop: Array.from({ length: n * n }, () => []),
  };
  const timers: SystemAction[][][] = compiled.map((c, actor) =>
    c.timers.map((list) => list.map((event) => Object.freeze({ kind: 'event' as const, actor, event }))),
  );
  const { withinBoundary, actorWithinBoundary, ghostWithinBoundary } = options;
  const boundary =
    withinBoundary === undefined && actorWithinBoundary === undefined && ghostWithinBoundary === undefined
      ? undefined
      : (state: SystemState<TGhost>): boolean =>
          (ghostWithinBoundary === undefined || ghostWithinBoundary(state.ghost)) &&
          (actorWithinBoundary === undefined || state.actors.every((a, i) => actorWithinBoundary(a, i))) &&
          (withinBoundary === undefined || withinBoundary(state));
  return {
    options,
    specs,
    n,
    ids,
    addressing,
    compiled,
    ordered: (options.network?.ordering ?? 'fifo') === 'fifo',
    maxDrops: options.network?.maxDrops ?? 0,
    monitor: options.monitor,
    step: (i, snapshot, event) =>
      useXState ? referenceStep(compiled[i], snapshot.config, snapshot.context, event) : compiled[i].step(snapshot.config, snapshot.context, event),
    snapshotOf: (i, before, result) =>
      result.config === before.config && result.context === before.context ? before : { config: result.config, value: compiled[i].values[result.config], context: result.context },
    linkAction: (kind, link, index) => (linkCache[kind][link][index] ??= Object.freeze({ kind, link, index })),
    timerActions: (actor, config) => timers[actor][config],
    withinBoundary: boundary,
    initial: () => {
      const results = specs.map((spec, i) => compiled[i].initial(spec.input));
      const actors = results.map((r, i): ActorSnapshot => ({ config: r.config, value: compiled[i].values[r.config], context: r.context }));
      const channels: (readonly Message[])[] = new Array(n * n).fill(EMPTY_CHANNEL);
      results.forEach((r, i) => sendAll(channels, addressing, i, r.emitted));
      const ghost = options.monitor === undefined ? (undefined as TGhost) : options.monitor.initial;
      return { actors, channels, dropsLeft: options.network?.maxDrops ?? 0, ghost };
    },
  };
}
