import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareFailoverValidation } from '../../models/valkey-failover/observe/prepare.ts';
import { validateTrace } from '../../src/trace/search.ts';
import type { InputFile, TraceVerdict } from '../../src/trace/types.ts';

/** A harness run folder read into memory: topology, meta.json (if any), logs by file name. */
export interface RunFiles {
  readonly topology: InputFile;
  readonly meta?: InputFile;
  readonly logs: Map<string, InputFile>;
}

/** Reads a run folder (`nodes.txt`, `meta.json`, `<port>.log`). */
export function readRun(dir: string): RunFiles {
  const read = (name: string): InputFile => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') });
  const logs = new Map(readdirSync(dir).filter((f) => f.endsWith('.log')).sort().map((f) => [f, read(f)]));
  return { topology: read('nodes.txt'), ...(existsSync(join(dir, 'meta.json')) ? { meta: read('meta.json') } : {}), logs };
}

/** Run folders under `root` that hold a topology and at least one log. */
export function runDirs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map((d) => join(root, d))
    .filter((d) => existsSync(join(d, 'nodes.txt')) && readdirSync(d).some((f) => f.endsWith('.log')))
    .sort();
}

/** Validates a run (optionally with one log's text replaced) against a variant. */
export function validateRun(run: RunFiles, variant: string, maxStates = 400_000): TraceVerdict<unknown> {
  const prepared = prepareFailoverValidation({ topology: run.topology, meta: run.meta, logs: [...run.logs.values()], variants: [variant] });
  return validateTrace(prepared.adapter, prepared.perNode, { maxStates });
}

/** A copy of the run with `file`'s lines edited by `edit` (which gets and returns the line array). */
export function mutate(run: RunFiles, file: string, edit: (lines: string[]) => string[]): RunFiles {
  const original = run.logs.get(file);
  if (original === undefined) throw new Error(`no log ${file}`);
  const logs = new Map(run.logs);
  logs.set(file, { path: original.path, text: edit(original.text.split('\n')).join('\n') });
  return { ...run, logs };
}

/** 1-based numbers of the lines of `file` whose text matches `pattern`. */
export function linesMatching(run: RunFiles, file: string, pattern: RegExp): number[] {
  return run.logs.get(file)!.text.split('\n').flatMap((l, i) => (pattern.test(l) ? [i + 1] : []));
}
