/**
 * The one catalogue of programmer and input errors. Each has a stable code and a message
 * that says what to do. Property violations are never errors: they are results.
 *
 * Codes: SV1xx core and models, SV2xx explorer, SV3xx XState compiler, SV4xx input files
 * and flags (exit code 2 in the CLI), SV5xx checks.
 */
export const ERROR_CATALOGUE = {
  SV101: 'a state holds a value that has no canonical encoding; keep states to plain data (numbers, strings, booleans, arrays, plain objects, Map, Set)',
  SV102: 'unknown property; pass one of the model\'s property names',
  SV103: 'the model has no initial state; initStates() must return at least one state',
  SV201: 'replay diverged: the model is not deterministic. Check for Math.random, Date.now, or iteration over unordered input in actions() or next()',
  SV202: 'invalid explorer option',
  SV203: 'too many actions from one state for the trace encoding',
  SV301: 'the machine uses a feature the compiler does not support',
  SV302: 'the compiled machine and XState disagree',
  SV303: 'unknown guard or action implementation',
  SV304: 'invalid actor-system option or message: check the actor ids, the network settings and the `to` of every emitted event',
  SV305: 'the packed engine cannot hold this model: a table or channel outgrew its fixed numbering; bound the model, or explore with engine "object"',
  SV401: 'invalid command-line flag or argument',
  SV402: 'invalid input file',
  SV403: 'unknown model, preset or variant',
  SV404: 'invalid model constant: `splitvote list` shows the constants each model accepts and their ranges',
  SV501: 'invalid check definition',
} as const;

/** A stable error code from {@link ERROR_CATALOGUE}. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** An error raised by splitvote itself; `code` is stable, `hint` says what to do. */
export class SplitvoteError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  constructor(code: ErrorCode, detail: string) {
    super(`${code}: ${detail}. ${ERROR_CATALOGUE[code]}.`);
    this.name = 'SplitvoteError';
    this.code = code;
    this.hint = ERROR_CATALOGUE[code];
  }
}

/** Builds a {@link SplitvoteError}; `detail` names the field or value at fault. */
export function splitvoteError(code: ErrorCode, detail: string): SplitvoteError {
  return new SplitvoteError(code, detail);
}

/** True when `error` is an input or usage error (the CLI exits with code 2). */
export function isInputError(error: unknown): error is SplitvoteError {
  return error instanceof SplitvoteError && (error.code.startsWith('SV4') || error.code === 'SV202' || error.code === 'SV403' || error.code === 'SV501');
}
