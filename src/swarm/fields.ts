import { splitvoteError } from '../core/errors.ts';
import { formatValue } from '../report/formatValue.ts';

/**
 * Reads fields of a parsed JSON document, each check naming the file, the field's path
 * (`search.maxDepth`, `start[3].path`), what is allowed and what was there (escaped, cut
 * short). Every failure throws SV402 (exit code 2 in the CLI).
 */
export class Fields {
  constructor(readonly source: string) {}

  /** Parses JSON text into an object, or throws naming the file. */
  parse(text: string, what: string): Record<string, unknown> {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw splitvoteError('SV402', `${this.source} is not JSON (${(error as Error).message}); expected ${what}`);
    }
    return this.object(data, '(the document)');
  }

  fail(path: string, allowed: string, got: unknown, present = true): never {
    throw splitvoteError('SV402', `${this.source}: field "${path}" must be ${allowed}, got ${present ? describe(got) : 'nothing (the field is missing)'}`);
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, 'a JSON object', value);
    return value as Record<string, unknown>;
  }

  /** The field `key` of `obj` at `path`, run through `check`; `optional` fields may be absent. */
  field<T>(obj: Record<string, unknown>, path: string, key: string, check: (value: unknown, path: string) => T): T {
    const at = path === '' ? key : `${path}.${key}`;
    if (!(key in obj)) this.fail(at, 'present', undefined, false);
    return check(obj[key], at);
  }

  optional<T>(obj: Record<string, unknown>, path: string, key: string, check: (value: unknown, path: string) => T): T | undefined {
    return obj[key] === undefined ? undefined : this.field(obj, path, key, check);
  }

  readonly string = (value: unknown, path: string): string => (typeof value === 'string' && value !== '' ? value : this.fail(path, 'a non-empty string', value));
  readonly boolean = (value: unknown, path: string): boolean => (typeof value === 'boolean' ? value : this.fail(path, 'true or false', value));
  readonly index = (value: unknown, path: string): number => (Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : this.fail(path, 'a whole number >= 0', value));
  readonly count = (value: unknown, path: string): number => (Number.isSafeInteger(value) && (value as number) >= 1 ? (value as number) : this.fail(path, 'a whole number >= 1', value));
  readonly integer = (value: unknown, path: string): number => (Number.isSafeInteger(value) ? (value as number) : this.fail(path, 'an integer', value));
  readonly seconds = (value: unknown, path: string): number => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : this.fail(path, 'a number of seconds >= 0', value));
  readonly positive = (value: unknown, path: string): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : this.fail(path, 'a number > 0', value));

  oneOf<T extends string>(allowed: readonly T[]): (value: unknown, path: string) => T {
    return (value, path) => (allowed.includes(value as T) ? (value as T) : this.fail(path, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`, value));
  }

  exactly<T>(expected: T): (value: unknown, path: string) => T {
    return (value, path) => (value === expected ? expected : this.fail(path, JSON.stringify(expected), value));
  }

  array<T>(item: (value: unknown, path: string) => T): (value: unknown, path: string) => T[] {
    return (value, path) => {
      if (!Array.isArray(value)) this.fail(path, 'an array', value);
      return (value as unknown[]).map((v, i) => item(v, `${path}[${i}]`));
    };
  }

  /** A fingerprint written as 16 hex digits. */
  readonly hex16 = (value: unknown, path: string): string => (typeof value === 'string' && /^[0-9a-f]{16}$/.test(value) ? value : this.fail(path, 'a fingerprint of 16 lowercase hex digits', value));
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  return formatValue(value, { maxLength: 60 });
}
