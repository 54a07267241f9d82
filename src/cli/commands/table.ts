import { splitvoteError } from '../../core/errors.ts';
import { formatTable } from '../../report/formatTable.ts';
import { toJsonReport } from '../../report/json.ts';
import { stateView } from '../../report/formatTrace.ts';
import { loadCatalog } from '../../suite/load.ts';
import { runTable } from '../../suite/runTable.ts';
import type { TableSpec } from '../../suite/types.ts';
import { DEFAULTS } from '../../explore/options.ts';
import { exploreOptionsOf, searchFlagsText, type SearchFlags } from '../flags.ts';
import { catalogPath, type Io } from '../io.ts';
import { createProgress } from '../progress.ts';

/** The flags of `splitvote table`. */
export interface TableFlags extends SearchFlags {
  preset?: string[];
  variantSets?: string[][] | 'all';
  trace?: string;
  json?: boolean;
  quiet?: boolean;
  catalog?: string;
}

/**
 * `splitvote table [model]`: the verdict table of a model across presets and variant sets
 * (rows) and properties (columns), then one counterexample in full. Without a model it
 * prints the catalog's `flagship` table (what `npm start` runs). Flags given on the command
 * line override the flagship's. The table reports, it does not judge: exit code 0 unless
 * the input is wrong (2).
 */
export async function tableCommand(name: string | undefined, flags: TableFlags, io: Io, given: ReadonlySet<string>): Promise<number> {
  const catalog = await loadCatalog(catalogPath(flags.catalog, io));
  const base: TableSpec | undefined = name === undefined ? catalog.flagship : { model: name };
  if (base === undefined) {
    throw splitvoteError('SV401', `name a model (models: ${catalog.entries.map((e) => e.name).join(', ')}), or export \`flagship\` from ${catalog.source}`);
  }
  const spec: TableSpec = {
    ...base,
    ...(flags.preset === undefined ? {} : { presets: flags.preset }),
    ...(flags.variantSets === undefined ? {} : { variantSets: flags.variantSets === 'all' ? undefined : flags.variantSets }),
    ...(flags.trace === undefined ? {} : { trace: { property: flags.trace } }),
    // Search flags override the flagship's only when given, so `npm start` keeps its settings.
    ...(base.strategy === undefined || given.has('strategy') ? { strategy: flags.strategy } : {}),
    options: { ...base.options, ...searchOverrides(flags, given) },
  };
  const progress = createProgress(io, flags.quiet !== true && flags.json !== true);
  let outcome;
  try {
    outcome = runTable(spec, catalog.entries, {
      onProgress: (row, rows, label, p) => {
        if (p !== undefined) progress.update(p, `[${row + 1}/${rows}] ${label}`);
      },
    });
  } finally {
    progress.stop();
  }
  if (flags.json === true) {
    const rows = outcome.rows.map((row) => toJsonReport(row.result, { model: spec.model, preset: row.preset, variants: row.variants, view: stateView(row.model) }));
    io.out(`${JSON.stringify({ schema: 1, kind: 'splitvote-table', model: spec.model, rows }, null, 2)}\n`);
    return 0;
  }
  const found = outcome.trace;
  const reproduce =
    found === undefined
      ? undefined
      : [`splitvote check ${spec.model} --preset ${found.row.preset}`, found.row.variants.length > 0 ? `--variant ${found.row.variants.join(',')}` : '', searchFlagsText(flagsOf(spec))]
          .filter((s) => s !== '')
          .join(' ');
  io.out(`${formatTable(outcome, { reproduce })}\n`);
  return 0;
}

function searchOverrides(flags: TableFlags, given: ReadonlySet<string>): Record<string, unknown> {
  const all = exploreOptionsOf(flags) as Record<string, unknown>;
  const flagOf: Record<string, string> = { maxStates: 'maxStates', maxDepth: 'maxDepth', maxSeconds: 'maxSeconds', maxMemoryBytes: 'maxMemory', seed: 'seed', runs: 'runs', maxSteps: 'maxSteps', deadlock: 'deadlock', stopOnViolation: 'stopOnViolation' };
  return Object.fromEntries(Object.entries(all).filter(([key]) => key !== 'strategy' && given.has(flagOf[key])));
}

// The search settings a table actually ran with, as flags, so its reproduce line is exact.
function flagsOf(spec: TableSpec): SearchFlags {
  const o = spec.options ?? {};
  return {
    strategy: spec.strategy ?? DEFAULTS.strategy,
    ...(o.maxStates === undefined || !Number.isFinite(o.maxStates) ? {} : { maxStates: o.maxStates }),
    ...(o.maxDepth === undefined || !Number.isFinite(o.maxDepth) ? {} : { maxDepth: o.maxDepth }),
    seed: o.seed ?? DEFAULTS.seed,
    runs: o.runs ?? DEFAULTS.runs,
    maxSteps: o.maxSteps ?? DEFAULTS.maxSteps,
    deadlock: o.deadlock ?? DEFAULTS.deadlock,
  };
}
