import { splitvoteError } from '../../core/errors.ts';
import { formatTable } from '../../report/formatTable.ts';
import { toJsonReport } from '../../report/json.ts';
import { stateView } from '../../report/formatTrace.ts';
import { loadCatalog } from '../../suite/load.ts';
import { runTable } from '../../suite/runTable.ts';
import type { ModelEntry, TableSpec } from '../../suite/types.ts';
import { exitCodeOf } from '../exitCodes.ts';
import { exploreOptionsOf, searchFlagsOf, type SearchFlags } from '../flags.ts';
import { catalogPath, outputWidth, type Io } from '../io.ts';
import { createProgress } from '../progress.ts';
import { reproduceLine } from './check.ts';

/** The flags of `splitvote table`. */
export interface TableFlags extends SearchFlags {
  preset?: string[];
  variantSets?: string[][] | 'all';
  set?: Record<string, number>;
  trace?: string;
  json?: boolean;
  quiet?: boolean;
  allowUnknown?: boolean;
  timings?: boolean;
  catalog?: string;
}

/**
 * `splitvote table [model]`: the verdict table of a model across presets and variant sets
 * (rows) and properties (columns), the known bugs first, then one counterexample in full.
 * Without a model it prints the catalog's `flagship` table (what `npm start` runs). Flags
 * given on the command line override the flagship's. The table reports violations rather
 * than fail on them: exit code 0, but 3 when a verdict is unknown (0 with
 * `--allow-unknown`), 130 when interrupted (the rows explored so far are printed), 2 for
 * wrong input, found before any search (an unknown `--trace` property too).
 */
export async function tableCommand(name: string | undefined, flags: TableFlags, io: Io, given: ReadonlySet<string>): Promise<number> {
  const catalog = await loadCatalog(catalogPath(flags.catalog, io));
  // A named model keeps the known bugs the flagship declares for it: they are facts about the model.
  const flagship = catalog.flagship;
  const base: TableSpec | undefined = name === undefined ? flagship : { model: name, ...(flagship?.findings !== undefined && isSameModel(catalog.entries, flagship.model, name) ? { findings: flagship.findings } : {}) };
  if (base === undefined) {
    throw splitvoteError('SV401', `name a model (models: ${catalog.entries.map((e) => e.name).join(', ')}), or export \`flagship\` from ${catalog.source}`);
  }
  const spec: TableSpec = {
    ...base,
    ...(flags.preset === undefined ? {} : { presets: flags.preset }),
    ...(flags.variantSets === undefined ? {} : { variantSets: flags.variantSets === 'all' ? undefined : flags.variantSets }),
    ...(flags.set === undefined ? {} : { constants: { ...base.constants, ...flags.set } }),
    ...(flags.trace === undefined ? {} : { trace: { property: flags.trace } }),
    // Search flags override the flagship's only when given, so `npm start` keeps its settings.
    ...(base.strategy === undefined || given.has('strategy') ? { strategy: flags.strategy } : {}),
    options: { ...base.options, ...searchOverrides(flags, given) },
  };
  const progress = createProgress(io, flags.quiet !== true && flags.json !== true);
  const started = performance.now();
  let outcome;
  try {
    outcome = runTable(spec, catalog.entries, {
      ...(io.signal === undefined ? {} : { signal: io.signal }),
      onProgress: (row, rows, label, p) => progress.update(p, `[${row + 1}/${rows}] ${label}`),
    });
  } finally {
    progress.stop();
  }
  const verdicts = outcome.rows.flatMap((row) => row.result.properties);
  const code = exitCodeOf(
    { failed: false, unknown: verdicts.some((v) => v.status === 'unknown'), interrupted: outcome.skipped > 0 || outcome.rows.some((r) => r.result.stopReason === 'interrupted') },
    flags.allowUnknown === true,
  );
  if (flags.json === true) {
    const rows = outcome.rows.map((row) => toJsonReport(row.result, { model: spec.model, preset: row.preset, variants: row.variants, view: stateView(row.model), timings: flags.timings === true }));
    io.out(`${JSON.stringify({ schema: 1, kind: 'splitvote-table', model: spec.model, rows }, null, 2)}\n`);
    return code;
  }
  const found = outcome.trace;
  const reproduce = found === undefined ? undefined : reproduceLine(spec.model, { preset: found.row.preset, variants: found.row.variants, ...(spec.constants === undefined ? {} : { constants: spec.constants }) }, { ...searchFlagsOf(spec.strategy, spec.options), ...(flags.catalog === undefined ? {} : { catalog: flags.catalog }) });
  io.out(`${formatTable(outcome, { ...(reproduce === undefined ? {} : { reproduce }), timings: flags.timings === true, width: outputWidth(io) })}\n`);
  if (flags.quiet !== true && flags.timings !== true) io.err(`time: ${((performance.now() - started) / 1000).toFixed(1)} s for ${outcome.rows.length} ${outcome.rows.length === 1 ? 'row' : 'rows'}\n`);
  return code;
}

function isSameModel(entries: readonly ModelEntry[], a: string, b: string): boolean {
  const entry = entries.find((e) => e.name === a);
  return entry !== undefined && (entry.name === b || entry.aliases?.includes(b) === true);
}

function searchOverrides(flags: TableFlags, given: ReadonlySet<string>): Record<string, unknown> {
  const all = exploreOptionsOf(flags) as Record<string, unknown>;
  const flagOf: Record<string, string> = { maxStates: 'maxStates', maxDepth: 'maxDepth', maxSeconds: 'maxSeconds', maxMemoryBytes: 'maxMemory', seed: 'seed', runs: 'runs', maxSteps: 'maxSteps', deadlock: 'deadlock', symmetry: 'symmetry', stopOnViolation: 'stopOnViolation' };
  return Object.fromEntries(Object.entries(all).filter(([key]) => key !== 'strategy' && given.has(flagOf[key])));
}
