import type { EventObject } from 'xstate';
import type { Hasher } from '../core/hasher.ts';
import type { Model } from '../core/model.ts';
import type { Property } from '../core/property.ts';
import type { ActorSystemModel, SystemAction, SystemState } from '../xstate/types.ts';
import { EnumerateDraw } from './draw.ts';
import type { TimedStep, Timing } from './types.ts';

/** A state of the exhaustive timed model: the untimed state plus time and the timing state. */
export interface TimedState<TGhost, TClock> {
  /** Absolute time (ms). Not part of the fingerprint: everything timed is hashed relative to it. */
  readonly now: number;
  readonly sys: SystemState<TGhost>;
  readonly clock: TClock;
  /** Delivery time of every message in flight, parallel to `sys.channels`. */
  readonly times: readonly (readonly number[])[];
  /** Per actor: the due time of each event `actorEvents` lists, in that order; Infinity when it never fires or does not apply. */
  readonly dues: readonly (readonly number[])[];
}

/** One step: the untimed action, taken at time `at`, with choice number `choice` for the values drawn. */
export interface TimedAction {
  readonly base: SystemAction;
  readonly at: number;
  readonly choice: number;
}

/** Options of {@link createTimedModel}. */
export interface TimedModelOptions<TGhost> {
  /** Grid step (ms) for the values a uniform distribution may take. */
  readonly grid: number;
  /** States where the behaviour is done (the election recovered): no successors, final. */
  readonly goal: (sys: SystemState<TGhost>) => boolean;
  /** States later than this (ms) are outside the boundary. Default: no limit. */
  readonly horizon?: number;
}

/** The exhaustive timed model: a plain explorer {@link Model} with its goal. */
export interface TimedModel<TGhost, TClock> extends Model<TimedState<TGhost, TClock>, TimedAction> {
  readonly goal: (state: TimedState<TGhost, TClock>) => boolean;
}

const NEVER = Number.POSITIVE_INFINITY;

/**
 * The timed semantics of an actor-system model as a model the explorer can exhaust: every
 * behaviour the timing allows, with time in the state. Actions are the untimed model's
 * actions at the earliest time anything is due, in every order (ties are the adversary's),
 * and every grid point of every value the timing draws (latency, delays): a step with k
 * draws has one action per combination. Same semantics as {@link runTimed} otherwise.
 *
 * The fingerprint leaves the absolute time out and hashes every pending time relative to
 * it, so states that differ only by a shift in time are one state; the graph then has as
 * edge weights the time each step takes, and a longest or shortest path in it
 * (src/timing/paths.ts) is the worst or best time to reach the goal. Timings must be
 * shift-invariant for this (theirs are: due times follow from relative times) and must draw
 * the same number of values, with the same ranges, whatever values are drawn.
 */
