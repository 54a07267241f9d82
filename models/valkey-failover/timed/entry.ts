import type { ExtremesOutcome, TimedEntry, TimedScenarioRequest } from '../../../src/index.ts';
import { recoveryExtremes } from './exhaustive.ts';
import { defaultGossip, type TimedScenario } from './scenario.ts';
import { simulateRecovery } from './simulate.ts';

/** The five protocol rows of issue 5: Redis 7.0, Valkey before NACK, NACK as merged, and the two open fixes. */
export const TIMED_VARIANTS: readonly (readonly string[])[] = [['redis-7.0'], ['valkey-legacy'], ['nack-4654'], ['fix-4655'], ['fix-4700']];

/** The failover scenario of a generic timed request (gossip defaults to up to node_timeout / 2). */
export function scenarioOf(request: TimedScenarioRequest): TimedScenario {
  return {
    primaries: request.primaries,
    failed: request.failed,
    replicas: request.replicas,
    nodeTimeout: request.nodeTimeout,
    latency: request.latency,
    gossip: request.gossip ?? defaultGossip(request.nodeTimeout),
    sameTick: request.sameTick,
  };
}

/**
 * The failover model's timed semantics for the catalog (`splitvote simulate failover --timed`).
 * The exhaustive analysis leaves out the replicas of shards that stay up (they only receive
 * broadcasts) and aligns every cron (phase 0: the adversary's choice), to stay small.
 */
export const failoverTimed: TimedEntry = {
  defaultVariants: TIMED_VARIANTS,
  simulate: (request, onProgress) =>
    simulateRecovery({ scenario: scenarioOf(request), variants: request.variants, runs: request.runs, seed: request.seed, onProgress }).report,
  extremes: (request): ExtremesOutcome => {
    const scenario: TimedScenario = { ...scenarioOf(request), liveReplicas: false, phases: { kind: 'fixed', value: 0 } };
    const outcome = recoveryExtremes({ scenario, variants: request.variants, grid: request.grid, maxElections: request.maxElections, maxStates: request.maxStates });
    return outcome as unknown as ExtremesOutcome;
  },
};
