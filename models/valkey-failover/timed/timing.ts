import type { EventObject } from 'xstate';
import { drawLatency, formatMs, TickTrain, type Distribution, type Draw, type LinkLatency, type SystemState, type TimedStep, type TimerEvent, type Timing } from '../../../src/index.ts';
import type { Ghost } from '../ghost.ts';
import { bit, computeSize, computeSizeFail, failedPrimaryRank, isBestRanked, myPrimary, replicaRank } from '../rules.ts';
import type { NodeContext } from '../types.ts';
import { encodeClock, handlerRun, idleTiming, type FailoverClock, type NodeTiming } from './clock.ts';
import { authRetryTime, authTimeout, redis7StartOffset, valkeyBaseDelay, valkeyStartOffset, votedTimeWindow } from './formulas.ts';
import type { Detection } from './detection.ts';
import { defaultCron, type TimedScenario } from './scenario.ts';

type State = SystemState<Ghost>;

const ctxOf = (state: State, actor: number) => state.actors[actor].context as unknown as NodeContext;

/** The candidate phase of a snapshot value (`idle`, `delayed`, `waiting`, `expired`), or undefined for a voter. */
export function phaseOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? (value as { candidate?: string }).candidate : undefined;
}

/** The `after` delay name of a timer event (`electionDelay`, `authTimeout`, `authRetry`), or undefined. */
function timerName(event: EventObject): string | undefined {
  const delay = (event as Partial<TimerEvent>).delay;
  return typeof delay === 'string' && event.type.startsWith('xstate.after.') ? delay : undefined;
}

/**
 * What one run of the mechanism-level timing shares between its variants (§19): each node's
 * cron ticks, by node index, and when each node marks each failed primary FAIL.
 */
export interface FailoverWorld {
  readonly trains: readonly TickTrain[];
  readonly detection: Detection;
}

/** The scenario's link latency (§19.3): base per message, spikes, bus-delay proxy. */
export function linkLatencyOf(scenario: TimedScenario): LinkLatency {
  return {
    base: scenario.latency,
    spikeProbability: scenario.spike?.probability ?? 0,
    spike: scenario.spike?.extra ?? { kind: 'fixed', value: 0 },
    busDelay: scenario.busDelay ?? 0,
  };
}

/**
 * The failover election's timing (issue 5, issue 12): each node's clusterCron on its own tick
 * train (a drifting one under the mechanism-level timing, §19.1), the election handler also run
 * before sleep when todo HANDLE_FAILOVER is set, the start delay formulas of Valkey and Redis
 * 7.0, auth_timeout and auth_retry_time measured from the scheduled start, failure detection
 * from `world()` (the mechanism, §19.2) or else the shortcut node_timeout + gossip, message
 * latency per link (§19.3). It only times the untimed model's own events; every rule cites the
 * reference.
 */
