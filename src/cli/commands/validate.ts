import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { splitvoteError } from '../../core/errors.ts';
import { escapeControl, quoted } from '../../report/escape.ts';
import { formatReplayFile, REPLAY_FILE_KIND } from '../../report/replayFile.ts';
import { findModel } from '../../suite/catalog.ts';
import { loadCatalog } from '../../suite/load.ts';
import { DEFAULT_TRACE_MAX_STATES, validateTrace } from '../../trace/search.ts';
import type { InputFile, LogObservation, PreparedValidation, TraceVerdict } from '../../trace/types.ts';
import { EXIT } from '../exitCodes.ts';
import { catalogPath, type Io } from '../io.ts';
import { assertOutputs, writeFileAtomic } from '../writeFileAtomic.ts';

/** The flags of `splitvote validate`. */
export interface ValidateFlags {
  variant?: string;
  topology?: string;
  meta?: string;
  saveTrace?: string;
  json?: boolean;
  verbose?: boolean;
  maxStates?: number;
  catalog?: string;
}

/** Reads an input file; SV402 naming the flag when it is missing or unreadable. */
export function readInput(path: string, what: string, io: Io): InputFile {
  try {
    return { path, text: readFileSync(resolve(io.cwd, path), 'utf8') };
  } catch (error) {
    throw splitvoteError('SV402', `${what} ${quoted(path)} cannot be read (${escapeControl((error as NodeJS.ErrnoException).code ?? (error as Error).message)})`);
  }
}

/** Builds the validation input of a command line: the topology, meta.json next to it (or `--meta`), the logs. */
export function validationInput(logs: readonly string[], flags: ValidateFlags, io: Io): { files: InputFile[]; meta?: InputFile; topology: InputFile } {
  if (flags.topology === undefined) throw splitvoteError('SV401', '--topology FILE is missing: give the CLUSTER NODES text of the cluster the logs come from (nodes.txt of a harness run)');
  if (logs.length === 0) throw splitvoteError('SV401', 'no LOG files given: pass the node logs (<port>.log) after the model name');
  const topology = readInput(flags.topology, '--topology', io);
  const metaPath = flags.meta ?? join(dirname(flags.topology), 'meta.json');
  const meta = flags.meta !== undefined || existsSync(resolve(io.cwd, metaPath)) ? readInput(metaPath, '--meta', io) : undefined;
  return { topology, meta, files: logs.map((l) => readInput(l, 'log', io)) };
}

/**
 * `splitvote validate MODEL --variant V --topology FILE LOG...`: trace validation of real
 * logs (docs/real-system.md). Exit 0 when a behaviour of the model explains every
 * observation, 1 when one cannot be explained (naming the file and line), 3 when the search
 * bound stopped it first; input errors throw (exit 2).
 */
export async function validateCommand(name: string, logs: readonly string[], flags: ValidateFlags, io: Io): Promise<number> {
  assertOutputs([['--save-trace', flags.saveTrace]], io.cwd);
  const catalog = await loadCatalog(catalogPath(flags.catalog, io));
  const entry = findModel(catalog.entries, name);
  if (entry.validation === undefined) {
    const able = catalog.entries.filter((e) => e.validation !== undefined).map((e) => e.name);
    throw splitvoteError('SV403', `model ${entry.name} has no trace validation; models with one: ${able.join(', ') || '(none)'}`);
  }
  const variants = flags.variant === undefined ? [...entry.defaultVariants] : flags.variant.split(',').filter((v) => v !== '');
  const allowed = entry.variants.map((v) => v.name);
  for (const v of variants) if (!allowed.includes(v)) throw splitvoteError('SV403', `unknown variant ${quoted(v)} for model ${entry.name} (--variant); variants: ${allowed.join(', ')}`);
  const input = validationInput(logs, flags, io);
  const prepared = entry.validation.prepare({ topology: input.topology, meta: input.meta, logs: input.files, variants });
  const verdict = validateTrace(prepared.adapter, prepared.perNode, { maxStates: flags.maxStates ?? DEFAULT_TRACE_MAX_STATES });
  if (flags.saveTrace !== undefined && verdict.status === 'accepted') {
    const model = prepared.adapter.model;
    const file = {
      schema: 1 as const,
      kind: REPLAY_FILE_KIND,
      model: entry.name,
      preset: 'topology',
      variants,
      property: model.properties[0]?.name ?? 'none',
      init: verdict.init,
      path: verdict.steps.filter((s) => s.actionIndex >= 0).map((s) => s.actionIndex),
      validation: { topology: input.topology.path, ...(input.meta === undefined ? {} : { meta: input.meta.path }), logs: [...logs] },
    };
    writeFileAtomic(flags.saveTrace, formatReplayFile(file as never), '--save-trace', io.cwd);
  }
  const label = `${entry.name} (variant ${variants.join(',') || '(default)'})`;
  if (flags.json === true) io.out(`${JSON.stringify(validationJson(label, prepared, verdict), null, 2)}\n`);
  else io.out(formatValidation(label, prepared, verdict, flags.verbose === true, io.cwd));
  return verdict.status === 'accepted' ? EXIT.ok : verdict.status === 'rejected' ? EXIT.failed : EXIT.unknown;
}

