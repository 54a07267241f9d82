import { splitvoteError } from '../../core/errors.ts';
import { quoted } from '../../report/escape.ts';
import { formatCount, formatTiming, formatVerdictLine } from '../../report/formatResult.ts';
import { formatTrace, stateView } from '../../report/formatTrace.ts';
import { toJsonReport } from '../../report/json.ts';
import { loadCatalog, loadChecks } from '../../suite/load.ts';
import { runCheck, type CheckOutcome } from '../../suite/runCheck.ts';
import { EXIT } from '../exitCodes.ts';
import { catalogPath, checksDir, outputWidth, type Io } from '../io.ts';
import { createProgress } from '../progress.ts';
import { searchFlagsOf } from '../flags.ts';
import { reproduceLine } from './check.ts';

/** The flags of `splitvote checks`. */
export interface ChecksFlags {
  filter?: string;
  json?: boolean;
  quiet?: boolean;
  timings?: boolean;
  dir?: string;
  catalog?: string;
}

/**
 * `splitvote checks`: loads every `*.check.ts` of the checks folder at run time, runs the
 * ones whose name contains `--filter`, and prints one line per check with the
 * expectations that drifted (and the counterexamples behind them). Exit code 0 when every
 * check passed, 1 when one failed (a check judges only what it pins: a verdict it does not
 * pin may be unknown), 130 when Ctrl-C stopped a check (the checks run so far are
 * reported, the interrupted one is not judged); 2 (thrown) for a bad check file or a
 * filter that matches nothing.
 */
export async function checksCommand(flags: ChecksFlags, io: Io): Promise<number> {
  const catalog = await loadCatalog(catalogPath(flags.catalog, io));
  const dir = checksDir(flags.dir, io);
  const all = await loadChecks(dir);
  const chosen = flags.filter === undefined ? all : all.filter(({ check }) => check.name.includes(flags.filter!));
  if (all.length > 0 && chosen.length === 0) {
    throw splitvoteError('SV401', `--filter ${quoted(flags.filter!)}: no check name contains it; checks: ${all.map((c) => c.check.name).join(', ')}`);
  }
  const progress = createProgress(io, flags.quiet !== true && flags.json !== true);
  const outcomes: CheckOutcome[] = [];
  const started = performance.now();
  let interrupted = false;
  for (const { check } of chosen) {
    let outcome: CheckOutcome;
    try {
      outcome = runCheck(check, catalog.entries, { onProgress: (p) => progress.update(p, check.name), ...(io.signal === undefined ? {} : { signal: io.signal }) });
    } finally {
      progress.stop();
    }
    // An interrupted search proves nothing either way, so the check is not judged.
    if (outcome.result.stopReason === 'interrupted') {
      interrupted = true;
      break;
    }
    outcomes.push(outcome);
    if (flags.json !== true) io.out(`${formatOutcome(outcome, { quiet: flags.quiet === true, timings: flags.timings === true, width: outputWidth(io) })}\n`);
  }
  const failed = outcomes.filter((o) => !o.passed).length;
  if (flags.json === true) {
    const document = {
      schema: 1,
      passed: outcomes.length - failed,
      failed,
      ...(interrupted ? { interrupted: true, notRun: chosen.length - outcomes.length } : {}),
      checks: outcomes.map((o, i) => ({
        name: o.check.name,
        file: chosen[i].file,
        passed: o.passed,
        mismatches: o.mismatches,
        result: toJsonReport(o.result, { ...o.request, model: o.check.model, view: stateView(o.model), timings: flags.timings === true }),
      })),
    };
    io.out(`${JSON.stringify(document, null, 2)}\n`);
  } else if (chosen.length === 0) {
    io.out(`No checks in ${dir} (files named *.check.ts or *.check.js exporting \`check\` or \`checks\`).\n`);
  } else {
    if (interrupted) io.out(`\ninterrupted (Ctrl-C) during check ${chosen[outcomes.length].check.name}: it and ${chosen.length - outcomes.length - 1} more were not judged\n`);
    // "checks: N passed, N failed" alone on a line: the closing line CI runners read.
    io.out(`\nchecks: ${outcomes.length - failed} passed, ${failed} failed${interrupted ? `, ${chosen.length - outcomes.length} not run` : ''}\n`);
  }
  if (flags.quiet !== true && flags.timings !== true) io.err(`time: ${((performance.now() - started) / 1000).toFixed(1)} s for ${outcomes.length} ${outcomes.length === 1 ? 'check' : 'checks'}\n`);
  if (interrupted) return EXIT.interrupted;
  return failed > 0 ? EXIT.failed : EXIT.ok;
}

/** How {@link formatOutcome} prints. */
export interface OutcomeFormat {
  /** No traces under a failing check. */
  readonly quiet?: boolean;
  /** Add the search's duration (default false: the line is then the same on every machine). */
  readonly timings?: boolean;
  /** Widest line of the traces. */
  readonly width?: number;
}

/** One check as text: a verdict line, then each mismatch and the counterexamples behind them. */
export function formatOutcome(outcome: CheckOutcome, format: OutcomeFormat = {}): string {
  const { check, result } = outcome;
  const stats = `${formatCount(result.stats.states)} states, ${formatCount(result.stats.transitions)} transitions${format.timings === true ? `, ${formatTiming(result.stats)}` : ''}`;
  const lines = [`${outcome.passed ? '✓' : '✗'} ${check.name.padEnd(36)} ${stats}${result.complete ? '' : ` (stopped: ${result.stopReason})`}`];
  if (outcome.passed) return lines[0];
  for (const mismatch of outcome.mismatches) lines.push(`    ${mismatch}`);
  if (format.quiet === true) return lines.join('\n');
  const reproduce = reproduceLine(check.model, outcome.request, searchFlagsOf(check.strategy, check.options));
  // Show the traces that explain a drift: an unexpected violation, or a pinned trace that changed.
  for (const verdict of result.properties) {
    const expected = check.expect[verdict.name];
    const pinnedTrace = check.traces?.[verdict.name];
    const explains = (expected !== undefined && expected !== verdict.status) || (pinnedTrace !== undefined && outcome.mismatches.some((m) => m.startsWith(`trace of "${verdict.name}"`)));
    if (!explains || verdict.trace === undefined) continue;
    lines.push(`    ${formatVerdictLine(verdict)}`, formatTrace(verdict.trace, { view: stateView(outcome.model), reproduce, indent: '      ', ...(format.width === undefined ? {} : { width: format.width }) }));
  }
  return lines.join('\n');
}
