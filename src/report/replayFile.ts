import { splitvoteError } from '../core/errors.ts';
import type { PropertyKind } from '../core/property.ts';
import { formatValue } from './formatValue.ts';

/** The value of `kind` that marks a splitvote replay file. */
export const REPLAY_FILE_KIND = 'splitvote-trace';

/**
 * A counterexample saved by `splitvote check --save-trace FILE` and read back by
 * `splitvote replay FILE`: enough to rebuild the model and replay the trace, nothing more
 * (states are rebuilt by replay, so the file stays small and exact).
 */
export interface ReplayFile {
  readonly schema: 1;
  readonly kind: typeof REPLAY_FILE_KIND;
  readonly model: string;
  readonly preset: string;
  readonly variants: readonly string[];
  /** Optional: model constants set on top of the preset (`--set`), by name. */
  readonly constants?: Readonly<Record<string, number>>;
  /** The property the trace breaks (or witnesses). */
  readonly property: string;
  /** Index of the initial state in `model.initStates()`. */
  readonly init: number;
  /** Index of each action in the deterministic list `model.actions(state)`. */
  readonly path: readonly number[];
  /** Optional: the property's kind; `deadlock` marks a deadlock trace. */
  readonly propertyKind?: PropertyKind | 'deadlock';
  /** Optional: for a lasso, the step the loop returns to. */
  readonly loopsTo?: number;
}

const KINDS = ['always', 'sometimes', 'eventually', 'recoverable', 'deadlock'];

/**
 * Parses and validates a replay file. Throws SV402 naming `source`, the field, the bad
 * value and what is allowed: bad JSON, a missing field, a wrong type, an unknown `kind` or
 * `schema`. Unknown extra fields are ignored (newer writers may add documented extras).
 */
export function parseReplayFile(text: string, source: string): ReplayFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw splitvoteError('SV402', `${source} is not JSON (${(error as Error).message}); a replay file is the JSON document written by \`splitvote check --save-trace FILE\``);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw splitvoteError('SV402', `${source} must hold a JSON object, got ${describe(data)}`);
  }
  const file = data as Record<string, unknown>;
  const bad = (field: string, allowed: string): never => {
    const got = field in file ? describe(file[field]) : 'nothing (the field is missing)';
    throw splitvoteError('SV402', `${source}: field "${field}" must be ${allowed}, got ${got}`);
  };
  if (file.schema !== 1) bad('schema', '1');
  if (file.kind !== REPLAY_FILE_KIND) bad('kind', `"${REPLAY_FILE_KIND}"`);
  for (const field of ['model', 'preset', 'property'] as const) {
    if (typeof file[field] !== 'string' || file[field] === '') bad(field, 'a non-empty string');
  }
  if (!Array.isArray(file.variants) || !file.variants.every((v) => typeof v === 'string' && v !== '')) {
    bad('variants', 'an array of variant names (strings), [] for none');
  }
  const constants = file.constants;
  if (constants !== undefined && !(typeof constants === 'object' && constants !== null && !Array.isArray(constants) && Object.values(constants).every((v) => Number.isSafeInteger(v)))) {
    bad('constants', 'an object of integer constants by name, like {"maxEpoch": 9}');
  }
  if (!isIndex(file.init)) bad('init', 'an integer >= 0 (the index of the initial state)');
  if (!Array.isArray(file.path) || !file.path.every(isIndex)) bad('path', 'an array of integers >= 0 (action indices)');
  if (file.propertyKind !== undefined && !KINDS.includes(file.propertyKind as string)) bad('propertyKind', `one of ${KINDS.join(', ')}`);
  if (file.loopsTo !== undefined && (!isIndex(file.loopsTo) || (file.loopsTo as number) > (file.path as unknown[]).length)) {
    bad('loopsTo', 'an integer between 0 and the number of steps');
  }
  return {
    schema: 1,
    kind: REPLAY_FILE_KIND,
    model: file.model as string,
    preset: file.preset as string,
    variants: [...(file.variants as string[])],
    ...(constants === undefined ? {} : { constants: { ...(constants as Record<string, number>) } }),
    property: file.property as string,
    init: file.init as number,
    path: [...(file.path as number[])],
    ...(file.propertyKind === undefined ? {} : { propertyKind: file.propertyKind as ReplayFile['propertyKind'] }),
    ...(file.loopsTo === undefined ? {} : { loopsTo: file.loopsTo as number }),
  };
}

/** The text of a replay file: one field per line, the path on one line, newline-terminated. Pure. */
export function formatReplayFile(file: ReplayFile): string {
  // Every value is a string, a number, a flat array or a flat object, so each field fits on one line.
  const fields = Object.entries(file).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `{\n${fields.join(',\n')}\n}\n`;
}

function isIndex(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function describe(value: unknown): string {
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  return `${kind} ${formatValue(value, { maxLength: 60 })}`;
}
