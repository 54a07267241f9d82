import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { splitvoteError } from '../../core/errors.ts';
import { quoted } from '../../report/escape.ts';
import { formatTrace } from '../../report/formatTrace.ts';
import { findModel, resolveRequest } from '../../suite/catalog.ts';
import { loadCatalog } from '../../suite/load.ts';
import type { ModelEntry } from '../../suite/types.ts';
import { formatMutationReport } from '../../mutate/format.ts';
import { checkPins, pinsText, readPins, stalePins, validatePins, type PinCheck } from '../../mutate/pins.ts';
import { runMutants, type MutationReport } from '../../mutate/run.ts';
import { EXIT } from '../exitCodes.ts';
import { CODE_ROOT, catalogPath, outputWidth, type Io } from '../io.ts';
import { writeFileAtomic } from '../writeFileAtomic.ts';

/** The flags of `splitvote mutate`. */
export interface MutateFlags {
  preset?: string[];
  mutant?: string;
  json?: boolean;
  writePins?: boolean;
  trace?: boolean;
  quiet?: boolean;
  catalog?: string;
}

/**
 * `splitvote mutate <model>`: plants each deliberate bug of the model's mutation suite,
 * explores it (see `runMutants`) and prints per mutant the property that caught it or that
 * it survived, with the reason declared for a survivor, then the mutation score and the
 * comparison with the pin file. Exit 0 when every outcome is as pinned, every target is
 * replaced by some mutant and every survivor is explained; 1 otherwise. With `--preset` the
 * pins are not compared (the runs differ). `--write-pins` rewrites the pin file from this
 * run (exit 0). Input errors (no suite, unknown preset or mutant) throw SV401/SV403 (exit 2).
 */
export async function mutateCommand(name: string, flags: MutateFlags, io: Io): Promise<number> {
  const catalog = await loadCatalog(catalogPath(flags.catalog, io));
  return mutateCommandWith(catalog.entries, name, flags, io);
}

/** {@link mutateCommand} on catalog entries already loaded (tests pass their own). */
export async function mutateCommandWith(entries: readonly ModelEntry[], name: string, flags: MutateFlags, io: Io): Promise<number> {
  const entry = findModel(entries, name);
  const suite = entry.mutants;
  if (suite === undefined) {
    const having = entries.filter((e) => e.mutants !== undefined).map((e) => e.name);
    throw splitvoteError('SV403', `model ${entry.name} has no mutation suite (ModelEntry.mutants); models with one: ${having.length === 0 ? '(none)' : having.join(', ')}`);
  }
  for (const preset of flags.preset ?? []) resolveRequest(entry, preset, undefined, { preset: '--preset', variants: '--variant' });
  if (flags.mutant !== undefined && !suite.mutants.some((m) => m.name === flags.mutant)) {
    throw splitvoteError('SV401', `--mutant ${quoted(flags.mutant)}: no such mutant of ${entry.name}; mutants: ${suite.mutants.map((m) => m.name).join(', ')}`);
  }
  if (flags.trace === true && flags.mutant === undefined) throw splitvoteError('SV401', '--trace prints one counterexample: give --mutant NAME too');
  if (flags.writePins === true && flags.preset !== undefined) throw splitvoteError('SV401', '--write-pins with --preset: pins record the runs on the suite\'s presets; drop --preset');
  if (flags.writePins === true && suite.pinsFile === undefined) throw splitvoteError('SV401', `--write-pins: model ${entry.name} declares no pin file (MutationSuite.pinsFile)`);

  const progress = flags.quiet !== true && flags.json !== true;
  const report = runMutants(entry, suite, {
    presets: flags.preset,
    only: flags.mutant === undefined ? undefined : [flags.mutant],
    onMutant: progress ? (done, total, o) => io.err(`mutant ${done}/${total} ${o.mutant.name}: ${o.status}\n`) : undefined,
  });
  const fromFile = suite.pinsFile !== undefined && existsSync(suite.pinsFile);
  const pins = fromFile ? readPins(suite.pinsFile!) : suite.pins === undefined ? {} : validatePins(suite.pins, `model ${entry.name} (MutationSuite.pins)`);
  const pinsName = suite.pinsFile === undefined ? undefined : relative(CODE_ROOT, suite.pinsFile);
  if (flags.writePins === true && suite.pinsFile !== undefined) {
    const names = suite.mutants.map((m) => m.name);
    const kept = Object.fromEntries(Object.entries(pins).filter(([n]) => names.includes(n)));
    writeFileAtomic(suite.pinsFile, pinsText(report, kept), '--write-pins', io.cwd);
  }
  const compared = flags.preset === undefined && flags.writePins !== true;
  const checks: PinCheck[] | undefined = compared ? checkPins(report, pins) : undefined;
  const stale = compared && flags.mutant === undefined ? stalePins(pins, suite.mutants.map((m) => m.name)) : [];
  const code = exitCode(report, checks, stale);

  if (flags.json === true) {
    io.out(`${JSON.stringify(jsonReport(report, checks, stale, pinsName), null, 2)}\n`);
  } else {
    io.out(`${formatMutationReport(report, { width: outputWidth(io) - 20, pins: checks, pinsFile: pinsName, stale })}\n`);
    const caught = report.outcomes[0]?.caught;
    if (flags.trace === true && caught?.trace !== undefined) {
      const where = `mutant ${report.outcomes[0].mutant.name}, preset ${caught.preset}, variants ${caught.variants.join(',') || '(none)'}, ${caught.steps} steps`;
      io.out(`\nCounterexample for "${caught.property}" (${where}):\n${formatTrace(caught.trace, { view: caught.view, width: outputWidth(io) })}\n`);
    } else if (flags.trace === true) {
      io.out('\nNo counterexample: the mutant was not caught.\n');
    }
    if (flags.writePins === true) io.out(`Pins written: ${pinsName ?? ''} (${report.outcomes.length} outcomes)\n`);
    if (!compared && flags.writePins !== true) io.out('Pins not compared: --preset changes the runs.\n');
  }
  return code;
}

