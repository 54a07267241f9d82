import type { AnyStateMachine } from 'xstate';
import { splitvoteError } from '../../src/index.ts';
import type { ModelEntry, ModelRequest } from '../../src/index.ts';
import { createFailoverModel } from './model.ts';
import { PRESETS, findPreset } from './presets.ts';
import { DEFAULT_VARIANTS, VARIANTS } from './variants.ts';
import { failoverTimed } from './timed/entry.ts';

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
export type { Ghost } from './monitor.ts';
export type { NodeContext, Header, Switches } from './types.ts';
export { NACK_REASON, NACK_REASON_NAME } from './types.ts';

/**
 * The `valkey-failover` catalog entry: the Valkey cluster replica-failover election with and
 * without FAILOVER_AUTH_NACK (reference: docs/protocol/valkey-failover.md).
 * `extras.primary` / `extras.replica` replace the node machines (e.g. a `provide()`d
 * deliberate bug). `create` is pure; it throws SV403 for an unknown preset or variant or an
 * invalid combination, naming what is allowed.
 */
export const valkeyFailover: ModelEntry = {
  name: 'valkey-failover',
  description: 'Valkey cluster replica-failover election, legacy and with FAILOVER_AUTH_NACK (XState actors, FIFO bus)',
  presets: PRESETS.map(({ name, description }) => ({ name, description })),
  variants: VARIANTS.map(({ name, description }) => ({ name, description })),
  defaultVariants: DEFAULT_VARIANTS,
  aliases: ['failover'],
  timed: failoverTimed,
  create(request: ModelRequest) {
    const preset = findPreset(request.preset);
    if (preset === undefined) {
      throw splitvoteError('SV403', `unknown preset "${request.preset}" for model valkey-failover; presets: ${PRESETS.map((p) => p.name).join(', ')}`);
    }
    const extras = request.extras ?? {};
    return createFailoverModel(preset, {
      variants: request.variants,
      machines: { primary: extras.primary as AnyStateMachine | undefined, replica: extras.replica as AnyStateMachine | undefined },
    });
  },
};
