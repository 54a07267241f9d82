import { assertEnumerable, splitvoteError, type ExtremesOutcome, type TimedEntry, type TimedScenarioRequest } from '../../../src/index.ts';
import { recoveryExtremes } from './exhaustive.ts';
import { defaultCron, defaultGossip, defaultLatency, type TimedScenario } from './scenario.ts';
import { simulateRecovery } from './simulate.ts';

/** The five protocol rows of issue 5: Redis 7.0, Valkey before NACK, NACK as merged, and the two open fixes. */
export const TIMED_VARIANTS: readonly (readonly string[])[] = [['redis-7.0'], ['valkey-legacy'], ['nack-4654'], ['fix-4655'], ['fix-4700']];

/**
 * The failover scenario of a generic timed request: detection by mechanism unless a gossip
 * shortcut is given or `sameTick` asks for the PR's setup (every node sees the failure at one
 * instant: the shortcut with its default gossip), the measured bus latency and cron jitter
 * unless others are given.
 */
export function scenarioOf(request: TimedScenarioRequest): TimedScenario {
  return {
    primaries: request.primaries,
    failed: request.failed,
    replicas: request.replicas,
    nodeTimeout: request.nodeTimeout,
    latency: request.latency ?? defaultLatency(),
    ...(request.spike === undefined ? {} : { spike: request.spike }),
    busDelay: request.busDelay ?? 0,
    cron: request.cron ?? defaultCron(),
    // --same-tick is the PR's setup: every node sees the failure at one instant (the shortcut).
    ...(request.gossip === undefined ? (request.sameTick ? { gossip: defaultGossip(request.nodeTimeout) } : {}) : { gossip: request.gossip }),
    sameTick: request.sameTick,
  };
}

/**
 * The failover model's timed semantics for the catalog (`splitvote simulate failover --timed`).
 * The exhaustive analysis leaves out the replicas of shards that stay up (they only receive
 * broadcasts) and aligns every cron (phase 0, exact period: the adversary's choice), to stay
 * small; it keeps the detection shortcut (default gossip up to node_timeout / 2) and refuses
 * latency spikes and a cron jitter, which it cannot enumerate.
 */
export const failoverTimed: TimedEntry = {
  defaultVariants: TIMED_VARIANTS,
  simulate: (request, onProgress) =>
    simulateRecovery({ scenario: scenarioOf(request), variants: request.variants, runs: request.runs, seed: request.seed, onProgress }).report,
  extremes: (request): ExtremesOutcome => {
    if (request.spike !== undefined) assertEnumerable({ base: defaultLatency(), spikeProbability: request.spike.probability, spike: request.spike.extra, busDelay: 0 }, '--spike');
    if (request.cron !== undefined && request.cron.jitter.kind !== 'fixed') throw splitvoteError('SV401', '--cron-jitter: allowed with --exhaustive: fixed:MS (a drifting cron cannot be enumerated)');
    const cron = request.cron ?? { ...defaultCron(), jitter: { kind: 'fixed', value: 0 } };
    const scenario: TimedScenario = {
      ...scenarioOf(request),
      spike: { probability: 0, extra: { kind: 'fixed', value: 0 } },
      cron,
      gossip: request.gossip ?? defaultGossip(request.nodeTimeout),
      liveReplicas: false,
      phases: { kind: 'fixed', value: 0 },
    };
    const outcome = recoveryExtremes({ scenario, variants: request.variants, grid: request.grid, maxElections: request.maxElections, maxStates: request.maxStates });
    return outcome as unknown as ExtremesOutcome;
  },
};
