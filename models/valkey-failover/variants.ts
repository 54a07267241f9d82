import { splitvoteError } from '../../src/index.ts';
import type { Switches } from './types.ts';

/**
 * Protocol variants. Exactly one base protocol (`redis-7.0`, `valkey-legacy`, `nack-3833`,
 * `nack-4654`) plus any of the add-ons (`fix-4655`, `fix-4700`, `mixed`). The switches go
 * into each node's machine input, so `machine.provide()` replacements keep working.
 */
export const VARIANTS = [
  { name: 'redis-7.0', description: 'Redis 7.0.15 legacy protocol: voted_time rule, silent refusals, no resets, no NACK (§9)' },
  { name: 'valkey-legacy', description: 'Valkey unstable before #3833: UPDATE on stale config, resets, best-ranked start, no NACK' },
  { name: 'nack-3833', description: 'FAILOVER_AUTH_NACK as first merged: the candidate gates on the NACK header epoch (#4627 bug)' },
  { name: 'nack-4654', description: 'NACK echoes the request epoch and needs equality: the merged state (default)' },
  { name: 'fix-4655', description: 'PR #4655: ACK only while a request is outstanding; responders left out of size_fail' },
  { name: 'fix-4700', description: 'PR #4700: count only REQ_EPOCH_OLD, ALREADY_VOTED and STALE_CONFIG NACKs' },
  { name: 'mixed', description: "mixed-version cluster: the preset's legacy nodes neither send nor handle NACK" },
  {
    name: 'restart-loses-vote',
    description: 'deliberate bug: best-effort saving; a restart before the background save forgets the last vote (§12.3, §15.4)',
  },
  {
    name: 'bounded-delay',
    description: 'timing assumption, not a protocol change: no bus message is still in flight when auth_retry_time has passed',
  },
] as const;

/** A variant name. */
export type VariantName = (typeof VARIANTS)[number]['name'];

/** The default variant list. */
export const DEFAULT_VARIANTS: readonly VariantName[] = ['nack-4654'];

const BASES = ['redis-7.0', 'valkey-legacy', 'nack-3833', 'nack-4654'] as const;
type Base = (typeof BASES)[number];

/** A validated combination of variants. */
export interface VariantSelection {
  readonly base: Base;
  readonly fix4655: boolean;
  readonly fix4700: boolean;
  readonly mixed: boolean;
  /** Timing assumption: a retry never overtakes a message of the previous election. */
  readonly boundedDelay: boolean;
  /** Deliberate bug: a restart can lose a vote that was not saved yet. */
  readonly lossySave: boolean;
  /** Canonical label, e.g. `nack-4654,fix-4655`. */
  readonly label: string;
}

/**
 * Validates a variant list (`bounded-delay` is a timing assumption and `restart-loses-vote` a deliberate bug; both combine with all). No base given means `nack-4654`. Throws SV403 for an unknown
 * name, two bases, or an add-on that the base does not have (fix-4700 and mixed need NACK,
 * nothing combines with redis-7.0).
 */
export function resolveVariants(names: readonly string[]): VariantSelection {
  const known = new Set<string>(VARIANTS.map((v) => v.name));
  for (const name of names) {
    if (!known.has(name)) throw splitvoteError('SV403', `unknown variant "${name}"; variants are ${[...known].join(', ')}`);
  }
  const bases = BASES.filter((b) => names.includes(b));
  if (bases.length > 1) throw splitvoteError('SV403', `variants ${bases.join(' and ')} are alternative base protocols; pick one`);
  const base: Base = bases[0] ?? 'nack-4654';
  const fix4655 = names.includes('fix-4655');
  const fix4700 = names.includes('fix-4700');
  const mixed = names.includes('mixed');
  const boundedDelay = names.includes('bounded-delay');
  const lossySave = names.includes('restart-loses-vote');
  const nack = base === 'nack-3833' || base === 'nack-4654';
  if (base === 'redis-7.0' && (fix4655 || fix4700 || mixed)) {
    throw splitvoteError('SV403', 'redis-7.0 combines with no protocol add-on (only bounded-delay and restart-loses-vote); use valkey-legacy or a nack-* base');
  }
  if (!nack && (fix4700 || mixed)) throw splitvoteError('SV403', `${fix4700 ? 'fix-4700' : 'mixed'} needs a NACK base (nack-3833 or nack-4654)`);
  const label = [base, fix4655 ? 'fix-4655' : '', fix4700 ? 'fix-4700' : '', mixed ? 'mixed' : '', lossySave ? 'restart-loses-vote' : '', boundedDelay ? 'bounded-delay' : '']
    .filter((x) => x !== '')
    .join(',');
  return { base, fix4655, fix4700, mixed, boundedDelay, lossySave, label };
}

/** The switches of one node: `legacyNode` is true for the preset's old-version nodes under `mixed`. */
export function switchesFor(selection: VariantSelection, legacyNode: boolean, zeroDelay: boolean): Switches {
  const nackBase = selection.base === 'nack-3833' || selection.base === 'nack-4654';
  return {
    nack: nackBase && !(selection.mixed && legacyNode),
    nackEcho: selection.base === 'nack-4654',
    fix4655: selection.fix4655,
    fix4700: selection.fix4700,
    redis7: selection.base === 'redis-7.0',
    zeroDelay,
    lossySave: selection.lossySave,
  };
}
