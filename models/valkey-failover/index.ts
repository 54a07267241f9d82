import type { AnyStateMachine } from 'xstate';
import { splitvoteError } from '../../src/index.ts';
import type { ModelEntry, ModelRequest } from '../../src/index.ts';
import type { NodeContext } from './types.ts';
import { createFailoverModel } from './model.ts';
import { PRESETS, findPreset } from './presets.ts';
import { DEFAULT_VARIANTS, VARIANTS } from './variants.ts';
import { failoverTimed } from './timed/entry.ts';
import { failoverMutants } from './mutants.ts';
import { prepareFailoverValidation } from './observe/prepare.ts';

export { createFailoverModel } from './model.ts';
export type { FailoverModel, FailoverModelOptions } from './model.ts';
export { PRESETS, findPreset } from './presets.ts';
export { VARIANTS, DEFAULT_VARIANTS, resolveVariants } from './variants.ts';
export type { VariantName, VariantSelection } from './variants.ts';
export type { FailoverConfig, NodeSpec } from './config.ts';
export { primaryMachine, replicaMachine, defaultMachines, provideBoth, TIMERS } from './machine.ts';
export type { FailoverMachines } from './machine.ts';
export { guards } from './guards.ts';
export { updates, messages } from './actions.ts';
export { PROPERTY } from './properties.ts';
export { valkeyFlagship } from './flagship.ts';
export { failoverMutants, implementationNames } from './mutants.ts';
export type { Ghost, JudgeFacts } from './ghost.ts';
export { judgeFacts } from './ghost.ts';
export { failoverMonitor } from './judges.ts';
export type { NodeContext, Header, Switches } from './types.ts';
export { NACK_REASON, NACK_REASON_NAME } from './types.ts';

/**
 * The `valkey-failover` catalog entry: the Valkey cluster replica-failover election with and
 * without FAILOVER_AUTH_NACK (reference: docs/protocol/valkey-failover.md).
 * `extras.primary` / `extras.replica` replace the node machines (e.g. a `provide()`d
 * deliberate bug). `constants` (`--set`) replace the preset's bounds `maxEpoch`,
 * `maxElections` and `maxDrops`. `create` is pure; it throws SV403 for an unknown preset or
 * variant or an invalid combination, SV404 for a maxEpoch at or below the preset's starting
 * epoch, naming what is allowed.
 */
export const valkeyFailover: ModelEntry = {
  name: 'valkey-failover',
  description: 'Valkey cluster replica-failover election, legacy and with FAILOVER_AUTH_NACK (XState actors, FIFO bus)',
  presets: PRESETS.map(({ name, description }) => ({ name, description })),
  variants: VARIANTS.map(({ name, description }) => ({ name, description })),
  defaultVariants: DEFAULT_VARIANTS,
  aliases: ['failover'],
  timed: failoverTimed,
  mutants: failoverMutants,
  validation: { prepare: prepareFailoverValidation },
  // `--set` maps onto the preset's bounds (config.ts); the ranges keep views and epochs small.
  constants: [
    { name: 'maxEpoch', description: 'states with a currentEpoch above this are outside the boundary (default: the preset\'s)', min: 1, max: 64 },
    { name: 'maxElections', description: 'elections per replica beyond which states are cut (default: the preset\'s)', min: 1, max: 16 },
    { name: 'maxDrops', description: 'messages the bus may drop, a fault budget (default: the preset\'s)', min: 0, max: 8 },
  ],
  create(request: ModelRequest) {
    const found = findPreset(request.preset);
    if (found === undefined) {
      throw splitvoteError('SV403', `unknown preset "${request.preset}" for model valkey-failover; presets: ${PRESETS.map((p) => p.name).join(', ')}`);
    }
    const preset = { ...found, ...request.constants };
    const extras = request.extras ?? {};
    const model = createFailoverModel(preset, {
      variants: request.variants,
      machines: { primary: extras.primary as AnyStateMachine | undefined, replica: extras.replica as AnyStateMachine | undefined },
    });
    const start = Math.max(...model.initStates()[0].actors.map((a) => (a.context as unknown as NodeContext).cur));
    if (preset.maxEpoch <= start) {
      throw splitvoteError('SV404', `maxEpoch=${preset.maxEpoch}: preset ${preset.name} starts at epoch ${start}, so no election fits under it; allowed: ${start + 1}..64`);
    }
    return model;
  },
};
