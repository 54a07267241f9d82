import { splitvoteError } from '../core/errors.ts';
import type { ModelEntry, ModelRequest } from './types.ts';

/**
 * The entry named `name`. Throws SV403 listing the models there are, so a typo on the
 * command line or in a check says what it could have been.
 */
export function findModel(catalog: readonly ModelEntry[], name: string): ModelEntry {
  const entry = catalog.find((e) => e.name === name) ?? catalog.find((e) => e.aliases?.includes(name) === true);
  if (entry !== undefined) return entry;
  const names = catalog.map((e) => e.name);
  throw splitvoteError('SV403', `unknown model "${name}"; models: ${names.length === 0 ? '(the catalog is empty)' : names.join(', ')}`);
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
    throw splitvoteError('SV403', `unknown preset "${String(preset)}" for model ${entry.name}${via === undefined ? '' : ` (${via.preset})`}; presets: ${entry.presets.map((p) => p.name).join(', ')}`);
  }
  const chosen = variants ?? entry.defaultVariants;
  const allowed = entry.variants.map((v) => v.name);
  for (const variant of chosen) {
    if (!allowed.includes(variant)) {
      const list = allowed.length === 0 ? `model ${entry.name} has no variants` : `variants: ${allowed.join(', ')}`;
      throw splitvoteError('SV403', `unknown variant "${variant}" for model ${entry.name}${via === undefined ? '' : ` (${via.variants})`}; ${list}`);
    }
  }
  return { preset: presetName, variants: [...chosen] };
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
    const timed = entry.timed as Record<string, unknown> | undefined;
    if (timed !== undefined && (typeof timed !== 'object' || timed === null || typeof timed.simulate !== 'function' || !Array.isArray(timed.defaultVariants))) {
      bad(`${at}.timed`, 'an object { defaultVariants, simulate(request), extremes?(request) }');
    }
  });
  return entries as ModelEntry[];
}

function isNamedList(value: unknown): boolean {
  return Array.isArray(value) && value.every((p) => typeof p === 'object' && p !== null && typeof (p as { name?: unknown }).name === 'string');
}
