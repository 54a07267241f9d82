import type { PropertyStatus } from '../core/result.ts';
import type { TableColumn, TableOutcome, TableRow } from '../suite/runTable.ts';
import type { TableFinding } from '../suite/types.ts';
import { formatCount } from './formatResult.ts';
import { formatTrace, stateView } from './formatTrace.ts';
import { wrapWords } from './wrap.ts';

export { shortName } from '../suite/runTable.ts';

/**
 * The cell of a verdict. Invariants and witnesses look different on purpose: `✗` is a
 * violated invariant (a bug, with a counterexample), `○` a witness that never happened
 * (for example no fast-fail without NACK), which may be expected.
 */
const CELL: Readonly<Record<PropertyStatus, string>> = {
  holds: '✓',
  violated: '✗',
  witnessed: '●',
  'not-witnessed': '○',
  unknown: '?',
};

/** The legend of the cells, printed above the table. */
export const CELL_LEGEND = '✓ holds  ✗ violated: a counterexample exists  ● witnessed  ○ never witnessed  ? unknown  - not checked';

/** Options of {@link formatTable}. */
export interface FormatTableOptions {
  /** The reproduce command printed under the counterexample. */
  readonly reproduce?: string;
  /** Print a `seconds` column (default false: the text is then the same on every machine). */
  readonly timings?: boolean;
  /** Widest line (default 120): findings and counterexample lines are broken to fit. */
  readonly width?: number;
}

/**
 * A verdict table as text, findings first: the heading (title; presets, strategy, rows and
 * states); each known bug of `spec.findings` with the variant that has it and the one that
 * fixes it, as the rows show (or "not reproduced"); the other invariant violations by
 * property and preset; then the cell legend, one row per (preset, variant set) with one
 * column per property and the distinct states (`*`: the search stopped early), the legend
 * of the columns, and the chosen counterexample. Pure.
 */
export function formatTable(outcome: TableOutcome, options: FormatTableOptions = {}): string {
  const width = options.width ?? 120;
  const { columns, rows } = outcome;
  const covered = new Set<string>();
  const lines = [...heading(outcome, width), ...findingsSection(outcome, covered, width), ...otherViolations(outcome, covered, width)];
  lines.push('', ...wrapWords(`Cells: ${CELL_LEGEND}`, width, '  '), '', ...verdictRows(outcome, options.timings === true), '');
  const keyWidth = Math.max(...columns.map((x) => x.short.length));
  // "S1  at most one promotion", not "S1  S1 at most one promotion": the code is already the key.
  for (const c of columns) lines.push(...wrapWords(`${c.short.padEnd(keyWidth)}  ${c.name.startsWith(`${c.short} `) ? c.name.slice(c.short.length + 1) : c.name} [${c.kind}]`, width, ' '.repeat(keyWidth + 2)));
  const stopped = rows.filter((r) => !r.result.complete && r.result.stopReason !== 'interrupted');
  if (stopped.length > 0) {
    lines.push(...wrapWords(`*  the search stopped early (${[...new Set(stopped.map((r) => r.result.stopReason))].join(', ')}): verdicts cover only the states explored`, width, '   '));
  }
  if (outcome.skipped > 0 || rows.some((r) => r.result.stopReason === 'interrupted')) {
    lines.push(...wrapWords(`!  interrupted (Ctrl-C): ${rows.length} of ${rows.length + outcome.skipped} rows explored, the last one only partly (marked *); ${outcome.skipped} not explored`, width, '   '));
  }
  lines.push(...traceSection(outcome, options, width));
  return lines.join('\n');
}

function heading(outcome: TableOutcome, width: number): string[] {
  const { spec, rows } = outcome;
  const presets = [...new Set(rows.map((r) => r.preset))];
  const constants = Object.entries(spec.constants ?? {}).map(([k, v]) => `${k}=${v}`);
  const states = rows.reduce((sum, r) => sum + r.result.stats.states, 0);
  const facts = [
    `${presets.length === 1 ? 'preset' : 'presets'} ${presets.join(', ') || '(none explored)'}`,
    ...(constants.length === 0 ? [] : [`constants ${constants.join(', ')}`]),
    `strategy ${rows[0]?.result.strategy ?? spec.strategy ?? 'bfs'}`,
    `${rows.length} ${rows.length === 1 ? 'row' : 'rows'}, ${formatCount(states)} states in all`,
  ];
  return [...wrapWords(spec.title ?? `${spec.model}: verdicts by variant`, width, '  '), ...wrapWords(facts.join('; '), width, '  ')];
}

const variantText = (variants: readonly string[]): string => (variants.length === 0 ? '(none)' : variants.join(','));

function statusOf(rows: readonly TableRow[], preset: string, variants: readonly string[], property: string): PropertyStatus | undefined {
  const row = rows.find((r) => r.preset === preset && r.variants.join(',') === variants.join(','));
  return row?.result.properties.find((v) => v.name === property)?.status;
}

