import type { EventObject } from 'xstate';
import { splitvoteError } from '../core/errors.ts';
import type { ActorSystemModel, SystemAction, SystemState } from '../xstate/types.ts';
import { SampleDraw, type Random } from './draw.ts';
import { EventQueue } from './queue.ts';
import type { TimedStep, Timing } from './types.ts';

/** Options of {@link runTimed}. */
export interface TimedRunOptions<TGhost> {
  /** The run's random numbers: latencies, policy draws and tie-breaking keys all come from it. */
  readonly random: Random;
  /** The run ends before the first event later than this (ms). */
  readonly maxTime: number;
  /** Safety net against zero-time loops (default 1,000,000 steps). */
  readonly maxSteps?: number;
  /** Called after every step with the new state; return true to end the run there. */
  readonly onStep?: (step: TimedStep, state: SystemState<TGhost>) => boolean;
}

/** How a timed run ended. */
export type TimedRunEnd = 'stopped' | 'quiet' | 'max-time' | 'max-steps';

/** The end of one timed run. */
export interface TimedRun<TGhost, TClock> {
  readonly state: SystemState<TGhost>;
  readonly clock: TClock;
  /** Time of the last step taken. */
  readonly now: number;
  readonly steps: number;
  /** `stopped` by `onStep`, `quiet` (nothing left to happen), or a limit. */
  readonly end: TimedRunEnd;
}

/**
 * A discrete-event simulation of an actor-system model under a timing policy: one behaviour
 * of the untimed model, in which time decides which enabled step happens next.
 *
 * - Messages: each gets a latency from the policy when sent; its delivery time is
 *   `max(send time + latency, delivery time of the message before it on the link)`, so every
 *   directed link stays FIFO. Only a link's head message is in the queue.
 * - Actor events (environment events, `after` timers): after each step of an actor, all its
 *   offered events are re-timed with {@link Timing.due} and its earliest one whose transition is
 *   enabled is queued (ties within the actor in `actorEvents` order); other actors keep their
 *   schedule. An event that turns out not to apply when it is due is set aside until the
 *   actor next changes.
 * - Ties between equal times are broken by a random key drawn when the entry is queued, then
 *   by queue order: deterministic for a given seed.
 *
 * Uses the model's own `next`, so the same compiled machines, guards and actions run as in
 * the untimed explorer. Deterministic: the same model, policy and seed give the same run.
 */
export function runTimed<TGhost, TClock>(model: ActorSystemModel<TGhost>, timing: Timing<TGhost, TClock>, options: TimedRunOptions<TGhost>): TimedRun<TGhost, TClock> {
  const inits = model.initStates();
  if (inits.length !== 1) throw splitvoteError('SV202', `a timed run needs a model with one initial state; ${model.name} has ${inits.length}`);
  const random = options.random;
  const draw = new SampleDraw(random);
  const maxSteps = options.maxSteps ?? 1_000_000;
  const n = model.actorIds.length;
  let state = inits[0];
  let clock = timing.start(state, draw);
  const queue = new EventQueue();
  // Arrival times of the messages in flight per link, FIFO like the channel: `times[link]`
  // from `heads[link]` on (a moving head instead of Array.shift; reset when it drains).
  const times: number[][] = Array.from({ length: n * n }, () => []);
  const heads = new Int32Array(n * n);
  const deliver: SystemAction[] = Array.from({ length: n * n }, (_, link) => Object.freeze({ kind: 'deliver' as const, link, index: 0 }));
  const version = new Int32Array(n);
  const planned: (SystemAction | undefined)[] = new Array(n).fill(undefined);
  const blocked: EventObject[][] = Array.from({ length: n }, () => []);
  const scratch: SystemAction[] = [];

  const send = (from: number, before: SystemState<TGhost>, now: number): void => {
    for (let to = 0; to < n; to++) {
      const link = from * n + to;
      const channel = state.channels[link];
      if (channel === before.channels[link]) continue;
      const queued = times[link];
      const head = heads[link];
      for (let k = queued.length - head; k < channel.length; k++) {
        const at = Math.max(now + timing.latency(channel[k], from, to, draw), queued.length > head ? queued[queued.length - 1] : 0);
        queued.push(at);
        if (queued.length - head === 1) queue.push(at, random.bits(), 0, link, 0);
      }
    }
  };

  const reschedule = (actor: number, since: number): void => {
    scratch.length = 0;
    model.actorEvents(state, actor, scratch);
    let best: SystemAction | undefined;
    let bestTime = Number.POSITIVE_INFINITY;
    for (let i = 0; i < scratch.length; i++) {
      const action = scratch[i] as Extract<SystemAction, { kind: 'event' }>;
      if (blocked[actor].includes(action.event)) continue;
      const at = timing.due(actor, action.event, state, clock, since);
      // An event no transition takes now is not planned (the statechart's guards decide):
      // the environment offers events whether or not they apply.
      if (at !== undefined && at < bestTime && model.next(state, action) !== undefined) {
        best = action;
        bestTime = at;
      }
    }
    version[actor]++;
    planned[actor] = best;
    if (best !== undefined) queue.push(Math.max(bestTime, since), random.bits(), 1, actor, version[actor]);
  };

  const empty = { ...state, channels: state.channels.map(() => []) } as SystemState<TGhost>;
  for (let from = 0; from < n; from++) send(from, empty, 0);
  for (let actor = 0; actor < n; actor++) reschedule(actor, 0);

  let now = 0;
  let steps = 0;
  for (;;) {
    const entry = queue.pop();
    if (entry === undefined) return { state, clock, now, steps, end: 'quiet' };
    if (entry.kind === 1 && entry.version !== version[entry.id]) continue;
    if (entry.time > options.maxTime) return { state, clock, now, steps, end: 'max-time' };
    if (steps >= maxSteps) return { state, clock, now, steps, end: 'max-steps' };
    now = entry.time;
    const before = state;
    let actor: number;
    let action: SystemAction;
    let event: EventObject;
    if (entry.kind === 0) {
      const link = entry.id;
      actor = link % n;
      action = deliver[link];
      event = before.channels[link][0];
      const queued = times[link];
      const head = ++heads[link];
      if (head === queued.length) {
        queued.length = 0;
        heads[link] = 0;
      } else queue.push(queued[head], random.bits(), 0, link, 0);
    } else {
      actor = entry.id;
      action = planned[actor]!;
      event = (action as Extract<SystemAction, { kind: 'event' }>).event;
    }
    const next = model.next(before, action);
    if (next === undefined) {
      // An environment or timer event whose transition is not enabled: it waits for a change.
      blocked[actor].push(event);
      reschedule(actor, now);
      continue;
    }
    state = next;
    steps++;
    send(actor, before, now);
    const step: TimedStep = { now, action, actor, event, before: before.actors[actor], after: state.actors[actor] };
    clock = timing.observe(step, clock, draw);
    if (step.after !== step.before) blocked[actor].length = 0;
    reschedule(actor, now);
    if (options.onStep?.(step, state) === true) return { state, clock, now, steps, end: 'stopped' };
  }
}
