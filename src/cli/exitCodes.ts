/**
 * The exit codes of `splitvote`, one place for the code, `--help` and docs/cli.md. A CI job
 * can trust them: 0 only when every property was decided and met its expectation.
 */
export const EXIT = {
  /** Every expectation met, every property decided. */
  ok: 0,
  /** A property failed (violated, or a witness never reached), a check drifted, a replayed counterexample still reproduces. */
  failed: 1,
  /** Usage or input error: the run did not start, or an output could not be written. */
  usage: 2,
  /** Nothing failed, but some verdict is `unknown` (a limit stopped the search); `--allow-unknown` turns this into 0. */
  unknown: 3,
  /** Interrupted by Ctrl-C (SIGINT): the partial result was printed. 128 + SIGINT, as shells report it. */
  interrupted: 130,
} as const;

/** The help text of the exit codes (`splitvote --help`). */
export const EXIT_CODES_HELP = `Exit codes:
  0    every expectation met and every property decided
  1    a property failed (violated, or a witness never reached), or a pinned check drifted
  2    usage or input error (unknown model, preset, variant or constant; bad flag value; bad file)
  3    nothing failed, but some verdict is unknown (a limit stopped the search); --allow-unknown gives 0
  130  interrupted by Ctrl-C: the partial result was printed, with what it covered`;

/**
 * The exit code of a finished run: `failed` when anything failed; else `unknown` when some
 * verdict is undecided (unless allowed); else `ok`. An interrupted run is always
 * `interrupted`, whatever it found, so a shell loop stops.
 */
export function exitCodeOf(outcome: { readonly failed: boolean; readonly unknown: boolean; readonly interrupted?: boolean }, allowUnknown = false): number {
  if (outcome.interrupted === true) return EXIT.interrupted;
  if (outcome.failed) return EXIT.failed;
  if (outcome.unknown && !allowUnknown) return EXIT.unknown;
  return EXIT.ok;
}
