import type { AnyStateMachine, EventObject } from 'xstate';
import type { Hasher } from '../core/hasher.ts';
import { splitvoteError } from '../core/errors.ts';
import { compileMachine } from './compile.ts';
import { EMPTY_CHANNEL, encodeChannel, hashCached, removeAt, sendAll, type Addressing } from './network.ts';
import { referenceStep } from './reference.ts';
import { actorOfAction, defaultFormatAction, viewState, type FormatContext } from './systemFormat.ts';
import type { ActorSnapshot, ActorSystemModel, CompiledMachine, Message, StepRecord, StepResult, SystemAction, SystemOptions, SystemState } from './types.ts';

const NO_MESSAGES: readonly Message[] = Object.freeze([]);

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

/**
 * Composes XState actors and a network into one explorer {@link Model}.
 *
 * - State: one {@link ActorSnapshot} per actor (compiled configuration id, canonical value,
 *   context), one channel per directed link `from * n + to`, the drop budget left, the ghost.
 *   States are immutable and share everything that a step does not change.
 * - Actions, in this fixed order: for each link in index order a delivery (FIFO: the head
 *   only; unordered: every message); for each actor its environment events, then its timer
 *   events (`after` delays, enabled while their state is active); then, while drops are left,
 *   a drop per link (FIFO: the head; unordered: every message).
 * - `next`: a delivery pops the message and hands it to the receiver as the event (a message
 *   the receiver ignores is still consumed); an environment or timer event with no enabled
 *   transition gives `undefined`. Emitted events become messages (see `sendAll` in network.ts). The
 *   monitor then sees a {@link StepRecord} and returns the new ghost.
 * - Initial state: every actor's initial snapshot; what actors emit on entry is sent in actor
 *   order (the monitor does not see it).
 * - `isFinal` defaults to "every actor is in a top-level final state".
 *
 * - `encode` hashes each configuration id as an int and each context, message and ghost as
 *   a 64-bit sub-fingerprint cached per object, so contexts, messages and ghosts must be
 *   treated as immutable values (XState's `assign` already builds new objects).
 *
 * Pure and deterministic when the machines' guards and actions and `environment` are.
 * `engine: 'xstate'` runs each step through `xstate.transition()` instead of the tables: same
 * states, actions and order, about 100x slower. Throws SV301/SV303 for machines the compiler
 * rejects, SV304 for invalid options.
 */