// The declared findings whose rows are both in the table, each judged by those rows.
function findingsSection(outcome: TableOutcome, covered: Set<string>, width: number): string[] {
  const shown = (outcome.spec.findings ?? []).filter(
    (f) => statusOf(outcome.rows, f.preset, f.has, f.property) !== undefined && statusOf(outcome.rows, f.preset, f.fixedBy, f.property) !== undefined,
  );
  if (shown.length === 0) return [];
  const lines = ['', ...wrapWords('Findings: each known bug, the variant that has it and the variant that fixes it', width, '  ')];
  const pad = Math.max(...shown.flatMap((f) => [variantText(f.has).length, variantText(f.fixedBy).length]));
  for (const finding of shown) lines.push(...findingLines(outcome, finding, pad, covered, width));
  return lines;
}

function findingLines(outcome: TableOutcome, f: TableFinding, pad: number, covered: Set<string>, width: number): string[] {
  const short = outcome.columns.find((c) => c.name === f.property)?.short ?? f.property;
  const has = statusOf(outcome.rows, f.preset, f.has, f.property)!;
  const fixed = statusOf(outcome.rows, f.preset, f.fixedBy, f.property)!;
  const confirmed = has === 'violated' && fixed === 'holds';
  covered.add(`${short} ${f.preset} ${variantText(f.has)}`);
  const lines = wrapWords(`  ${confirmed ? '•' : '!'} ${f.title} (${short}, preset ${f.preset})`, width, '    ');
  lines.push(`      has it    ${variantText(f.has).padEnd(pad)}  ${short} ${CELL[has]} ${has}`);
  lines.push(`      fixed by  ${variantText(f.fixedBy).padEnd(pad)}  ${short} ${CELL[fixed]} ${fixed}`);
  if (!confirmed) lines.push(`      not reproduced: the rows do not show ${short} violated without the fix and holding with it`);
  return lines;
}

// Every violated invariant cell not explained by a finding, grouped by property and preset.
function otherViolations(outcome: TableOutcome, covered: ReadonlySet<string>, width: number): string[] {
  const groups = new Map<string, { short: string; preset: string; variants: string[] }>();
  for (const column of outcome.columns) {
    for (const row of outcome.rows) {
      const status = row.result.properties.find((v) => v.name === column.name)?.status;
      if (status !== 'violated' || covered.has(`${column.short} ${row.preset} ${variantText(row.variants)}`)) continue;
      const key = `${column.short}\u0000${row.preset}`;
      const group = groups.get(key) ?? { short: column.short, preset: row.preset, variants: [] };
      group.variants.push(variantText(row.variants));
      groups.set(key, group);
    }
  }
  const title = outcome.spec.findings === undefined ? 'Invariant violations' : 'Other invariant violations';
  if (groups.size === 0) return ['', `${title}: none in any row.`];
  const lines = ['', ...wrapWords(`${title} (property, preset: the variants that violate it):`, width, '  ')];
  for (const { short, preset, variants } of groups.values()) lines.push(...wrapWords(`  ${short}  ${preset}: ${variants.join('; ')}`, width, '      '));
  return lines;
}

function verdictRows(outcome: TableOutcome, timings: boolean): string[] {
  const { columns, rows } = outcome;
  const showPreset = new Set(rows.map((r) => r.preset)).size > 1;
  const header = [...(showPreset ? ['preset'] : []), 'variant', ...columns.map((c) => c.short), 'states', ...(timings ? ['seconds'] : [])];
  const body = rows.map((row) => {
    const status = new Map(row.result.properties.map((v) => [v.name, v.status]));
    return [
      ...(showPreset ? [row.preset] : []),
      variantText(row.variants),
      ...columns.map((c: TableColumn) => {
        const s = status.get(c.name);
        return s === undefined ? '-' : CELL[s];
      }),
      formatCount(row.result.stats.states) + (row.result.complete ? '' : '*'),
      ...(timings ? [row.result.stats.seconds.toFixed(2)] : []),
    ];
  });
  const numeric = new Set(timings ? [header.length - 2, header.length - 1] : [header.length - 1]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), ...body.map(line)];
}

function traceSection(outcome: TableOutcome, options: FormatTableOptions, width: number): string[] {
  const want = outcome.spec.trace;
  if (want === undefined) return [];
  const found = outcome.trace;
  if (found === undefined) return ['', `No row violates "${want.property}", so there is no counterexample to show.`];
  const { row, verdict } = found;
  const steps = verdict.trace!.steps.length - 1;
  return [
    '',
    ...wrapWords(`Counterexample for "${verdict.name}" (preset ${row.preset}, variant ${variantText(row.variants)}, ${steps} steps):`, width, '  '),
    formatTrace(verdict.trace!, { view: stateView(row.model), reproduce: options.reproduce, width }),
  ];
}
