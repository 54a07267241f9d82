import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { splitvoteError } from '../../core/errors.ts';
import { stateView, formatTrace } from '../../report/formatTrace.ts';
import { traceToJson } from '../../report/json.ts';
import { findModel } from '../../suite/catalog.ts';
import { loadCatalog } from '../../suite/load.ts';
import type { ExtremesRequest, ModelEntry, TimedScenarioRequest } from '../../suite/types.ts';
import { formatDistribution, parseDistribution, type Distribution } from '../../timing/distribution.ts';
import { parseSpike } from '../../timing/latency.ts';
import { formatRecoveryReport } from '../../timing/formatReport.ts';
import { formatMs } from '../../timing/timedModel.ts';
import { formatCount } from '../../report/formatResult.ts';
import { wrapWords } from '../../report/wrap.ts';
import { EXIT, exitCodeOf } from '../exitCodes.ts';
import { catalogPath, outputWidth, type Io } from '../io.ts';
import { createRunProgress } from '../progress.ts';

/** The flags of `splitvote simulate`, as commander parsed them. */
export interface SimulateFlags {
  timed?: boolean;
  runs: number;
  seed: number;
  variant?: string[][];
  primaries: number;
  failed: number;
  replicas: number;
  nodeTimeout: number;
  latency?: string;
  spike?: string;
  busDelay: number;
  cronPeriod?: number;
  cronJitter?: string;
  gossip?: string;
  sameTick?: boolean;
  exhaustive?: boolean;
  grid: number;
  maxElections: number;
  maxStates: number;
  json?: boolean;
  quiet?: boolean;
  allowUnknown?: boolean;
  catalog?: string;
}

// Thrown from the progress callback to leave a Monte Carlo batch when Ctrl-C was pressed.
class Interrupted extends Error {
  constructor(readonly done: number, readonly total: number) {
    super('interrupted');
  }
}

/**
 * `splitvote simulate <model> --timed`: recovery times under the model's timed semantics.
 * Monte Carlo by default (a table, or one JSON document with `--json`); `--exhaustive` gives
 * the worst and best case over every behaviour on a time grid, with the worst-case trace.
 * Exit 0 with a report; 3 when an exhaustive search stopped before covering every behaviour
 * (0 with `--allow-unknown`); 130 when Ctrl-C stopped the runs (a distribution needs all of
 * them, so none is printed); 2 for bad input (a flag's value, an unknown model or variant,
 * a model without timed semantics, an impossible scenario).
 */
export async function simulateCommand(name: string, flags: SimulateFlags, io: Io): Promise<number> {
  if (flags.timed !== true) {
    throw splitvoteError('SV401', 'simulate needs --timed (the only mode so far); for untimed random walks use `splitvote check <model> --strategy simulate`');
  }
  const catalog = await loadCatalog(catalogPath(flags.catalog, io));
  const entry = findModel(catalog.entries, name);
  const timed = entry.timed;
  if (timed === undefined) {
    const withTiming = catalog.entries.filter((e) => e.timed !== undefined).map((e) => e.name);
    throw splitvoteError('SV401', `model ${entry.name} has no timed semantics; models with one: ${withTiming.join(', ') || '(none)'}`);
  }
  const rows = flags.variant ?? timed.defaultVariants.map((row) => [...row]);
  rows.forEach((row) => row.forEach((variant) => checkVariant(entry, variant)));
  const readFile = (path: string) => readFileSync(resolve(io.cwd, path), 'utf8');
  const scenario: TimedScenarioRequest = {
    primaries: flags.primaries,
    failed: flags.failed,
    replicas: flags.replicas,
    nodeTimeout: flags.nodeTimeout,
    ...(flags.latency === undefined ? {} : { latency: parseDistribution(flags.latency, '--latency', readFile) }),
    ...(flags.spike === undefined ? {} : { spike: spikeOf(parseSpike(flags.spike, '--spike', (spec) => parseDistribution(spec, '--spike', readFile))) }),
    busDelay: flags.busDelay,
    ...(flags.cronPeriod === undefined && flags.cronJitter === undefined
      ? {}
      : { cron: { period: flags.cronPeriod ?? 100, jitter: flags.cronJitter === undefined ? { kind: 'fixed', value: 0 } : parseDistribution(flags.cronJitter, '--cron-jitter', readFile) } }),
    ...(flags.gossip === undefined ? {} : { gossip: parseDistribution(flags.gossip, '--gossip', readFile) }),
    sameTick: flags.sameTick === true,
  };
  if (flags.exhaustive === true) return exhaustive(entry, rows, { ...scenario, variants: [], grid: flags.grid, maxElections: flags.maxElections, maxStates: flags.maxStates }, flags, io);
  const progress = createRunProgress(io, flags.quiet !== true && flags.json !== true, `${entry.name} timed`);
  let report;
  try {
    report = timed.simulate({ ...scenario, variants: rows, runs: flags.runs, seed: flags.seed }, (done, total) => {
      if (io.signal?.aborted === true) throw new Interrupted(done, total);
      progress.update(done, total);
    });
  } catch (error) {
    if (!(error instanceof Interrupted)) throw error;
    io.out(`interrupted (Ctrl-C) after ${formatCount(error.done)} of ${formatCount(error.total)} runs: a distribution needs every run, so there is no report; lower --runs for a quicker one\n`);
    return EXIT.interrupted;
  } finally {
    progress.stop();
  }
  io.out(flags.json === true ? `${JSON.stringify(report, null, 2)}\n` : `${formatRecoveryReport(report)}\n`);
  // A safety property broken in a timed run is a finding, as in `check` (exit 1).
  return report.variants.some((v) => (v.violations ?? []).length > 0) ? EXIT.failed : 0;
}

