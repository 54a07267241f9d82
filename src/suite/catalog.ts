import { splitvoteError } from '../core/errors.ts';
import { quoted } from '../report/escape.ts';
import type { ConstantEntry, ModelEntry, ModelRequest } from './types.ts';

/**
 * The entry named `name`. Throws SV403 listing the models there are, so a typo on the
 * command line or in a check says what it could have been.
 */
export function findModel(catalog: readonly ModelEntry[], name: string): ModelEntry {
  const entry = catalog.find((e) => e.name === name) ?? catalog.find((e) => e.aliases?.includes(name) === true);
  if (entry !== undefined) return entry;
  const names = catalog.map((e) => e.name);
  throw splitvoteError('SV403', `unknown model ${quoted(name)}; models: ${names.length === 0 ? '(the catalog is empty)' : names.join(', ')}`);
}

/** Where a preset and variants came from (`--preset`, a file's field), named in errors. */
export interface RequestSource {
  readonly preset: string;
  readonly variants: string;
}

/**
 * A complete model request: `preset` defaults to the entry's first preset and `variants` to
 * its default variants. Throws SV403 naming the unknown preset or variant and listing the
 * allowed ones, before the model factory runs (so every model reports it the same way).
 */
export function resolveRequest(entry: ModelEntry, preset?: string, variants?: readonly string[], via?: RequestSource): ModelRequest {
  const presetName = preset ?? entry.presets[0]?.name;
  if (presetName === undefined || !entry.presets.some((p) => p.name === presetName)) {
    throw splitvoteError('SV403', `unknown preset ${quoted(String(preset))} for model ${entry.name}${via === undefined ? '' : ` (${via.preset})`}; presets: ${entry.presets.map((p) => p.name).join(', ')}`);
  }
  const chosen = variants ?? entry.defaultVariants;
  const allowed = entry.variants.map((v) => v.name);
  for (const variant of chosen) {
    if (!allowed.includes(variant)) {
      const list = allowed.length === 0 ? `model ${entry.name} has no variants` : `variants: ${allowed.join(', ')}`;
      throw splitvoteError('SV403', `unknown variant ${quoted(variant)} for model ${entry.name}${via === undefined ? '' : ` (${via.variants})`}; ${list}`);
    }
  }
  return { preset: presetName, variants: [...chosen] };
}

/**
 * `request` with model constants set on top of its preset (`--set NAME=VALUE`). Throws
 * SV404 naming `via` (the flag or field they came from) for a name the entry does not
 * declare or a value outside its declared range, listing what is allowed. An empty
 * `constants` returns `request` unchanged.
 */
export function withConstants(entry: ModelEntry, request: ModelRequest, constants: Readonly<Record<string, number>> | undefined, via = '--set'): ModelRequest {
  const names = Object.keys(constants ?? {});
  if (constants === undefined || names.length === 0) return request;
  const declared = entry.constants ?? [];
  for (const name of names) {
    const constant = declared.find((c) => c.name === name);
    const value = constants[name];
    if (constant === undefined) {
      const list = declared.length === 0 ? `model ${entry.name} has no constants` : `constants: ${declared.map(rangeText).join(', ')}`;
      throw splitvoteError('SV404', `${via} ${quoted(name)}: unknown constant for model ${entry.name}; ${list}`);
    }
    if (!Number.isInteger(value) || value < constant.min || value > constant.max) {
      throw splitvoteError('SV404', `${via} ${name}=${String(value)}: out of range for model ${entry.name}; allowed: ${rangeText(constant)}`);
    }
  }
  return { ...request, constants: { ...request.constants, ...constants } };
}

/** `maxEpoch 1..64`: a constant and its range, as errors and `splitvote list` print it. */
export function rangeText(constant: ConstantEntry): string {
  return `${constant.name} ${constant.min}..${constant.max}`;
}

/**
 * Checks that a module's `catalog` export has the shape of `ModelEntry[]`. Throws SV402
 * naming the source file and the field at fault (`catalog[1].presets`).
 */