export function failoverTiming(scenario: TimedScenario, nodes: number, failedPrimaries: readonly number[], actorIds: readonly string[], world?: () => FailoverWorld): FailoverTiming {
  const nt = scenario.nodeTimeout;
  const timeout = authTimeout(nt);
  const retry = authRetryTime(nt);
  const delayOf = (ctx: NodeContext) => valkeyBaseDelay(nt, ctx.k.sw.zeroDelay ? 0 : -1);
  const randomPart = (n: number): Distribution => ({ kind: 'uniform', lo: 0, hi: n - 1, integer: true });

  const link = linkLatencyOf(scenario);
  let firstFail: readonly number[] = [];
  const cron = scenario.cron ?? defaultCron();

  const start = (state: State, draw: Draw): FailoverClock => {
    const actors = state.actors.length;
    if (world !== undefined) {
      // §19: the run's world gives every node's ticks and FAIL instants.
      const w = world();
      const nf = failedPrimaries.length;
      firstFail = Array.from(w.detection.firstFail);
      const trains = state.actors.map((_, a) => w.trains[ctxOf(state, a).k.me]);
      const detect = state.actors.map((_, a) => {
        const ctx = ctxOf(state, a);
        const row = new Array<number>(nodes).fill(Number.NaN);
        failedPrimaries.forEach((j, f) => {
          if (bit(ctx.pfail, j)) row[j] = w.detection.failAt[ctx.k.me * nf + f];
        });
        return row;
      });
      return { trains, detect, nodes: Array.from({ length: actors }, () => idleTiming(nodes)) };
    }
    if (scenario.gossip === undefined) throw new Error('failoverTiming: the mechanism-level detection needs a world per run (simulate.ts), the shortcut a gossip distribution');
    const gossip = scenario.gossip;
    const exact = { period: cron.period, jitter: { kind: 'fixed', value: 0 } } as const;
    const trains = state.actors.map(() => new TickTrain(draw.value(scenario.phases ?? { kind: 'uniform', lo: 0, hi: cron.period }), exact));
    // §6: the first node marks a failed primary FAIL node_timeout + gossip after the failure;
    // the others on receiving its FAIL broadcast (one latency later; same instant under sameTick).
    const first = failedPrimaries.map(() => nt + draw.value(gossip));
    const shared = scenario.sameTick ? nt + draw.value(gossip) : 0;
    firstFail = scenario.sameTick ? first.map(() => shared) : first;
    const detect = state.actors.map((_, a) => {
      const ctx = ctxOf(state, a);
      const row = new Array<number>(nodes).fill(Number.NaN);
      failedPrimaries.forEach((j, f) => {
        if (!bit(ctx.pfail, j)) return;
        row[j] = scenario.sameTick ? shared : first[f] + drawLatency(link, draw);
      });
      return row;
    });
    return { trains, detect, nodes: Array.from({ length: actors }, () => idleTiming(nodes)) };
  };

  /** §2.4 step 5 (Valkey clusterHandleReplicaFailover): the start moves with rank changes; the best-ranked replica starts at the next run. */
  const effectiveStart = (ctx: NodeContext, node: NodeTiming): number => {
    if (ctx.k.sw.redis7) return node.startAt; // R7 ranks by offset only: equal offsets, rank 0 for ever (§2.3, §9)
    if (isBestRanked(ctx)) return Number.NEGATIVE_INFINITY;
    const d = delayOf(ctx);
    return node.startAt + (replicaRank(ctx) - node.rank) * 2 * d + (failedPrimaryRank(ctx) - node.failedRank) * d;
  };

  const due = (actor: number, event: EventObject, state: State, clock: FailoverClock, since: number): number | undefined => {
    const ctx = ctxOf(state, actor);
    const node = clock.nodes[actor];
    const train = clock.trains[actor];
    const run = (earliest: number, strict: boolean) => handlerRun(since, node, train, earliest, strict);
    switch (timerName(event)) {
      case 'electionDelay':
        return run(effectiveStart(ctx, node), false); // §2.4 step 6 clusterHandleReplicaFailover: WAITING_DELAY while now < failover_auth_time
      case 'authTimeout':
        return run(node.startAt + timeout, true); // §2.4 step 7 clusterHandleReplicaFailover: EXPIRED once auth_age > auth_timeout
      case 'authRetry':
        return run(node.startAt + retry, true); // §2.4 step 4 clusterHandleReplicaFailover: a new election once auth_age > auth_retry_time
    }
    const target = (event as { node?: number }).node ?? -1;
    switch (event.type) {
      case 'MARK_FAIL': {
        const at = clock.detect[actor][target];
        return Number.isNaN(at) ? undefined : Math.max(at, since);
      }
      case 'UPDATE_STATE':
        return since; // todo UPDATE_STATE, run in clusterBeforeSleep (§2.1, §6 markNodeAsFailing)
      case 'HANDLE_FAILOVER': {
        if (phaseOf(state.actors[actor].value) === 'idle') {
          // clusterBeforeSleep runs UPDATE_STATE before HANDLE_FAILOVER (§2.1).
          if (computeSize(ctx) !== ctx.size || computeSizeFail(ctx) !== ctx.sizeFail) return undefined;
          return run(Number.NEGATIVE_INFINITY, false);
        }
        // The win (§2.4 step 9) comes after the expiry check (step 7): not after auth_timeout.
        const at = run(Number.NEGATIVE_INFINITY, false);
        return at <= node.startAt + timeout ? at : undefined;
      }
      case 'VOTED_TIME_EXPIRES':
        return Number.isNaN(node.votedAt[target]) ? undefined : Math.max(node.votedAt[target] + votedTimeWindow(nt), since); // R7 clusterSendFailoverAuthIfNeeded voted_time (§3 table)
      default:
        return undefined; // faults (pause, link loss, manual failover) are not timed
    }
  };

  const latency = (_message: unknown, _from: number, _to: number, draw: Draw): number => drawLatency(link, draw); // §19.3

  const observe = (step: TimedStep, clock: FailoverClock, draw: Draw): FailoverClock => {
    const { now, actor, event } = step;
    const before = step.before.context as unknown as NodeContext;
    const after = step.after.context as unknown as NodeContext;
    const was = phaseOf(step.before.value);
    const is = phaseOf(step.after.value);
    const timer = timerName(event);
    let node = clock.nodes[actor];
    const handler = timer !== undefined || event.type === 'HANDLE_FAILOVER';
    if (handler) node = { ...node, lastRun: now, flagAt: Number.NaN };
    if (handler && (was === 'idle' || was === 'expired') && (is === 'delayed' || is === 'waiting')) {
      node = { ...node, ...schedule(after, is === 'waiting', now, draw) };
    } else if (timer === 'electionDelay') {
      node = { ...node, startAt: Math.min(effectiveStart(before, node), now) };
    }
    if (!after.authTime && !Number.isNaN(node.startAt)) node = { ...node, startAt: Number.NaN };
    if (setsHandleFailover(step, before, after)) node = { ...node, flagAt: now };
    if (after.votedRecently !== before.votedRecently) {
      const votedAt = node.votedAt.map((t, j) => (bit(after.votedRecently, j) ? (bit(before.votedRecently, j) ? t : now) : Number.NaN));
      node = { ...node, votedAt };
    }
    let detect = clock.detect;
    if (event.type === 'MARK_FAIL') {
      const copy = clock.detect.slice();
      copy[actor] = copy[actor].map((t, j) => (j === (event as { node?: number }).node ? Number.NaN : t));
      detect = copy;
    }
    if (node === clock.nodes[actor] && detect === clock.detect) return clock;
    const nodesNext = clock.nodes.slice();
    nodesNext[actor] = node;
    return { trains: clock.trains, detect, nodes: nodesNext };
  };

  /** §2.4 step 4 (clusterHandleReplicaFailover; R7 clusterHandleSlaveFailover): the scheduled start and the ranks it was computed with. */
  const schedule = (ctx: NodeContext, atOnce: boolean, now: number, draw: Draw): Partial<NodeTiming> => {
    const rank = ctx.k.sw.redis7 ? 0 : replicaRank(ctx);
    const failedRank = ctx.k.sw.redis7 ? 0 : failedPrimaryRank(ctx);
    // Best-ranked, manual or DEBUG delay 0: failover_auth_time = now, sent in the same call.
    if (atOnce) return { startAt: now, rank, failedRank };
    if (ctx.k.sw.redis7) return { startAt: now + redis7StartOffset(draw.value(randomPart(500)), 0), rank, failedRank };
    const base = delayOf(ctx);
    const random = base > 0 ? draw.value(randomPart(base)) : 0;
    return { startAt: now + valkeyStartOffset({ base, random, rank, failedPrimaryRank: failedRank }), rank, failedRank };
  };

  return { start, due, latency, observe, encode: encodeClock, view: (clock, now) => viewClock(clock, now, actorIds), firstFail: () => firstFail };
}

