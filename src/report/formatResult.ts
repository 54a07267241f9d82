import type { ExploreResult, PropertyStatus, PropertyVerdict } from '../core/result.ts';
import { formatTrace } from './formatTrace.ts';
import { wrapWords } from './wrap.ts';

/** What was checked, beyond what the result itself records. */
export interface RunContext {
  /** The catalog name of the model (what `splitvote check <model>` takes); default: `result.model`. */
  readonly model?: string;
  /** The preset the model was built from. */
  readonly preset?: string;
  /** The protocol variants the model was built with (empty: none). */
  readonly variants?: readonly string[];
}

/** Options of {@link formatResult}. */
export interface FormatResultOptions<TState> extends RunContext {
  /** The display view of a state (`stateView(model)`); default: the state itself. */
  readonly view?: (state: TState) => unknown;
  /** The reproduce command of a verdict's trace, printed under it; `undefined` prints none. */
  readonly reproduce?: (verdict: PropertyVerdict<TState>) => string | undefined;
  /** Print witness traces as well as counterexamples (default false). */
  readonly witnesses?: boolean;
  /** Print the summary block before the verdicts (default true; `--quiet` turns it off). */
  readonly summary?: boolean;
  /** Print the `Time` line of the summary (default false: the text is then the same on every machine). */
  readonly timings?: boolean;
  /** Widest line of the counterexamples (see `FormatTraceOptions.width`); default: no limit. */
  readonly width?: number;
}

const STATUS_TEXT: Readonly<Record<PropertyStatus, string>> = {
  holds: '✓ holds',
  violated: '✗ violated',
  witnessed: '✓ witnessed',
  'not-witnessed': '✗ not witnessed',
  unknown: '? unknown',
};

/** True when a verdict fails its expectation (the CLI then exits with code 1). */
export function isFailure(status: PropertyStatus): boolean {
  return status === 'violated' || status === 'not-witnessed';
}

/** `1,234`: integers with thousands separators, the same on every machine. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : String(n);
}

/** A verdict as one line: `✗ violated        <name>  [always]`, plus its note when it has one. */
export function formatVerdictLine(verdict: Pick<PropertyVerdict, 'name' | 'kind' | 'status' | 'note'>): string {
  const note = verdict.note === undefined ? '' : ` (${verdict.note})`;
  return `${STATUS_TEXT[verdict.status].padEnd(16)} ${verdict.name}  [${verdict.kind}]${note}`;
}

/**
 * The summary block of a result: model, preset, variants, strategy, bounds, whether the
 * search was complete (or why it stopped), and the statistics TLC users look for (distinct
 * states, transitions, depth, boundary hits, collision probability; seconds and states/s
 * with `timings`). Pure; no trailing newline.
 */
export function formatSummary(result: ExploreResult, context: RunContext & { readonly timings?: boolean; readonly width?: number } = {}): string {
  const { stats } = result;
  const variants = context.variants === undefined || context.variants.length === 0 ? '(none)' : context.variants.join(',');
  const bounds = Object.entries(result.bounds).map(([key, value]) => `${key}=${String(value)}`);
  const lines = [
    `Model        ${modelName(result, context)}  preset ${context.preset ?? '(default)'}  variant ${variants}  strategy ${result.strategy}`,
    `Bounds       ${bounds.length === 0 ? '(none)' : bounds.join(', ')}`,
    `Search       ${searchLine(result)}`,
    `States       ${formatCount(stats.states)} distinct, ${formatCount(stats.transitions)} transitions, depth ${stats.depth}` +
      (stats.deadlocks > 0 ? `, ${formatCount(stats.deadlocks)} deadlocked` : ''),
    ...(context.timings === true ? [`Time         ${formatTiming(stats)}`] : []),
    `Boundary     ${formatCount(stats.boundaryHits)} successors cut by the bounds`,
    `Collision    probability ${stats.collisionProbability === 0 ? '0' : stats.collisionProbability.toExponential(1)} (64-bit fingerprints)`,
  ];
  const width = context.width ?? Number.POSITIVE_INFINITY;
  return lines.flatMap((line) => wrapWords(line, width, ' '.repeat(13))).join('\n');
}