function spikeOf(parsed: { readonly probability: number; readonly spike: Distribution }): { readonly probability: number; readonly extra: Distribution } {
  return { probability: parsed.probability, extra: parsed.spike };
}

function checkVariant(entry: ModelEntry, variant: string): void {
  const allowed = entry.variants.map((v) => v.name);
  if (!allowed.includes(variant)) {
    throw splitvoteError('SV403', `unknown variant "${variant}" for model ${entry.name} (--variant); variants: ${allowed.join(', ')}; combine them with "," within a row, separate rows with ";"`);
  }
}

function exhaustive(entry: ModelEntry, rows: readonly (readonly string[])[], request: ExtremesRequest, flags: SimulateFlags, io: Io): number {
  const extremes = entry.timed!.extremes;
  if (extremes === undefined) throw splitvoteError('SV401', `model ${entry.name} has no exhaustive timed analysis (--exhaustive)`);
  const config = {
    primaries: request.primaries,
    failed: request.failed,
    replicas: request.replicas,
    nodeTimeoutMs: request.nodeTimeout,
    latency: request.latency === undefined ? 'default' : formatDistribution(request.latency),
    busDelayMs: request.busDelay ?? 0,
    ...(request.gossip === undefined ? {} : { gossip: formatDistribution(request.gossip) }),
    sameTick: request.sameTick,
    gridMs: request.grid,
    maxElections: request.maxElections,
  };
  const results = rows.map((variants) => ({ variants, ...extremes({ ...request, variants }) }));
  // A worst case over part of the behaviours is a lower bound, not the worst case.
  const code = exitCodeOf({ failed: false, unknown: results.some((r) => !r.exploration.complete) }, flags.allowUnknown === true);
  if (flags.json === true) {
    const variants = results.map(({ variants, model, exploration, extremes: x }) => ({
      variant: variants.join(','),
      complete: exploration.complete,
      stopReason: exploration.stopReason,
      states: exploration.stats.states,
      transitions: exploration.stats.transitions,
      boundaryHits: exploration.stats.boundaryHits,
      goals: x.goals,
      worstMs: x.worst?.ms ?? null,
      bestMs: x.best?.ms ?? null,
      worstTrace: x.worst === undefined ? [] : traceToJson(x.worst.trace, stateView(model)),
    }));
    io.out(`${JSON.stringify({ schema: 1, kind: 'splitvote-timed-extremes', model: entry.name, config, variants }, null, 2)}\n`);
    return code;
  }
  const blocks = results.map(({ variants, model, exploration, extremes: x }) => {
    const s = exploration.stats;
    const lines = [
      `Exhaustive timed analysis of ${entry.name}: ${variants.join(',')}`,
      ...wrapWords(`Config       ${Object.entries(config).map(([k, v]) => `${k} ${String(v)}`).join(', ')}`, outputWidth(io), ' '.repeat(13)),
      `Search       ${exploration.complete ? 'complete: every behaviour within the bounds was explored' : `stopped (${exploration.stopReason}): the extremes cover only what was explored`}`,
      `States       ${formatCount(s.states)} distinct, ${formatCount(s.transitions)} transitions`,
      `Bound        ${formatCount(s.boundaryHits)} successors cut (a candidate needed more than ${request.maxElections} elections)`,
      `Worst case   ${x.worst === undefined ? 'no behaviour recovers' : `${formatMs(x.worst.ms)} ms from the failure to the last promotion`}`,
      `Best case    ${x.best === undefined ? '-' : `${formatMs(x.best.ms)} ms`}`,
    ];
    if (x.worst !== undefined) lines.push('', `Worst case (${x.worst.trace.steps.length - 1} steps):`, formatTrace(x.worst.trace, { view: stateView(model), width: outputWidth(io) }));
    return lines.join('\n');
  });
  io.out(`${blocks.join('\n\n')}\n`);
  return code;
}
