import { splitvoteError } from '../core/errors.ts';
import type { AnyModel } from '../core/model.ts';
import type { ExploreResult, PropertyVerdict } from '../core/result.ts';
import { explore } from '../explore/explore.ts';
import { DEFAULTS, type Progress } from '../explore/options.ts';
import { findModel, resolveRequest } from './catalog.ts';
import type { ModelEntry, TableSpec } from './types.ts';

/** One row of a verdict table: a preset and variant set, and what the search found. */
export interface TableRow {
  readonly preset: string;
  readonly variants: readonly string[];
  /** The result without its state graph (a table keeps many results; graphs are large). */
  readonly result: ExploreResult<unknown, unknown>;
  readonly model: AnyModel;
}

/** The outcome of {@link runTable}: data only; `formatTable` prints it. */
export interface TableOutcome {
  readonly spec: TableSpec;
  readonly rows: readonly TableRow[];
  /** The counterexample asked for by `spec.trace`, when some row has one. */
  readonly trace?: { readonly row: TableRow; readonly verdict: PropertyVerdict };
}

/** Options of {@link runTable}. */
export interface RunTableOptions {
  /** Called when row `row` (0-based) of `rows` starts, and with its search's progress. */
  readonly onProgress?: (row: number, rows: number, label: string, progress: Progress | undefined) => void;
}

/** The (preset, variants) pairs of a table, in row order. Throws SV403 for an unknown name. */
export function tableRows(spec: TableSpec, entry: ModelEntry): { preset: string; variants: readonly string[] }[] {
  const presets = spec.presets ?? [entry.presets[0].name];
  const sets = spec.variantSets ?? (entry.variants.length === 0 ? [entry.defaultVariants] : entry.variants.map((v) => [v.name]));
  const out: { preset: string; variants: readonly string[] }[] = [];
  for (const preset of presets) {
    for (const variants of sets) out.push(resolveRequest(entry, preset, variants));
  }
  return out;
}

/**
 * Explores every row of a verdict table in order and picks the counterexample to show.
 * Deterministic like the explorer. Throws SV403 for an unknown model, preset or variant
 * before any search starts.
 */
export function runTable(spec: TableSpec, catalog: readonly ModelEntry[], options: RunTableOptions = {}): TableOutcome {
  const entry = findModel(catalog, spec.model);
  const requests = tableRows(spec, entry);
  const rows: TableRow[] = [];
  requests.forEach((request, index) => {
    const label = `${request.preset} ${request.variants.join(',') || '(no variant)'}`;
    options.onProgress?.(index, requests.length, label, undefined);
    const model = entry.create(request);
    const { graph: _graph, ...result } = explore(model, {
      ...spec.options,
      strategy: spec.strategy ?? DEFAULTS.strategy,
      ...(options.onProgress === undefined ? {} : { onProgress: (p: Progress) => options.onProgress!(index, requests.length, label, p) }),
    });
    rows.push({ preset: request.preset, variants: request.variants, result, model });
  });
  const trace = spec.trace === undefined ? undefined : pickTrace(spec.trace, rows);
  return trace === undefined ? { spec, rows } : { spec, rows, trace };
}

function pickTrace(want: NonNullable<TableSpec['trace']>, rows: readonly TableRow[]): TableOutcome['trace'] {
  for (const row of rows) {
    if (want.preset !== undefined && row.preset !== want.preset) continue;
    if (want.variants !== undefined && want.variants.join(',') !== row.variants.join(',')) continue;
    const verdict = row.result.properties.find((v) => v.name === want.property && v.status === 'violated' && v.trace !== undefined);
    if (verdict !== undefined) return { row, verdict };
  }
  return undefined;
}

/** Validates a `flagship` export or a table spec from the command line. Throws SV402 naming the field. */
export function validateTableSpec(value: unknown, source: string): TableSpec {
  const bad = (field: string, allowed: string): never => {
    throw splitvoteError('SV402', `${source}: ${field} must be ${allowed}`);
  };
  if (typeof value !== 'object' || value === null) bad('the value', 'an object { model, presets?, variantSets?, trace? }');
  const spec = value as Record<string, unknown>;
  if (typeof spec.model !== 'string') bad('model', 'a model name');
  const isNames = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (spec.presets !== undefined && !isNames(spec.presets)) bad('presets', 'an array of preset names');
  if (spec.variantSets !== undefined && !(Array.isArray(spec.variantSets) && spec.variantSets.every(isNames))) {
    bad('variantSets', 'an array of arrays of variant names');
  }
  if (spec.strategy !== undefined && !['bfs', 'dfs', 'simulate'].includes(spec.strategy as string)) bad('strategy', 'one of bfs, dfs, simulate');
  if (spec.trace !== undefined && typeof (spec.trace as { property?: unknown }).property !== 'string') bad('trace.property', 'a property name');
  return value as TableSpec;
}