/** The failover timing, which also tells the first FAIL instant of each failed primary in the run last started (shard records). */
export interface FailoverTiming extends Timing<Ghost, FailoverClock> {
  readonly firstFail: () => readonly number[];
}

/**
 * §2.1: todo HANDLE_FAILOVER is set by a counted ACK, a reset (NACK fast-fail, a newer claim)
 * and, in Valkey only, markNodeAsFailing of my primary (§11.5, §11.6: also on a FAIL message).
 * Redis 7.0's markNodeAsFailingIfNeeded and FAIL handler set only UPDATE_STATE | SAVE_CONFIG
 * (R7 cluster.c), so its first election is scheduled from clusterCron (§19.4).
 */
function setsHandleFailover(step: TimedStep, before: NodeContext, after: NodeContext): boolean {
  const type = step.event.type;
  if (type === 'AUTH_ACK' && after.authCount > before.authCount) return true;
  if (step.action.kind === 'deliver' && before.authTime && !after.authTime) return true;
  return !before.k.sw.redis7 && type === 'MARK_FAIL' && (step.event as { node?: number }).node === myPrimary(before);
}

function viewClock(clock: FailoverClock, now: number, ids: readonly string[]): unknown {
  const out: Record<string, unknown> = {};
  clock.nodes.forEach((node, a) => {
    if (Number.isNaN(node.startAt)) return;
    const delta = node.startAt - now;
    out[`${ids[a]}.failover_auth_time`] = `t=${formatMs(node.startAt)} (${delta >= 0 ? `in ${formatMs(delta)} ms` : `${formatMs(-delta)} ms ago`})`;
  });
  return out;
}
