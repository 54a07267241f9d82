import type { PropertyStatus } from '../core/result.ts';
import type { TableOutcome } from '../suite/runTable.ts';
import { formatCount } from './formatResult.ts';
import { formatTrace, stateView } from './formatTrace.ts';

const CELL: Readonly<Record<PropertyStatus, string>> = {
  holds: '✓',
  witnessed: '✓',
  violated: '✗',
  'not-witnessed': '✗',
  unknown: '?',
};

/**
 * The column heading of a property: its leading code when the name starts with one
 * (`S1 at most one promotion per epoch` -> `S1`), `DL` for the deadlock check, else `P<n>`.
 */
export function shortName(name: string, kind: string, index: number): string {
  const code = /^([A-Z]{1,3}\d{1,2})\b/.exec(name);
  if (code !== null) return code[1];
  return kind === 'deadlock' ? 'DL' : `P${index + 1}`;
}

/** Options of {@link formatTable}. */
export interface FormatTableOptions {
  /** The reproduce command printed under the counterexample. */
  readonly reproduce?: string;
}

/**
 * A verdict table as text: one row per (preset, variant set), one column per property
 * (`✓` holds or witnessed, `✗` violated or not witnessed, `?` unknown, `-` not checked),
 * then distinct states and seconds; a legend maps each column to its property; a `*` marks a
 * search that stopped early. Then the chosen counterexample as numbered steps. Pure.
 */
export function formatTable(outcome: TableOutcome, options: FormatTableOptions = {}): string {
  const columns = propertyColumns(outcome);
  const showPreset = new Set(outcome.rows.map((r) => r.preset)).size > 1;
  const header = [...(showPreset ? ['preset'] : []), 'variant', ...columns.map((c) => c.short), 'states', 'seconds'];
  const body = outcome.rows.map((row) => {
    const status = new Map(row.result.properties.map((v) => [v.name, v.status]));
    const stopped = row.result.complete ? '' : '*';
    return [
      ...(showPreset ? [row.preset] : []),
      row.variants.length === 0 ? '(none)' : row.variants.join(','),
      ...columns.map((c) => {
        const s = status.get(c.name);
        return s === undefined ? '-' : CELL[s];
      }),
      formatCount(row.result.stats.states) + stopped,
      row.result.stats.seconds.toFixed(2),
    ];
  });
  const numeric = new Set([header.length - 2, header.length - 1]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  const presets = [...new Set(outcome.rows.map((r) => r.preset))];
  const title = outcome.spec.title ?? `${outcome.spec.model}: verdicts by variant`;
  const lines = [`${title} (${showPreset ? 'presets' : 'preset'} ${presets.join(', ')}, ${outcome.rows[0]?.result.strategy ?? 'bfs'})`, '', line(header)];
  for (const row of body) lines.push(line(row));
  lines.push('');
  const keyWidth = Math.max(...columns.map((x) => x.short.length));
  // "S1  at most one promotion", not "S1  S1 at most one promotion": the code is already the key.
  for (const c of columns) lines.push(`${c.short.padEnd(keyWidth)}  ${c.name.startsWith(`${c.short} `) ? c.name.slice(c.short.length + 1) : c.name} [${c.kind}]`);
  const stoppedRows = outcome.rows.filter((r) => !r.result.complete);
  if (stoppedRows.length > 0) {
    lines.push(`*  the search stopped early (${[...new Set(stoppedRows.map((r) => r.result.stopReason))].join(', ')}): verdicts cover only the states explored`);
  }
  lines.push(...traceSection(outcome, options));
  return lines.join('\n');
}

function traceSection(outcome: TableOutcome, options: FormatTableOptions): string[] {
  const want = outcome.spec.trace;
  if (want === undefined) return [];
  const found = outcome.trace;
  if (found === undefined) return ['', `No row violates "${want.property}", so there is no counterexample to show.`];
  const { row, verdict } = found;
  const steps = verdict.trace!.steps.length - 1;
  const variants = row.variants.length === 0 ? '(none)' : row.variants.join(',');
  return [
    '',
    `Counterexample for "${verdict.name}" (preset ${row.preset}, variant ${variants}, ${steps} steps):`,
    formatTrace(verdict.trace!, { view: stateView(row.model), reproduce: options.reproduce }),
  ];
}

interface Column {
  readonly name: string;
  readonly kind: string;
  readonly short: string;
}

// Union of the properties of every row, in first-seen order; duplicate short codes get a suffix.
function propertyColumns(outcome: TableOutcome): Column[] {
  const columns: Column[] = [];
  const used = new Set<string>();
  for (const row of outcome.rows) {
    for (const verdict of row.result.properties) {
      if (columns.some((c) => c.name === verdict.name)) continue;
      let short = shortName(verdict.name, verdict.kind, columns.length);
      for (let k = 2; used.has(short); k++) short = `${shortName(verdict.name, verdict.kind, columns.length)}.${k}`;
      used.add(short);
      columns.push({ name: verdict.name, kind: verdict.kind, short });
    }
  }
  return columns;
}