function unexplained(report: MutationReport): string[] {
  return report.outcomes.filter((o) => o.status !== 'caught' && o.mutant.equivalent === undefined && o.mutant.gap === undefined).map((o) => o.mutant.name);
}

function exitCode(report: MutationReport, checks: readonly PinCheck[] | undefined, stale: readonly string[]): number {
  if (report.uncovered.length > 0 || unexplained(report).length > 0 || stale.length > 0) return EXIT.failed;
  if (report.outcomes.some((o) => o.status === 'caught' && o.mutant.equivalent !== undefined)) return EXIT.failed;
  if (checks !== undefined && checks.some((c) => c.status !== 'ok')) return EXIT.failed;
  return EXIT.ok;
}

/** The `--json` document (schema 1): score, outcomes with their pins, uncovered targets, runs. */
function jsonReport(report: MutationReport, checks: readonly PinCheck[] | undefined, stale: readonly string[], pinsFile: string | undefined) {
  return {
    schema: 1,
    model: report.model,
    maxStates: report.maxStates,
    score: report.score,
    outcomes: report.outcomes.map((o, i) => ({
      name: o.mutant.name,
      kind: o.mutant.kind,
      replaces: o.mutant.replaces,
      description: o.mutant.description,
      status: o.status,
      caught: o.caught === undefined ? null : { property: o.caught.property, preset: o.caught.preset, variants: o.caught.variants, steps: o.caught.steps },
      runs: o.runs,
      cut: o.cut,
      states: o.states,
      equivalent: o.mutant.equivalent ?? null,
      gap: o.mutant.gap ?? null,
      error: o.error ?? null,
      pin: checks === undefined ? null : checks[i].status,
    })),
    uncovered: report.uncovered,
    unexplained: unexplained(report),
    stalePins: stale,
    pinsFile: pinsFile ?? null,
    runs: report.baselines.map((b) => ({ preset: b.preset, variants: b.variants, states: b.states, complete: b.complete, judges: b.judges })),
  };
}