export function validateCatalog(value: unknown, source: string): ModelEntry[] {
  const bad = (field: string, allowed: string): never => {
    throw splitvoteError('SV402', `${source}: ${field} must be ${allowed}`);
  };
  if (!Array.isArray(value)) bad('the export `catalog`', 'an array of model entries (export const catalog: ModelEntry[] = [...])');
  const entries = value as unknown[];
  const seen = new Set<string>();
  entries.forEach((item, i) => {
    const at = `catalog[${i}]`;
    if (typeof item !== 'object' || item === null) bad(at, 'an object');
    const entry = item as Record<string, unknown>;
    if (typeof entry.name !== 'string' || entry.name === '') bad(`${at}.name`, 'a non-empty string');
    if (seen.has(entry.name as string)) bad(`${at}.name`, `unique, and "${String(entry.name)}" appears twice`);
    seen.add(entry.name as string);
    if (typeof entry.create !== 'function') bad(`${at}.create`, 'a function (request) => Model');
    if (!isNamedList(entry.presets) || (entry.presets as unknown[]).length === 0) bad(`${at}.presets`, 'a non-empty array of { name, description }');
    if (!isNamedList(entry.variants)) bad(`${at}.variants`, 'an array of { name, description } ([] when the model has none)');
    if (!Array.isArray(entry.defaultVariants) || !entry.defaultVariants.every((v) => typeof v === 'string')) bad(`${at}.defaultVariants`, 'an array of variant names');
    if (entry.aliases !== undefined && !(Array.isArray(entry.aliases) && entry.aliases.every((a) => typeof a === 'string' && a !== ''))) bad(`${at}.aliases`, 'an array of non-empty names');
    const constants = entry.constants;
    if (constants !== undefined && !(isNamedList(constants) && (constants as Record<string, unknown>[]).every((c) => Number.isInteger(c.min) && Number.isInteger(c.max) && (c.min as number) <= (c.max as number)))) {
      bad(`${at}.constants`, 'an array of { name, description, min, max } with integers min <= max');
    }
    const timed = entry.timed as Record<string, unknown> | undefined;
    if (timed !== undefined && (typeof timed !== 'object' || timed === null || typeof timed.simulate !== 'function' || !Array.isArray(timed.defaultVariants))) {
      bad(`${at}.timed`, 'an object { defaultVariants, simulate(request), extremes?(request) }');
    }
    if (entry.mutants !== undefined) validateMutants(entry.mutants, `${at}.mutants`, bad);
  });
  return entries as ModelEntry[];
}

function validateMutants(value: unknown, at: string, bad: (field: string, allowed: string) => never): void {
  if (typeof value !== 'object' || value === null) bad(at, 'an object { presets, maxStates, mutants, targets?, pinsFile? }');
  const suite = value as Record<string, unknown>;
  const isPreset = (p: unknown) => typeof p === 'string' || (typeof p === 'object' && p !== null && typeof (p as { name?: unknown }).name === 'string');
  if (!Array.isArray(suite.presets) || suite.presets.length === 0 || !suite.presets.every(isPreset)) bad(`${at}.presets`, 'a non-empty array of preset names (or { name, constants })');
  if (!Number.isInteger(suite.maxStates) || (suite.maxStates as number) < 1) bad(`${at}.maxStates`, 'a whole number >= 1');
  if (!Array.isArray(suite.mutants)) bad(`${at}.mutants`, 'an array of { name, kind, replaces, description, extras() }');
  const seen = new Set<string>();
  (suite.mutants as unknown[]).forEach((item, i) => {
    const m = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const where = `${at}.mutants[${i}]`;
    if (typeof m.name !== 'string' || m.name === '' || seen.has(m.name)) bad(`${where}.name`, 'a unique non-empty string');
    seen.add(m.name as string);
    if (m.kind !== 'guard' && m.kind !== 'action') bad(`${where}.kind`, '"guard" or "action"');
    if (typeof m.replaces !== 'string' || typeof m.description !== 'string') bad(`${where}`, 'an object with string replaces and description');
    if (typeof m.extras !== 'function') bad(`${where}.extras`, 'a function () => request extras');
  });
}

function isNamedList(value: unknown): boolean {
  return Array.isArray(value) && value.every((p) => typeof p === 'object' && p !== null && typeof (p as { name?: unknown }).name === 'string');
}
