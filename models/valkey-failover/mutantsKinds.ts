import type { MutantEntry } from '../../src/index.ts';

/** A mutant of the failover model (extras: `{ primary, replica }` machines). */
export type FailoverMutant = MutantEntry;

/** Variant sets mutants run under (each a combination, see variants.ts). */
export const NACK: readonly string[] = ['nack-4654'];
export const NACK_FIX: readonly string[] = ['nack-4654', 'fix-4655'];
export const NACK_3833: readonly string[] = ['nack-3833'];
export const NACK_4700: readonly string[] = ['nack-4654', 'fix-4700'];
export const MIXED: readonly string[] = ['nack-4654', 'mixed'];
export const LEGACY: readonly string[] = ['valkey-legacy'];
export const REDIS: readonly string[] = ['redis-7.0'];

/** The default for a mutant that touches every protocol: the merged NACK protocol, with #4655 fixed, and legacy Valkey. */
export const STANDARD: readonly (readonly string[])[] = [NACK, NACK_FIX, LEGACY];
