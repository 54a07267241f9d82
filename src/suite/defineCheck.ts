import { splitvoteError } from '../core/errors.ts';
import type { CheckDefinition } from './types.ts';

const STATUSES = ['holds', 'violated', 'witnessed', 'not-witnessed', 'unknown'];
const STRATEGIES = ['bfs', 'dfs', 'simulate'];

/**
 * Declares a regression check: returns `check` unchanged after validating it, so a check
 * file gets type checking and a mistake fails when the file loads, not in the middle of
 * a CI run. Throws SV501 naming the check and the field at fault.
 *
 * @example
 * export const check = defineCheck({
 *   name: 'two-phase-commit', description: 'every RM agrees', model: 'two-phase-commit',
 *   preset: 'three', expect: { 'all RMs agree': 'holds' }, states: 288, transitions: 1_032,
 * });
 */
export function defineCheck(check: CheckDefinition): CheckDefinition {
  validateCheck(check, 'defineCheck');
  return check;
}

/**
 * Validates a value that should be a {@link CheckDefinition} (a check file's export).
 * Throws SV501 naming `source`, the check and the field, the bad value and what is allowed.
 */
export function validateCheck(value: unknown, source: string): asserts value is CheckDefinition {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw splitvoteError('SV501', `${source}: a check must be an object (use defineCheck({ ... }))`);
  }
  const check = value as Record<string, unknown>;
  const name = typeof check.name === 'string' ? check.name : '(unnamed)';
  const bad = (field: string, allowed: string): never => {
    throw splitvoteError('SV501', `${source}: check "${name}": field "${field}" must be ${allowed}, got ${show(check[field])}`);
  };
  for (const field of ['name', 'description', 'model', 'preset'] as const) {
    if (typeof check[field] !== 'string' || check[field] === '') bad(field, 'a non-empty string');
  }
  if (check.variants !== undefined && !(Array.isArray(check.variants) && check.variants.every((v) => typeof v === 'string'))) {
    bad('variants', 'an array of variant names');
  }
  if (check.constants !== undefined && !(typeof check.constants === 'object' && check.constants !== null && !Array.isArray(check.constants) && Object.values(check.constants).every((v) => Number.isSafeInteger(v)))) {
    bad('constants', 'an object of integer model constants by name, like { maxEpoch: 9 }');
  }
  if (check.strategy !== undefined && !STRATEGIES.includes(check.strategy as string)) bad('strategy', `one of ${STRATEGIES.join(', ')}`);
  if (check.options !== undefined && (typeof check.options !== 'object' || check.options === null)) bad('options', 'an object of explorer options');
  if (typeof check.expect !== 'object' || check.expect === null || Array.isArray(check.expect) || Object.keys(check.expect).length === 0) {
    bad('expect', 'an object { "<property name>": status } with at least one property');
  }
  for (const [property, status] of Object.entries(check.expect as object)) {
    if (!STATUSES.includes(status as string)) {
      throw splitvoteError('SV501', `${source}: check "${name}": expect["${property}"] must be one of ${STATUSES.join(', ')}, got ${show(status)}`);
    }
  }
  for (const field of ['states', 'transitions'] as const) {
    const count = check[field];
    if (count !== undefined && !(typeof count === 'number' && Number.isInteger(count) && count >= 0)) bad(field, 'an integer >= 0');
  }
  if (check.traces !== undefined) {
    if (typeof check.traces !== 'object' || check.traces === null) bad('traces', 'an object { "<property name>": ["action label", ...] }');
    for (const [property, labels] of Object.entries(check.traces as object)) {
      if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) {
        throw splitvoteError('SV501', `${source}: check "${name}": traces["${property}"] must be an array of action labels (strings)`);
      }
    }
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
