import type { TableSpec } from '../../src/index.ts';
import { PROPERTY } from './properties.ts';

/**
 * The flagship verdict table (`splitvote table`): every protocol variant on the presets that
 * reproduce the known NACK bugs, untimed and with the `bounded-delay` timing assumption, then
 * the ACK carry-over counterexample (reference §8.3) through a NACK fast-fail. Every preset
 * here explores in seconds, so the whole table stays well under a minute.
 */
export const valkeyFlagship: TableSpec = {
  model: 'valkey-failover',
  title: 'Valkey replica-failover election: verdicts per protocol variant',
  presets: ['minimal', 'stale-nack', 'nack-then-fail', 'storm', 'stale-config'],
  variantSets: [
    ['redis-7.0'],
    ['valkey-legacy'],
    ['nack-3833'],
    ['nack-4654'],
    ['nack-4654', 'fix-4655'],
    ['nack-4654', 'fix-4700'],
    ['nack-4654', 'fix-4655', 'fix-4700'],
    ['nack-4654', 'mixed'],
    ['valkey-legacy', 'bounded-delay'],
    ['nack-4654', 'bounded-delay'],
    ['nack-4654', 'fix-4655', 'bounded-delay'],
  ],
  strategy: 'bfs',
  trace: { property: PROPERTY.S2, preset: 'minimal', variants: ['nack-4654', 'bounded-delay'] },
};