export function createActorSystemModel<TGhost = undefined>(options: SystemOptions<TGhost>): ActorSystemModel<TGhost> {
  checkOptions(options as SystemOptions<unknown>);
  const specs = options.actors;
  const n = specs.length;
  const ids = specs.map((a) => a.id);
  const addressing: Addressing = { ids, indexOf: new Map(ids.map((id, i) => [id, i])) };
  const compiled = specs.map((a) => compileMachineCached(a.machine));
  const ordered = (options.network?.ordering ?? 'fifo') === 'fifo';
  const maxDrops = options.network?.maxDrops ?? 0;
  const monitor = options.monitor;
  const useXState = options.engine === 'xstate';
  const stepActor = (i: number, snapshot: ActorSnapshot, event: EventObject): StepResult | undefined =>
    useXState ? referenceStep(compiled[i], snapshot.config, snapshot.context, event) : compiled[i].step(snapshot.config, snapshot.context, event);

  // Action objects are immutable, so the same object serves every state (no allocation per call).
  const deliverCache: SystemAction[][] = Array.from({ length: n * n }, () => []);
  const dropCache: SystemAction[][] = Array.from({ length: n * n }, () => []);
  const cached = (cache: SystemAction[][], kind: 'deliver' | 'drop', link: number, index: number): SystemAction =>
    (cache[link][index] ??= Object.freeze({ kind, link, index }));
  const timerActions: SystemAction[][][] = compiled.map((c, actor) =>
    c.timers.map((timers) => timers.map((event) => Object.freeze({ kind: 'event' as const, actor, event }))),
  );

  const snapshotOf = (i: number, before: ActorSnapshot, result: StepResult): ActorSnapshot =>
    result.config === before.config && result.context === before.context ? before : { config: result.config, value: compiled[i].values[result.config], context: result.context };

  // Builds the StepRecord only when there is a monitor: no allocation on the common path.
  const finish = (
    state: SystemState<TGhost>,
    action: SystemAction,
    actor: number,
    event: EventObject,
    before: ActorSnapshot | undefined,
    after: ActorSnapshot | undefined,
    sent: readonly Message[],
  ): SystemState<TGhost> => {
    if (monitor === undefined) return state;
    const record: StepRecord = { action, actor, event, before, after, sent };
    const ghost = monitor.step(state.ghost, record, state);
    return ghost === state.ghost ? state : { ...state, ghost };
  };

  const initStates = (): SystemState<TGhost>[] => {
    const results = specs.map((spec, i) => compiled[i].initial(spec.input));
    const actors = results.map((r, i): ActorSnapshot => ({ config: r.config, value: compiled[i].values[r.config], context: r.context }));
    const channels: (readonly Message[])[] = new Array(n * n).fill(EMPTY_CHANNEL);
    results.forEach((r, i) => sendAll(channels, addressing, i, r.emitted));
    return [{ actors, channels, dropsLeft: maxDrops, ghost: monitor === undefined ? (undefined as TGhost) : monitor.initial }];
  };

  // One actor's environment events, then its timer events: the part of `actions` a timed
  // simulation recomputes after that actor's step.
  const actorEvents = (state: SystemState<TGhost>, actor: number, out: SystemAction[]): void => {
    const snapshot = state.actors[actor];
    const environment = specs[actor].environment;
    if (environment !== undefined) for (const event of environment(snapshot)) out.push({ kind: 'event', actor, event });
    const timers = timerActions[actor][snapshot.config];
    for (let i = 0; i < timers.length; i++) out.push(timers[i]);
  };

  const actions = (state: SystemState<TGhost>, out: SystemAction[]): void => {
    const channels = state.channels;
    for (let link = 0; link < channels.length; link++) {
      const length = channels[link].length;
      if (length === 0) continue;
      if (ordered) out.push(cached(deliverCache, 'deliver', link, 0));
      else for (let i = 0; i < length; i++) out.push(cached(deliverCache, 'deliver', link, i));
    }
    for (let actor = 0; actor < n; actor++) actorEvents(state, actor, out);
    if (state.dropsLeft <= 0) return;
    for (let link = 0; link < channels.length; link++) {
      const length = channels[link].length;
      if (length === 0) continue;
      if (ordered) out.push(cached(dropCache, 'drop', link, 0));
      else for (let i = 0; i < length; i++) out.push(cached(dropCache, 'drop', link, i));
    }
  };

  const next = (state: SystemState<TGhost>, action: SystemAction): SystemState<TGhost> | undefined => {
    if (action.kind === 'event') {
      const i = action.actor;
      const before = state.actors[i];
      if (before === undefined) return undefined;
      const result = stepActor(i, before, action.event);
      if (result === undefined) return undefined;
      return applyStep(state, action, i, before, result, state.channels, action.event);
    }
    const channel = state.channels[action.link];
    if (channel === undefined || action.index >= channel.length) return undefined;
    const message = channel[action.index];
    const channels = state.channels.slice();
    channels[action.link] = removeAt(channel, action.index);
    if (action.kind === 'drop') {
      if (state.dropsLeft <= 0) return undefined;
      const dropped: SystemState<TGhost> = { actors: state.actors, channels, dropsLeft: state.dropsLeft - 1, ghost: state.ghost };
      return finish(dropped, action, -1, message, undefined, undefined, NO_MESSAGES);
    }
    const i = action.link % n;
    const before = state.actors[i];
    const result = stepActor(i, before, message);
    // A message the receiver ignores is consumed all the same.
    if (result === undefined) {
      const consumed: SystemState<TGhost> = { actors: state.actors, channels, dropsLeft: state.dropsLeft, ghost: state.ghost };
      return finish(consumed, action, i, message, before, before, NO_MESSAGES);
    }
    return applyStep(state, action, i, before, result, channels, message);
  };

  const applyStep = (
    state: SystemState<TGhost>,
    action: SystemAction,
    i: number,
    before: ActorSnapshot,
    result: StepResult,
    channelsIn: readonly (readonly Message[])[],
    event: EventObject,
  ): SystemState<TGhost> => {
    const after = snapshotOf(i, before, result);
    let actors = state.actors;
    if (after !== before) {
      const copy = actors.slice();
      copy[i] = after;
      actors = copy;
    }
    let channels = channelsIn;
    let sent: readonly Message[] = NO_MESSAGES;
    if (result.emitted.length > 0) {
      const copy = channelsIn === state.channels ? channelsIn.slice() : (channelsIn as (readonly Message[])[]);
      sent = sendAll(copy, addressing, i, result.emitted);
      channels = copy;
    }
    const stepped: SystemState<TGhost> = { actors, channels, dropsLeft: state.dropsLeft, ghost: state.ghost };
    return finish(stepped, action, i, event, before, after, sent);
  };

  const encode = (state: SystemState<TGhost>, h: Hasher): void => {
    const actors = state.actors;
    for (let i = 0; i < actors.length; i++) {
      h.int(actors[i].config);
      hashCached(h, actors[i].context);
    }
    h.int(state.dropsLeft);
    // Only links with messages, each with its index: most of the n^2 links are empty.
    const channels = state.channels;
    for (let link = 0; link < channels.length; link++) {
      if (channels[link].length === 0) continue;
      h.int(link);
      encodeChannel(h, channels[link], ordered);
    }
    h.int(-1);
    if (monitor !== undefined) hashCached(h, state.ghost);
  };

  const formatContext: FormatContext = { ids, compiled, showDrops: maxDrops > 0, showGhost: monitor !== undefined };
  const indexOf = (id: string): number => {
    const i = addressing.indexOf.get(id);
    if (i === undefined) throw splitvoteError('SV304', `no actor '${id}' in system '${options.name}'; actors are ${ids.join(', ')}`);
    return i;
  };

  return {
    name: options.name,
    actorIds: ids,
    compiled,
    indexOf,
    label: (state, id) => {
      const i = indexOf(id);
      return compiled[i].labels[state.actors[i].config];
    },
    initStates,
    actions,
    actorEvents,
    next,
    properties: options.properties ?? [],
    withinBoundary: options.withinBoundary,
    isFinal: options.isFinal ?? ((state) => state.actors.every((a, i) => compiled[i].done[a.config])),
    formatAction: (action, state) => options.formatAction?.(action, state, specs) ?? defaultFormatAction(formatContext, action, state as SystemState<unknown>),
    actor: (action) => actorOfAction(formatContext, action),
    encode,
    view: (state) => viewState(formatContext, state as SystemState<unknown>),
    bounds: { ordering: ordered ? 'fifo' : 'unordered', maxDrops, ...options.bounds },
  };
}
