import { splitvoteError } from '../core/errors.ts';
import type { AnyModel } from '../core/model.ts';
import type { ExploreResult, PropertyVerdict } from '../core/result.ts';
import { explore } from '../explore/explore.ts';
import { DEFAULTS, type Progress } from '../explore/options.ts';
import { quoted } from '../report/escape.ts';
import { findModel, resolveRequest, withConstants } from './catalog.ts';
import type { ModelEntry, ModelRequest, TableSpec } from './types.ts';

/** One row of a verdict table: a preset and variant set, and what the search found. */
export interface TableRow {
  readonly preset: string;
  readonly variants: readonly string[];
  /** The result without its state graph (a table keeps many results; graphs are large). */
  readonly result: ExploreResult<unknown, unknown>;
  readonly model: AnyModel;
}

/** A column of a verdict table: one property, with its short heading (`S1`, `P2`, `DL`). */
export interface TableColumn {
  readonly name: string;
  readonly kind: string;
  readonly short: string;
}

/** The outcome of {@link runTable}: data only; `formatTable` prints it. */
export interface TableOutcome {
  /** The spec as run: `trace.property` is the full property name, even when given as a column code. */
  readonly spec: TableSpec;
  readonly rows: readonly TableRow[];
  /** Every property of every row's model, in first-seen order. */
  readonly columns: readonly TableColumn[];
  /** The counterexample asked for by `spec.trace`, when some row has one. */
  readonly trace?: { readonly row: TableRow; readonly verdict: PropertyVerdict };
  /** Rows planned but not explored because the run was interrupted (`options.signal`); 0 otherwise. */
  readonly skipped: number;
}

/** Options of {@link runTable}. */
export interface RunTableOptions {
  /** Called when row `row` (0-based) of `rows` starts, and with its search's progress. */
  readonly onProgress?: (row: number, rows: number, label: string, progress: Progress | undefined) => void;
  /** When it is aborted, the current row's search stops and no further row starts. */
  readonly signal?: { readonly aborted: boolean };
}

/** The (preset, variants, constants) requests of a table, in row order. Throws SV403/SV404 for an unknown name or constant. */
export function tableRows(spec: TableSpec, entry: ModelEntry): ModelRequest[] {
  const presets = spec.presets ?? [entry.presets[0].name];
  const sets = spec.variantSets ?? (entry.variants.length === 0 ? [entry.defaultVariants] : entry.variants.map((v) => [v.name]));
  const out: ModelRequest[] = [];
  for (const preset of presets) {
    for (const variants of sets) out.push(withConstants(entry, resolveRequest(entry, preset, variants), spec.constants));
  }
  return out;
}

/**
 * The column heading of a property: its leading code when the name starts with one
 * (`S1 at most one promotion per epoch` -> `S1`), `DL` for the deadlock check, else `P<n>`.
 */
export function shortName(name: string, kind: string, index: number): string {
  const code = /^([A-Z]{1,3}\d{1,2})\b/.exec(name);
  if (code !== null) return code[1];
  return kind === 'deadlock' ? 'DL' : `P${index + 1}`;
}

/**
 * Explores every row of a verdict table in order and picks the counterexample to show.
 * Deterministic like the explorer. Before any search starts it builds every row's model
 * and throws SV403/SV404 for an unknown model, preset, variant or constant, and SV401 when
 * `spec.trace.property` (a name or a column code like `S2`) is no property of any row.
 */
export function runTable(spec: TableSpec, catalog: readonly ModelEntry[], options: RunTableOptions = {}): TableOutcome {
  const entry = findModel(catalog, spec.model);
  const planned = tableRows(spec, entry).map((request) => ({ request, model: entry.create(request) }));
  const columns = columnsOf(planned.map((p) => p.model), spec.options?.deadlock ?? DEFAULTS.deadlock);
  const resolved = resolveTraceProperty(spec, columns);
  const rows: TableRow[] = [];
  for (const [index, { request, model }] of planned.entries()) {
    if (options.signal?.aborted === true) break;
    const label = `${request.preset} ${request.variants.join(',') || '(no variant)'}`;
    options.onProgress?.(index, planned.length, label, undefined);
    const { graph: _graph, ...result } = explore(model, {
      ...spec.options,
      strategy: spec.strategy ?? DEFAULTS.strategy,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: (p: Progress) => options.onProgress!(index, planned.length, label, p) }),
    });
    rows.push({ preset: request.preset, variants: request.variants, result, model });
  }
  const trace = resolved.trace === undefined ? undefined : pickTrace(resolved.trace, rows);
  return { spec: resolved, rows, columns, skipped: planned.length - rows.length, ...(trace === undefined ? {} : { trace }) };
}

// Union of the properties of every model, in first-seen order; duplicate short codes get a suffix.
function columnsOf(models: readonly AnyModel[], deadlock: boolean): TableColumn[] {
  const columns: TableColumn[] = [];
  const used = new Set<string>();
  // The explorer reports deadlocks as one more verdict, after the model's properties.
  const extra = deadlock ? [{ name: 'no deadlock', kind: 'deadlock' }] : [];
  for (const model of models) {
    for (const property of [...model.properties, ...extra]) {
      if (columns.some((c) => c.name === property.name)) continue;
      const base = shortName(property.name, property.kind, columns.length);
      let short = base;
      for (let k = 2; used.has(short); k++) short = `${base}.${k}`;
      used.add(short);
      columns.push({ name: property.name, kind: property.kind, short });
    }
  }
  return columns;
}

function resolveTraceProperty(spec: TableSpec, columns: readonly TableColumn[]): TableSpec {
  if (spec.trace === undefined) return spec;
  const want = spec.trace.property;
  const column = columns.find((c) => c.name === want) ?? columns.find((c) => c.short === want);
  if (column === undefined) {
    throw splitvoteError('SV401', `trace property ${quoted(want)} (--trace) is no property of ${spec.model}; pass a name or a column code: ${columns.map((c) => `${c.short} (${c.name})`).join(', ')}`);
  }
  return { ...spec, trace: { ...spec.trace, property: column.name } };
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
  if (typeof value !== 'object' || value === null) bad('the value', 'an object { model, presets?, variantSets?, trace?, findings? }');
  const spec = value as Record<string, unknown>;
  if (typeof spec.model !== 'string') bad('model', 'a model name');
  const isNames = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (spec.presets !== undefined && !isNames(spec.presets)) bad('presets', 'an array of preset names');
  if (spec.variantSets !== undefined && !(Array.isArray(spec.variantSets) && spec.variantSets.every(isNames))) {
    bad('variantSets', 'an array of arrays of variant names');
  }
  if (spec.strategy !== undefined && !['bfs', 'dfs', 'simulate'].includes(spec.strategy as string)) bad('strategy', 'one of bfs, dfs, simulate');
  if (spec.trace !== undefined && typeof (spec.trace as { property?: unknown }).property !== 'string') bad('trace.property', 'a property name');
  if (spec.findings !== undefined) {
    if (!Array.isArray(spec.findings)) bad('findings', 'an array of { title, property, preset, has, fixedBy }');
    (spec.findings as Record<string, unknown>[]).forEach((f, i) => {
      const ok = typeof f === 'object' && f !== null && ['title', 'property', 'preset'].every((k) => typeof f[k] === 'string') && isNames(f.has) && isNames(f.fixedBy);
      if (!ok) bad(`findings[${i}]`, 'an object { title, property, preset, has: [variants], fixedBy: [variants] }');
    });
  }
  return value as TableSpec;
}
