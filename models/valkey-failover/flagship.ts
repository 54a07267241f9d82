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
  // The known bugs (protocol reference §8), each with the row that has it and the row that fixes it.
  findings: [
    { title: '#4627 stale NACK: a late REQ_EPOCH_OLD NACK of an older election fast-fails a newer one', property: PROPERTY.S4, preset: 'stale-nack', has: ['nack-3833'], fixedBy: ['nack-4654'] },
    { title: '#4626 double subtraction: a voter that NACKs and is then marked FAIL is subtracted twice', property: PROPERTY.S4, preset: 'nack-then-fail', has: ['nack-4654'], fixedBy: ['nack-4654', 'fix-4655'] },
    { title: 'ACK carry-over (#4655 review): ACKs of an abandoned election count toward the next', property: PROPERTY.S2, preset: 'minimal', has: ['nack-4654'], fixedBy: ['nack-4654', 'fix-4655'] },
    { title: '#4700 NACK storm: persistent-reason NACKs start a new election every round', property: PROPERTY.S6, preset: 'storm', has: ['nack-4654'], fixedBy: ['nack-4654', 'fix-4700'] },
  ],
  trace: { property: PROPERTY.S2, preset: 'minimal', variants: ['nack-4654', 'bounded-delay'] },
};