const where = (o: LogObservation, cwd: string): string => `${relativeTo(cwd, o.source.file)}:${o.source.line}`;
const relativeTo = (cwd: string, file: string): string => {
  const r = relative(cwd, resolve(cwd, file));
  return r.startsWith('..') ? file : r;
};
const lineText = (o: LogObservation): string => `"${escapeControl(o.source.text)}"`;

/** The report of a validation as text. Pure. */
export function formatValidation(label: string, prepared: PreparedValidation, verdict: TraceVerdict<unknown>, verbose: boolean, cwd: string): string {
  const { adapter } = prepared;
  const total = prepared.perNode.reduce((sum, l) => sum + l.length, 0);
  const kinds = new Map<string, number>();
  for (const list of prepared.perNode) for (const o of list) kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
  const out: string[] = [`Validating logs against ${label}`];
  for (const line of prepared.summary) out.push(`  ${line}`);
  out.push(`  observations: ${total} (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}); ignored lines: ${prepared.ignored.length}; unknown lines: ${prepared.unknown.length}${verbose ? '' : ' (--verbose lists them)'}`);
  if (verbose) {
    const why = new Map<string, number>();
    for (const i of prepared.ignored) why.set(i.why, (why.get(i.why) ?? 0) + 1);
    for (const [w, n] of why) out.push(`    ignored ${n}: ${w}`);
    for (const u of prepared.unknown) out.push(`    unknown ${relativeTo(cwd, u.file)}:${u.line}: "${escapeControl(u.text)}"`);
  }
  const describe = (o: LogObservation) => `${adapter.nodes[o.node]} ${adapter.describe(o)}`;
  if (verdict.status === 'accepted') {
    out.push('', `accepted: one behaviour of the model explains all ${total} observations (${verdict.explored} (state, log position) pairs explored)`, 'A matching behaviour:');
    const model = adapter.model;
    verdict.steps.forEach((step, i) => {
      const state = verdict.states[i];
      let text: string;
      if (step.actionIndex < 0) text = '(no step: a probe line holds in this state)';
      else {
        const list: unknown[] = [];
        model.actions(state, list);
        text = model.formatAction?.(list[step.actionIndex], state) ?? String(step.actionIndex);
      }
      const explains = step.explains.map((o) => `  <- ${where(o, cwd)} ${lineText(o)}`);
      out.push(`  ${String(i + 1).padStart(3)}. ${escapeControl(text)}${explains.length === 0 ? '' : '\n      ' + explains.join('\n      ')}`);
    });
  } else if (verdict.status === 'rejected') {
    out.push('', `rejected at ${where(verdict.at, cwd)}: ${lineText(verdict.at)}`, `  observation: ${describe(verdict.at)}`);
    out.push(`  matched before it: ${verdict.matched.length} of ${total} observations${verdict.matched.length === 0 ? '' : '; the last ones:'}`);
    for (const o of verdict.matched.slice(-5)) out.push(`    ${where(o, cwd)} ${describe(o)}`);
    out.push(`  the model could instead:${verdict.instead.length === 0 ? ' nothing observable' : ''}`);
    for (const s of verdict.instead) out.push(`    ${s}`);
    out.push(`  (${verdict.explored} (state, log position) pairs explored${verdict.boundaryHits > 0 ? `; ${verdict.boundaryHits} steps cut by the bounds, so the rejection holds within them` : ''})`);
  } else {
    out.push('', `unknown: ${verdict.reason} (${verdict.matched} of ${total} observations matched at best); raise --max-states`);
  }
  return `${out.join('\n')}\n`;
}

/** The JSON document of a validation (`--json`). Pure. */
export function validationJson(label: string, prepared: PreparedValidation, verdict: TraceVerdict<unknown>): unknown {
  const obs = (o: LogObservation) => ({ file: o.source.file, line: o.source.line, node: prepared.adapter.nodes[o.node], kind: o.kind, fields: o.fields, text: o.source.text });
  const base = {
    schema: 1,
    kind: 'splitvote-validate',
    model: label,
    status: verdict.status,
    summary: prepared.summary,
    observations: prepared.perNode.reduce((sum, l) => sum + l.length, 0),
    ignored: prepared.ignored.length,
    unknown: prepared.unknown.map((u) => ({ file: u.file, line: u.line, text: u.text })),
    explored: verdict.explored,
  };
  if (verdict.status === 'accepted') return { ...base, steps: verdict.steps.length };
  if (verdict.status === 'rejected') return { ...base, at: obs(verdict.at), matched: verdict.matched.length, instead: verdict.instead, boundaryHits: verdict.boundaryHits };
  return { ...base, reason: verdict.reason, matched: verdict.matched };
}