// The catalog name, with the model's own name when it says more (`ring (ring(3))`).
function modelName(result: ExploreResult, context: RunContext): string {
  if (context.model === undefined || context.model === result.model) return result.model;
  return `${context.model} (${result.model})`;
}

function searchLine(result: ExploreResult): string {
  if (result.strategy === 'simulate') {
    const runs = result.stats.runs === undefined ? '' : ` of ${formatCount(result.stats.runs)} walks`;
    const seed = result.seed === undefined ? '' : `, seed ${result.seed}`;
    return `simulation${runs}${seed}: not exhaustive, a holding verdict means none of the walks broke it`;
  }
  if (result.complete) return 'complete: every state within the bounds was explored';
  if (result.stopReason === 'interrupted') return `interrupted (Ctrl-C) after ${formatCount(result.stats.states)} states: the verdicts cover only the states explored`;
  return `stopped early (${result.stopReason ?? 'unknown reason'}): the verdicts cover only the states explored`;
}

/** `0.12 s, 9,171 states/s`: how long a search took. Machine-dependent by nature, so printed only where asked. */
export function formatTiming(stats: Pick<ExploreResult['stats'], 'seconds' | 'statesPerSecond'>): string {
  return `${stats.seconds.toFixed(2)} s, ${formatCount(stats.statesPerSecond)} states/s`;
}

/**
 * A whole result as text: the summary, one line per property
 * (`✓ holds / ✗ violated / ✓ witnessed / ✗ not witnessed / ? unknown`), then every
 * counterexample as numbered steps (and witnesses when asked), each with its reproduce line,
 * then a one-line overall verdict. Pure; ends without a newline.
 */
export function formatResult<TState, TAction>(result: ExploreResult<TState, TAction>, options: FormatResultOptions<TState> = {}): string {
  const parts = options.summary === false ? ['Properties'] : [formatSummary(result as ExploreResult, options), '', 'Properties'];
  // The summary says why a search stopped; without it, one line still must.
  if (options.summary === false && !result.complete && result.strategy !== 'simulate') parts.unshift(`Search stopped early (${result.stopReason ?? 'unknown reason'}): the verdicts cover only the states explored`, '');
  const width = options.width ?? Number.POSITIVE_INFINITY;
  for (const verdict of result.properties) parts.push(...wrapWords(`  ${formatVerdictLine(verdict)}`, width, ' '.repeat(19)));
  for (const verdict of result.properties) {
    const show = verdict.status === 'violated' || (options.witnesses === true && verdict.status === 'witnessed');
    if (!show || verdict.trace === undefined) continue;
    const title = verdict.status === 'violated' ? 'Counterexample' : 'Witness';
    const steps = verdict.trace.steps.length - 1;
    parts.push('', `${title} for "${verdict.name}" (${steps} step${steps === 1 ? '' : 's'}):`);
    parts.push(formatTrace(verdict.trace, { view: options.view, reproduce: options.reproduce?.(verdict), ...(options.width === undefined ? {} : { width: options.width }) }));
  }
  parts.push('', ...wrapWords(overallLine(result.properties), width, '  '));
  return parts.join('\n');
}

/**
 * The closing line of a result: `✓ every property holds or is witnessed`, `✗ 1 of 3
 * properties failed`, or, when some are undecided, how many are `unknown` and that the run
 * is not a pass. Pure.
 */
export function overallLine(verdicts: readonly Pick<PropertyVerdict<unknown, unknown>, 'status'>[]): string {
  const failed = verdicts.filter((v) => isFailure(v.status)).length;
  const unknown = verdicts.filter((v) => v.status === 'unknown').length;
  const undecided = `${unknown} of ${verdicts.length} ${verdicts.length === 1 ? 'property' : 'properties'} unknown (the search stopped first)`;
  if (failed > 0) return `✗ ${failed} of ${verdicts.length} ${verdicts.length === 1 ? 'property' : 'properties'} failed${unknown === 0 ? '' : `, ${undecided}`}`;
  if (unknown > 0) return `? ${undecided}: nothing failed so far, but this is not a pass`;
  return '✓ every expectation met: every property holds or is witnessed';
}
