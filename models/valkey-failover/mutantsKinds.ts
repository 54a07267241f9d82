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
export const REDIS_PRESETS: MutantEntry['presets'] = ['stale-nack', 'stale-config', 'storm', 'lossy', { name: 'siblings', constants: { maxEpoch: 4 } }, { name: 'minimal', constants: { maxEpoch: 6 } }];

/** The default for a mutant that touches every protocol: the merged NACK protocol, with #4655 fixed, and legacy Valkey. */
export const STANDARD: readonly (readonly string[])[] = [NACK, NACK_FIX, LEGACY];

/**
 * The open plans a surviving mutant's gap points to (issue 8 of the tracker): what would
 * catch it, in one sentence each, so the docs say the same thing for every survivor of a kind.
 */
export const PLAN = {
  canStillWin:
    'L1 counts a replica at its election bound as recovered, so a model in which nobody can ever win passes it; plan: a liveness property "some replica can still win" (issue 8 §5, being written by the judges work).',
  slots:
    'nothing checks what happens after a promotion; plan: "slot ownership converges: the winner\'s configEpoch beats the previous owner\'s everywhere" (issue 8 §5, judges work).',
  livePrimary:
    'no property says a replica must not take over a primary that is alive and not failed; plan: that property (issue 8 §5, judges work), and a preset where a voter refuses or forgets a primary that is alive.',
  fastFailDue:
    'S4 checks only that a fast-fail is not premature; plan: "a fast-fail happens when quorum is really out of reach" (issue 8 §5, judges work).',
  environment:
    'the environment offers HANDLE_FAILOVER in waiting only when authCount >= quorum, repeating this guard, so the replaced guard never runs (issue 8 §1); plan: offer the event and let the guard decide (behaviours work).',
  slack:
    'every preset that allows a retry has size - size_fail - 1 < quorum, so the first counted NACK already fast-fails and counting it twice changes nothing (issue 8 §4); plan: a preset with slack.',
  thirdPartyFail:
    'a voter is marked FAIL only by a message queued behind its own replies on the same FIFO link, so the candidate always counts a NACK before it learns the FAIL (issue 8 §3); plan: FAIL learned from third-party failure reports (behaviours work).',
  faultRemoved:
    'the bug makes a fault do nothing, which only removes behaviours: no safety property can fail on fewer behaviours; plan: count, per fault, a witness that the fault changed an outcome in the mutation report (a witness does not catch today by design).',
  manual:
    'no property says that a manual (FORCE) failover eventually succeeds; plan: that liveness property for the nack-then-fail preset.',
} as const;
