import { createActorSystemModel } from '../../src/index.ts';
import type { ActorSnapshot, ActorSpec, ActorSystemModel } from '../../src/index.ts';
import { nodeId, nodeInput, validateConfig, type FailoverConfig } from './config.ts';
import { environment } from './environment.ts';
import { formatFailoverAction } from './format.ts';
import { defaultMachines, type FailoverMachines } from './machine.ts';
import { judgeFacts, type Ghost } from './ghost.ts';
import { failoverMonitor } from './judges.ts';
import { failoverProperties } from './properties.ts';
import { failoverView } from './view.ts';
import type { NodeContext } from './types.ts';
import { resolveVariants } from './variants.ts';

/** Options of {@link createFailoverModel}. */
export interface FailoverModelOptions {
  /** Variant names (see variants.ts); default `nack-4654`. */
  readonly variants?: readonly string[];
  /** Replacement machines, typically `primaryMachine.provide({ guards: { ... } })`. */
  readonly machines?: Partial<FailoverMachines>;
  /** `xstate`: run every step through `xstate.transition()` (slow, for differential tests). */
  readonly engine?: 'compiled' | 'xstate';
}

/** The failover model: an actor-system model whose ghost is the properties' history. */
export type FailoverModel = ActorSystemModel<Ghost>;

/**
 * Builds the explorer model of a failover preset: one actor per live node (nodes down at the
 * start are not actors, so messages to them vanish), FIFO links, the drop budget, the
 * monitor and the properties; states beyond `maxEpoch` or `maxElections` are outside the
 * boundary. Pure: the same config and options give the same model. Throws SV403 for an
 * unknown or invalid variant combination or a malformed preset.
 */
export function createFailoverModel(config: FailoverConfig, options: FailoverModelOptions = {}): FailoverModel {
  validateConfig(config);
  const variants = resolveVariants(options.variants ?? []);
  const machines: FailoverMachines = {
    primary: options.machines?.primary ?? defaultMachines.primary,
    replica: options.machines?.replica ?? defaultMachines.replica,
  };
  const actors: ActorSpec[] = [];
  config.nodes.forEach((spec, i) => {
    if (spec.down) return;
    actors.push({
      id: nodeId(config, i),
      machine: spec.replicaOf === undefined ? machines.primary : machines.replica,
      input: nodeInput(config, variants, i),
      environment,
    });
  });
  const facts = judgeFacts(config, variants);
  // The boundary per actor and per ghost, so the packed engine decides it once per snapshot or ghost.
  const actorWithinBoundary = (snapshot: ActorSnapshot): boolean => {
    const ctx = snapshot.context as unknown as NodeContext;
    return ctx.cur <= config.maxEpoch && ctx.elections <= config.maxElections;
  };
  const ghostWithinBoundary = (ghost: Ghost): boolean => !ghost.late;
  const properties = failoverProperties(facts);
  const recoveredOrStuck = properties.find((p) => p.kind === 'recoverable')!.condition;
  const system = createActorSystemModel<Ghost>({
    name: `valkey-failover ${config.name} ${variants.label}`,
    actors,
    network: { ordering: 'fifo', maxDrops: config.maxDrops },
    monitor: failoverMonitor(facts),
    properties,
    engine: options.engine,
    actorWithinBoundary,
    ghostWithinBoundary,
    // A state with nothing left to do is fine when L1's goal holds there (served, or a bound).
    isFinal: recoveredOrStuck,
    formatAction: formatFailoverAction,
    bounds: {
      preset: config.name,
      variants: variants.label,
      maxEpoch: config.maxEpoch,
      maxElectionsPerReplica: config.maxElections,
      maxDrops: config.maxDrops,
      pauses: config.nodes.filter((s) => s.mayPause).length,
      linkLosses: config.nodes.reduce((sum, s) => sum + (s.mayLoseLinkTo?.length ?? 0), 0),
      zeroDelay: config.zeroDelay === true,
      timing: variants.boundedDelay ? 'bounded-delay (no message outlives auth_retry_time)' : 'untimed (any delay)',
    },
  });
  const viewFacts = { ids: config.nodes.map((_, i) => nodeId(config, i)), actorIds: actors.map((a) => a.id), label: system.label };
  return { ...system, view: (state) => failoverView(state, viewFacts) };
}
