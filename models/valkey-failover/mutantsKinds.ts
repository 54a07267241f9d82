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

/** Presets for redis-7.0 mutants: nack-then-fail and split-vote are too large under redis-7.0 for a CI run. */
export const REDIS_PRESETS: MutantEntry['presets'] = ['stale-nack', 'stale-config', 'storm', 'lossy', { name: 'siblings', constants: { maxEpoch: 4 } }, 'minimal'];

/**
 * The suite's presets, smallest first; siblings and split-vote have two candidates (the only
 * ones where a voter sees two requests of one epoch), with maxEpoch lowered so they stay small.
 */
export const SUITE_PRESETS: NonNullable<MutantEntry['presets']> = [
  'stale-nack',
  'stale-config',
  'storm',
  'lossy',
  { name: 'siblings', constants: { maxEpoch: 4 } },
  'nack-then-fail',
  'minimal',
  { name: 'split-vote', constants: { maxEpoch: 6 } },
];

/**
 * The presets of the pause, FAIL-report, restart and slack behaviours (§15): the only ones
 * where those guards and actions run, so their mutants (and survivors whose plan named them)
 * run there; each is small (at most about 30,000 states).
 */
export const FAULT_PRESETS = {
  pause: ['pause-resume'],
  failReport: ['fail-report', 'fail-after-ack'],
  restart: ['restart'],
  slack: ['slack'],
} as const satisfies Record<string, NonNullable<MutantEntry['presets']>>;

/** Variants with the deliberate best-effort-saving bug, the only ones that offer SAVE_CONFIG (§12.3). */
export const LOSSY_SAVE: readonly string[] = ['nack-4654', 'restart-loses-vote'];

/** The default for a mutant that touches every protocol: the merged NACK protocol, with #4655 fixed, and legacy Valkey. */
export const STANDARD: readonly (readonly string[])[] = [NACK, NACK_FIX, LEGACY];

/**
 * The open plans a surviving mutant's gap points to (issue 8 of the tracker): what would
 * catch it, in one sentence each, so the docs say the same thing for every survivor of a kind.
 */
export const PLAN = {
  canStillWin:
    'L1 counts a replica at its election bound as recovered (and excuses a majority of primaries down), so a model in which nobody can ever win passes it; L2 ("every failed shard gets a primary in some behaviour") does fail there, but it is a `sometimes` property and the mutation run judges only always, recoverable and deadlock properties (an unreached witness never counts, by design); plan: let the run count a `sometimes` property that the unmodified model witnesses and the mutant does not (issue 8 §5).',
  slots:
    'L3 (slot ownership converges) still holds: the claims reach every live node and the higher configEpoch still wins in the end; what the bug changes is how a node acts before it learns that, which no property reads; plan: a property that a node deposed by a newer claim neither votes nor keeps an election for the old shard (issue 8 §5).',
  livePrimary:
    'S8 (no takeover of a primary that is up) now judges this, but in every preset where a requester\'s primary is up the request is forced (nack-then-fail, fail-report, fail-after-ack: CLUSTER FAILOVER FORCE), which S8 exempts, and elsewhere the primary really is down; plan: a preset where a replica of a live primary requests without FORCEACK.',
  fastFailDue:
    'S7 judges a fast-fail that is due, but only from epoch-fixable NACKs and the FAIL of primaries down from the start; plan: a preset with slack whose refusals are epoch-fixable.',
  faultRemoved:
    'the bug makes a fault do nothing, which only removes behaviours: no safety property can fail on fewer behaviours; plan: count, per fault, a witness that the fault changed an outcome in the mutation report (a witness does not catch today by design).',
  manual:
    'W5 (a manual failover takes over a primary that is up) goes unwitnessed, but witnesses never catch in the mutation run by design; plan: a liveness property that a manual (FORCE) failover eventually succeeds, judged on the presets with a FORCE budget.',
} as const;
