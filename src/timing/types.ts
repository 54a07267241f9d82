import type { EventObject } from 'xstate';
import type { Hasher } from '../core/hasher.ts';
import type { ActorSnapshot, Message, SystemAction, SystemState } from '../xstate/types.ts';
import type { Draw } from './draw.ts';

/**
 * Timed semantics of an actor-system model (src/timing). The untimed model says *what* may
 * happen next (its enabled deliveries, environment events and `after` timers); a timing
 * policy says *when*: message latency per link, the due time of every environment and timer
 * event, and the timing state a step leaves behind (a scheduled start, a flag). Time never
 * changes *what* a step does: the same compiled machines take the same steps.
 *
 * Times are milliseconds since the start of the behaviour (time 0). Two runners share this
 * contract: the Monte Carlo simulator ({@link runTimed}) and the exhaustive timed model
 * ({@link createTimedModel}), which branches over every value a {@link Draw} could give.
 */
export interface Timing<TGhost, TClock> {
  /**
   * The timing state of a behaviour at time 0 (cron phases, failure-detection times), drawing
   * what is random from `draw`. The clock is immutable: `observe` returns a new one.
   */
  start(state: SystemState<TGhost>, draw: Draw): TClock;
  /**
   * When `event`, an environment or timer event `actor` may take in `state`, fires: a time
   * `>= since`, or `undefined` when time alone never fires it (it waits for a change).
   * `since` is the time of the actor's last step: its snapshot and its part of the clock have
   * not changed since. Must read only that actor's snapshot and timing, and be pure.
   */
  due(actor: number, event: EventObject, state: SystemState<TGhost>, clock: TClock, since: number): number | undefined;
  /** The latency of `message`, sent now from actor `from` to actor `to` (FIFO order is kept by the runner). */
  latency(message: Message, from: number, to: number, draw: Draw): number;
  /**
   * The clock after a step (drawing what the step made random, such as a start delay). May
   * change only the acting actor's part of the clock (the runners reschedule only that actor).
   */
  observe(step: TimedStep, clock: TClock, draw: Draw): TClock;
  /**
   * Feeds the clock to the hasher relative to `now` (an absolute time `t` as `t - now`), so
   * two states that differ only by a shift in time get the same fingerprint (exhaustive model).
   */
  encode(clock: TClock, now: number, hasher: Hasher): void;
  /** A display view of the clock at `now`, for traces (exhaustive model). */
  view?(clock: TClock, now: number): unknown;
}

/** One step of a timed behaviour, as {@link Timing.observe} and observers see it. */
export interface TimedStep {
  /** When it happened. */
  readonly now: number;
  readonly action: SystemAction;
  /** The actor that stepped (the receiver of a delivery). */
  readonly actor: number;
  /** The event it handled: the message for a delivery. */
  readonly event: EventObject;
  readonly before: ActorSnapshot;
  readonly after: ActorSnapshot;
}
