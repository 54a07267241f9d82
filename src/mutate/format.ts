import { formatCount } from '../report/formatResult.ts';
import { wrapWords } from '../report/wrap.ts';
import type { PinCheck } from './pins.ts';
import type { MutantOutcome, MutationReport, MutationRun } from './run.ts';

/** Options of {@link formatMutationReport}. */
export interface FormatMutationOptions {
  /** Line width for wrapped descriptions and reasons (default 100). */
  readonly width?: number;
  /** Pin comparisons, to print after the score. */
  readonly pins?: readonly PinCheck[];
  /** Where the pins came from, named in the pin lines. */
  readonly pinsFile?: string;
  /** Pins that name no mutant. */
  readonly stale?: readonly string[];
}

const runText = (run: MutationRun): string => `${run.preset} [${run.variants.join(',') || 'no variant'}]`;

/** A percentage with one decimal, `-` for 0 of 0. */
export function percent(caught: number, total: number): string {
  return total === 0 ? '-' : `${((100 * caught) / total).toFixed(1)}%`;
}

/** The score line: `Mutation score: 30 of 40 caught (75.0%); 2 declared equivalent, not counted`. */
export function scoreLine(report: MutationReport): string {
  const { caught, total, equivalent } = report.score;
  const eq = equivalent === 0 ? '' : `; ${equivalent} declared equivalent, not counted`;
  return `Mutation score: ${caught} of ${total} caught (${percent(caught, total)})${eq}`;
}

function verdictLine(o: MutantOutcome): string {
  if (o.status === 'caught' && o.caught !== undefined) {
    return `caught by ${o.caught.property} on ${runText(o.caught)}, ${o.caught.steps} steps (run ${o.runs})`;
  }
  if (o.status === 'error') return `error: the model threw: ${o.error ?? ''}`;
  const cut = o.cut === 0 ? '' : `, ${o.cut} cut at the state bound`;
  return `survived ${o.runs} runs (${formatCount(o.states)} states${cut})`;
}

function reasonLine(o: MutantOutcome): string | undefined {
  if (o.mutant.equivalent !== undefined) return `${o.status === 'caught' ? 'declared equivalent, yet caught: ' : 'equivalent: '}${o.mutant.equivalent}`;
  if (o.status === 'caught') return undefined;
  return o.mutant.gap === undefined ? 'UNEXPLAINED: no equivalence or gap is declared for this survivor' : `gap: ${o.mutant.gap}`;
}

/**
 * The text report of a mutation run: one block per mutant (status, what it replaces, the
 * bug, where it was caught or why it survives), the skipped runs, the uncovered targets,
 * the score, and the pin comparison. Deterministic: no timings.
 */
export function formatMutationReport(report: MutationReport, options: FormatMutationOptions = {}): string {
  const width = options.width ?? 100;
  const lines: string[] = [];
  const runs = report.baselines.length;
  lines.push(`Mutation testing of ${report.model}: ${report.outcomes.length} mutant${report.outcomes.length === 1 ? '' : 's'}, each replacing one named guard or action`);
  lines.push(...wrapWords(`BFS up to ${formatCount(report.maxStates)} states per search, stopped at the first violation; on each preset and variant set only the properties that hold on the unmodified model judge, and an unreached witness never counts.`, width));
  lines.push('');
  for (const o of report.outcomes) {
    const mark = o.status === 'caught' ? '✓' : o.mutant.equivalent !== undefined && o.status === 'survived' ? '=' : '✗';
    lines.push(`${mark} ${o.mutant.name}  (${o.mutant.kind} ${o.mutant.replaces})`);
    lines.push(...wrapWords(`    ${o.mutant.description}`, width, '    '));
    lines.push(...wrapWords(`    ${verdictLine(o)}`, width, '      '));
    const reason = reasonLine(o);
    if (reason !== undefined) lines.push(...wrapWords(`    ${reason}`, width, '      '));
  }
  lines.push('');
  const skipped = report.baselines.filter((b) => !b.complete);
  lines.push(`Runs: ${runs} preset and variant pairs; unmodified model: ${formatCount(report.baselines.reduce((s, b) => s + b.states, 0))} states in all.`);
  for (const b of skipped) lines.push(`  skipped ${runText(b)}: the unmodified model has more than ${formatCount(report.maxStates)} states`);
  if (report.uncovered.length > 0) lines.push(...wrapWords(`Not replaced by any mutant: ${report.uncovered.join(', ')}`, width, '  '));
  const { caught, total } = report.score;
  const survivors = report.outcomes.filter((o) => o.status === 'survived' && o.mutant.equivalent === undefined);
  lines.push(scoreLine(report));
  lines.push(`Survivors: ${survivors.length} (${survivors.filter((o) => o.mutant.gap !== undefined).length} with a declared gap)${total - caught - survivors.length > 0 ? `; errors: ${total - caught - survivors.length}` : ''}`);
  const stale = report.outcomes.filter((o) => o.status === 'caught' && o.mutant.gap !== undefined).map((o) => o.mutant.name);
  if (stale.length > 0) lines.push(...wrapWords(`Caught, yet declared as a gap (remove the stale gap): ${stale.join(', ')}`, width, '  '));
  if (options.pins !== undefined) lines.push(...pinLines(options.pins, options.pinsFile, options.stale ?? []));
  return lines.join('\n');
}

const pinText = (p: PinCheck['now'] | undefined): string =>
  p === undefined ? 'none' : p.outcome === 'caught' ? `caught by ${p.property ?? '?'} on ${p.preset ?? '?'} [${(p.variants ?? []).join(',')}]` : p.outcome;

/** Lines saying whether every outcome is as pinned, and which are not. */
export function pinLines(checks: readonly PinCheck[], file: string | undefined, stale: readonly string[]): string[] {
  const off = checks.filter((c) => c.status !== 'ok');
  const where = file === undefined ? '' : ` (${file})`;
  if (off.length === 0 && stale.length === 0) return [`Pins: all ${checks.length} outcomes as pinned${where}`];
  const lines = [`Pins: ${off.length} of ${checks.length} outcomes differ from the pins${where}`];
  for (const c of off) lines.push(`  ${c.status} ${c.name}: pinned ${pinText(c.pinned)}, now ${pinText(c.now)}`);
  for (const name of stale) lines.push(`  stale pin ${name}: no such mutant`);
  lines.push('  Re-pin after a reviewed change: splitvote mutate <model> --write-pins');
  return lines;
}
