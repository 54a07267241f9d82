import { splitvoteError } from '../../core/errors.ts';
import { formatCount, formatVerdictLine } from '../../report/formatResult.ts';
import { formatTrace, stateView } from '../../report/formatTrace.ts';
import { toJsonReport } from '../../report/json.ts';
import { loadCatalog, loadChecks } from '../../suite/load.ts';
import { runCheck, type CheckOutcome } from '../../suite/runCheck.ts';
import { catalogPath, checksDir, type Io } from '../io.ts';
import { createProgress } from '../progress.ts';

/** The flags of `splitvote checks`. */
export interface ChecksFlags {
  filter?: string;
  json?: boolean;
  quiet?: boolean;
  dir?: string;
  catalog?: string;
}

/**
 * `splitvote checks`: loads every `*.check.ts` of the checks folder at run time, runs the
 * ones whose name contains `--filter`, and prints one line per check with the
 * expectations that drifted (and the counterexamples behind them). Exit code 0 when every
 * check passed, 1 when one failed; 2 (thrown) for a bad check file or a filter that
 * matches nothing.
 */
export async function checksCommand(flags: ChecksFlags, io: Io): Promise<number> {
  const catalog = await loadCatalog(catalogPath(flags.catalog, io));
  const dir = checksDir(flags.dir, io);
  const all = await loadChecks(dir);
  const chosen = flags.filter === undefined ? all : all.filter(({ check }) => check.name.includes(flags.filter!));
  if (all.length > 0 && chosen.length === 0) {
    throw splitvoteError('SV401', `--filter ${flags.filter}: no check name contains it; checks: ${all.map((c) => c.check.name).join(', ')}`);
  }
  const progress = createProgress(io, flags.quiet !== true && flags.json !== true);
  const outcomes: CheckOutcome[] = [];
  for (const { check } of chosen) {
    try {
      outcomes.push(runCheck(check, catalog.entries, { onProgress: (p) => progress.update(p, check.name) }));
    } finally {
      progress.stop();
    }
    if (flags.json !== true) io.out(`${formatOutcome(outcomes[outcomes.length - 1], flags.quiet === true)}\n`);
  }
  const failed = outcomes.filter((o) => !o.passed).length;
  if (flags.json === true) {
    const document = {
      schema: 1,
      passed: outcomes.length - failed,
      failed,
      checks: outcomes.map((o, i) => ({
        name: o.check.name,
        file: chosen[i].file,
        passed: o.passed,
        mismatches: o.mismatches,
        result: toJsonReport(o.result, { ...o.request, model: o.check.model, view: stateView(o.model) }),
      })),
    };
    io.out(`${JSON.stringify(document, null, 2)}\n`);
  } else if (outcomes.length === 0) {
    io.out(`No checks in ${dir} (files named *.check.ts exporting \`check\` or \`checks\`).\n`);
  } else {
    // "checks: N passed, N failed" alone on a line: the closing line CI runners read.
    io.out(`\nchecks: ${outcomes.length - failed} passed, ${failed} failed\n`);
  }
  return failed > 0 ? 1 : 0;
}

/** One check as text: a verdict line, then each mismatch and the counterexamples behind them. */
export function formatOutcome(outcome: CheckOutcome, quiet = false): string {
  const { check, result } = outcome;
  const stats = `${formatCount(result.stats.states)} states, ${formatCount(result.stats.transitions)} transitions, ${result.stats.seconds.toFixed(2)} s`;
  const lines = [`${outcome.passed ? '✓' : '✗'} ${check.name.padEnd(36)} ${stats}${result.complete ? '' : ` (stopped: ${result.stopReason})`}`];
  if (outcome.passed) return lines[0];
  for (const mismatch of outcome.mismatches) lines.push(`    ${mismatch}`);
  if (quiet) return lines.join('\n');
  const variants = outcome.request.variants.length === 0 ? '' : ` --variant ${outcome.request.variants.join(',')}`;
  const reproduce = `splitvote check ${check.model} --preset ${outcome.request.preset}${variants}${check.strategy === undefined ? '' : ` --strategy ${check.strategy}`}`;
  // Show the traces that explain a drift: an unexpected violation, or a pinned trace that changed.
  for (const verdict of result.properties) {
    const expected = check.expect[verdict.name];
    const pinnedTrace = check.traces?.[verdict.name];
    const explains = (expected !== undefined && expected !== verdict.status) || (pinnedTrace !== undefined && outcome.mismatches.some((m) => m.startsWith(`trace of "${verdict.name}"`)));
    if (!explains || verdict.trace === undefined) continue;
    lines.push(`    ${formatVerdictLine(verdict)}`, formatTrace(verdict.trace, { view: stateView(outcome.model), reproduce, indent: '      ' }));
  }
  return lines.join('\n');
}