export function createTimedModel<TGhost, TClock>(model: ActorSystemModel<TGhost>, timing: Timing<TGhost, TClock>, options: TimedModelOptions<TGhost>): TimedModel<TGhost, TClock> {
  const n = model.actorIds.length;
  const horizon = options.horizon ?? NEVER;
  const scratch: SystemAction[] = [];
  type State = TimedState<TGhost, TClock>;

  const duesOf = (sys: SystemState<TGhost>, clock: TClock, actor: number, since: number): number[] => {
    scratch.length = 0;
    model.actorEvents(sys, actor, scratch);
    return scratch.map((action) => {
      const at = timing.due(actor, (action as { event: EventObject }).event, sys, clock, since);
      if (at === undefined || Number.isNaN(at) || model.next(sys, action) === undefined) return NEVER;
      return Math.max(at, since);
    });
  };

  // Appends delivery times for the messages `from` sent in this step (FIFO per link).
  const send = (before: SystemState<TGhost>, sys: SystemState<TGhost>, times: (readonly number[])[], from: number, now: number, draw: EnumerateDraw): void => {
    for (let to = 0; to < n; to++) {
      const link = from * n + to;
      const channel = sys.channels[link];
      if (channel === before.channels[link]) continue;
      const queued = times[link].slice();
      for (let k = queued.length; k < channel.length; k++) {
        queued.push(Math.max(now + timing.latency(channel[k], from, to, draw), queued.length > 0 ? queued[queued.length - 1] : now));
      }
      times[link] = queued;
    }
  };

  const step = (state: State, action: TimedAction, draw: EnumerateDraw): State | undefined => {
    const sys = model.next(state.sys, action.base);
    if (sys === undefined) return undefined;
    const base = action.base;
    const actor = base.kind === 'event' ? base.actor : base.link % n;
    const times = state.times.slice();
    let event: EventObject;
    if (base.kind === 'deliver') {
      event = state.sys.channels[base.link][0];
      times[base.link] = times[base.link].slice(1);
    } else {
      event = (base as { event: EventObject }).event;
    }
    send(state.sys, sys, times, actor, action.at, draw);
    const record: TimedStep = { now: action.at, action: base, actor, event, before: state.sys.actors[actor], after: sys.actors[actor] };
    const clock = timing.observe(record, state.clock, draw);
    const dues = state.dues.slice();
    dues[actor] = duesOf(sys, clock, actor, action.at);
    return { now: action.at, sys, clock, times, dues };
  };

  let inits: State[] | undefined;
  const initStates = (): State[] => {
    if (inits !== undefined) return inits;
    const [sys] = model.initStates();
    const empty = { ...sys, channels: sys.channels.map(() => []) } as SystemState<TGhost>;
    const build = (choice: number): { state: State; combinations: number } => {
      const draw = new EnumerateDraw(choice, options.grid);
      const clock = timing.start(sys, draw);
      const times: (readonly number[])[] = sys.channels.map(() => []);
      for (let from = 0; from < n; from++) send(empty, sys, times, from, 0, draw);
      const dues = sys.actors.map((_, a) => duesOf(sys, clock, a, 0));
      return { state: { now: 0, sys, clock, times, dues }, combinations: draw.combinations };
    };
    const first = build(0);
    inits = [first.state];
    for (let c = 1; c < first.combinations; c++) inits.push(build(c).state);
    return inits;
  };

  const goal = (state: State) => options.goal(state.sys);

  const actions = (state: State, out: TimedAction[]): void => {
    if (goal(state)) return;
    let at = NEVER;
    state.times.forEach((queued) => {
      if (queued.length > 0 && queued[0] < at) at = queued[0];
    });
    state.dues.forEach((row) => row.forEach((t) => (at = Math.min(at, t))));
    if (at === NEVER) return;
    const bases: SystemAction[] = [];
    state.times.forEach((queued, link) => {
      if (queued.length > 0 && queued[0] === at) bases.push({ kind: 'deliver', link, index: 0 });
    });
    state.dues.forEach((row, actor) => {
      if (!row.includes(at)) return;
      scratch.length = 0;
      model.actorEvents(state.sys, actor, scratch);
      row.forEach((t, i) => t === at && bases.push(scratch[i]));
    });
    for (const base of bases) {
      const probe = new EnumerateDraw(0, options.grid);
      if (step(state, { base, at, choice: 0 }, probe) === undefined) continue;
      for (let choice = 0; choice < probe.combinations; choice++) out.push({ base, at, choice });
    }
  };

  const encode = (state: State, h: Hasher): void => {
    model.encode!(state.sys, h);
    timing.encode(state.clock, state.now, h);
    state.times.forEach((queued) => {
      for (const t of queued) h.num(t - state.now);
    });
    h.int(-2);
    state.dues.forEach((row) => {
      for (const t of row) h.num(t === NEVER ? -1 : t - state.now);
      h.int(-3);
    });
  };

  const properties: Property<State>[] = model.properties.map((p) => ({ ...p, condition: (s: State) => p.condition(s.sys) }));

  return {
    name: `${model.name} (timed, grid ${options.grid} ms)`,
    initStates,
    actions,
    next: (state, action) => step(state, action, new EnumerateDraw(action.choice, options.grid)),
    properties,
    goal,
    withinBoundary: (state) => state.now <= horizon && (model.withinBoundary?.(state.sys) ?? true),
    isFinal: goal,
    formatAction: (action, state) => `t=${formatMs(action.at)}  ${model.formatAction?.(action.base, state.sys) ?? action.base.kind}${drawnText(action, (draw) => step(state, action, draw), options.grid)}`,
    actor: (action, state) => model.actor?.(action.base, state.sys),
    encode,
    view: (state) => ({ time: `${formatMs(state.now)} ms`, ...(model.view?.(state.sys) as object), ...(timing.view === undefined ? {} : { timing: timing.view(state.clock, state.now) }) }),
    bounds: { ...model.bounds, timing: `timed, grid ${options.grid} ms${horizon === NEVER ? '' : `, horizon ${horizon} ms`}` },
  };
}

/** A time in ms for labels: whole numbers as they are, others with one decimal. */
export function formatMs(t: number): string {
  return Number.isInteger(t) ? String(t) : t.toFixed(1);
}

// The values a step drew, so a trace shows the latencies and delays the adversary chose.
function drawnText(action: TimedAction, run: (draw: EnumerateDraw) => unknown, grid: number): string {
  const draw = new EnumerateDraw(action.choice, grid);
  run(draw);
  return draw.combinations <= 1 ? '' : ` [drawn: ${draw.drawn.map(formatMs).join(', ')} ms]`;
}
