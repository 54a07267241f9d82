import type { EventObject } from 'xstate';
import type { Hasher } from '../core/hasher.ts';
import type { PackedSettings } from '../core/packed.ts';
import { splitvoteError } from '../core/errors.ts';
import { EMPTY_CHANNEL, encodeChannel, hashCached, removeAt, sendAll } from './network.ts';
import { createPackedSystem } from './packed/engine.ts';
import { createSystemCore } from './systemCore.ts';
import { groupPermutations, representativeOf } from './symmetry.ts';
import { actorOfAction, defaultFormatAction, viewState, type FormatContext } from './systemFormat.ts';
import type { ActorSnapshot, ActorSystemModel, Message, StepRecord, StepResult, SystemAction, SystemOptions, SystemState } from './types.ts';

export { compileMachineCached } from './systemCore.ts';

const NO_MESSAGES: readonly Message[] = Object.freeze([]);

/**
 * Composes XState actors and a network into one explorer {@link Model}.
 *
 * - State: one {@link ActorSnapshot} per actor (compiled configuration id, canonical value,
 *   context), one channel per directed link `from * n + to`, the drop budget left, the ghost.
 *   States are immutable and share everything that a step does not change.
 * - Actions, in this fixed order: for each link in index order a delivery (FIFO: the head
 *   only; unordered: every message), unless the receiver is in a state tagged
 *   `HOLD_INPUT_TAG` (then its messages wait); for each actor its environment events, then its timer
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
  const core = createSystemCore(options);
  const { specs, n, ids, addressing, compiled, ordered, maxDrops, monitor } = core;
  const stepActor = core.step;
  const snapshotOf = core.snapshotOf;
  const cached = (kind: 'deliver' | 'drop', link: number, index: number): SystemAction => core.linkAction(kind, link, index);

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

  const initStates = (): SystemState<TGhost>[] => [core.initial()];
  // An actor in a state tagged HOLD_INPUT_TAG takes no deliveries (drops still apply).
  const holds = (state: SystemState<TGhost>, actor: number): boolean => compiled[actor].holdsInput[state.actors[actor].config];

  // One actor's environment events, then its timer events: the part of `actions` a timed
  // simulation recomputes after that actor's step.
  const actorEvents = (state: SystemState<TGhost>, actor: number, out: SystemAction[]): void => {
    const snapshot = state.actors[actor];
    const environment = specs[actor].environment;
    if (environment !== undefined) for (const event of environment(snapshot)) out.push({ kind: 'event', actor, event });
    const timers = core.timerActions(actor, snapshot.config);
    for (let i = 0; i < timers.length; i++) out.push(timers[i]);
  };

  const actions = (state: SystemState<TGhost>, out: SystemAction[]): void => {
    const channels = state.channels;
    for (let link = 0; link < channels.length; link++) {
      const length = channels[link].length;
      if (length === 0 || holds(state, link % n)) continue;
      if (ordered) out.push(cached('deliver', link, 0));
      else for (let i = 0; i < length; i++) out.push(cached('deliver', link, i));
    }
    for (let actor = 0; actor < n; actor++) actorEvents(state, actor, out);
    if (state.dropsLeft <= 0) return;
    for (let link = 0; link < channels.length; link++) {
      const length = channels[link].length;
      if (length === 0) continue;
      if (ordered) out.push(cached('drop', link, 0));
      else for (let i = 0; i < length; i++) out.push(cached('drop', link, i));
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
    if (holds(state, i)) return undefined;
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

  const perms = options.symmetry === undefined ? undefined : groupPermutations(options.symmetry.groups, n);
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
    withinBoundary: core.withinBoundary,
    isFinal: options.isFinal ?? ((state) => state.actors.every((a, i) => compiled[i].done[a.config])),
    formatAction: (action, state) => options.formatAction?.(action, state, specs) ?? defaultFormatAction(formatContext, action, state as SystemState<unknown>),
    actor: (action) => actorOfAction(formatContext, action),
    encode,
    ...(perms === undefined ? {} : { representative: representativeOf(options.symmetry!, perms, encode) }),
    packed: (settings: PackedSettings) => (settings.symmetry && perms === undefined ? undefined : createPackedSystem(core, settings.symmetry ? perms : undefined)),
    view: (state) => viewState(formatContext, state as SystemState<unknown>),
    bounds: { ordering: ordered ? 'fifo' : 'unordered', maxDrops, ...options.bounds },
  };
}
