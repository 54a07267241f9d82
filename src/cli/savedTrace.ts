import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SplitvoteError, splitvoteError } from '../core/errors.ts';
import type { AnyModel } from '../core/model.ts';
import type { Trace } from '../core/result.ts';
import { replay } from '../explore/replay.ts';
import { parseReplayFile, type ReplayFile } from '../report/replayFile.ts';
import type { Io } from './io.ts';
import { loadModel, type LoadedModel } from './loadModel.ts';
import { findModel } from '../suite/catalog.ts';
import { loadCatalog } from '../suite/load.ts';
import { catalogPath } from './io.ts';
import { validationInput } from './commands/validate.ts';

/** A replay file read back: the file, the model it names, and its replayed trace. */
export interface SavedTrace extends LoadedModel {
  readonly saved: ReplayFile;
  readonly trace: Trace;
}

/**
 * Reads a replay file (`check --save-trace`), rebuilds its model (preset, variants,
 * constants) and replays its path. Throws SV402 naming the file and the field at fault: an
 * unreadable or invalid file, an initial state or action index out of range, an action
 * that no longer applies (the file does not fit this model). SV403/SV404 for a preset,
 * variant or constant the model does not have.
 */
export async function loadSavedTrace(file: string, catalog: string | undefined, io: Io): Promise<SavedTrace> {
  const text = readText(resolve(io.cwd, file), file);
  const saved = parseReplayFile(text, file);
  const validation = validationOf(text, file);
  if (validation !== undefined) {
    // A behaviour saved by `splitvote validate --save-trace`: the model is rebuilt from the logs.
    const loadedCatalog = await loadCatalog(catalogPath(catalog, io));
    const entry = findModel(loadedCatalog.entries, saved.model);
    if (entry.validation === undefined) throw splitvoteError('SV402', `${file}: field "validation" is set, but model ${entry.name} has no trace validation`);
    const input = validationInput(validation.logs, { topology: validation.topology, meta: validation.meta }, io);
    const prepared = entry.validation.prepare({ topology: input.topology, meta: input.meta, logs: input.files, variants: saved.variants });
    const model = prepared.adapter.model as AnyModel;
    const loaded: LoadedModel = { catalog: loadedCatalog, entry, request: { preset: saved.preset, variants: [...saved.variants] }, model };
    return { ...loaded, saved, trace: replayOrExplain(model, saved, file) };
  }
  const field = (name: string) => `field "${name}" of ${file}`;
  const loaded = await loadModel(io, {
    catalog,
    name: saved.model,
    preset: saved.preset,
    variants: saved.variants,
    ...(saved.constants === undefined ? {} : { constants: saved.constants }),
    via: { preset: field('preset'), variants: field('variants'), constants: field('constants') },
  });
  return { ...loaded, saved, trace: replayOrExplain(loaded.model, saved, file) };
}

/** The `validation` extra of a replay file written by `splitvote validate --save-trace`, checked by type. */
function validationOf(text: string, file: string): { topology: string; meta?: string; logs: string[] } | undefined {
  const v = (JSON.parse(text) as { validation?: unknown }).validation;
  if (v === undefined) return undefined;
  const o = v as { topology?: unknown; meta?: unknown; logs?: unknown };
  const ok = typeof o === 'object' && o !== null && typeof o.topology === 'string' && (o.meta === undefined || typeof o.meta === 'string') && Array.isArray(o.logs) && o.logs.every((l) => typeof l === 'string');
  if (!ok) throw splitvoteError('SV402', `${file}: field "validation" must be {"topology": path, "meta"?: path, "logs": [paths]}`);
  return { topology: o.topology as string, ...(o.meta === undefined ? {} : { meta: o.meta as string }), logs: o.logs as string[] };
}

function readText(path: string, file: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw splitvoteError('SV402', `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); pass a file written by \`splitvote check --save-trace FILE\``);
  }
}

// A path that does not fit is the file's fault here (edited, or saved from another version
// or configuration of the model), so it is an input error that names the field and step.
function replayOrExplain(model: AnyModel, saved: ReplayFile, file: string): Trace {
  try {
    return replay(model, saved.init, saved.path, saved.loopsTo);
  } catch (error) {
    if (!(error instanceof SplitvoteError) || error.code !== 'SV201') throw error;
    const where = `${file} (model ${saved.model}, preset ${saved.preset})`;
    throw splitvoteError('SV402', `${where}: ${misfit(model, saved) ?? error.message}; was the file edited, or saved from another version or configuration of the model?`);
  }
}

// Walks the path to say which field is out of range; undefined when every index fits (then the model itself diverged).
function misfit(model: AnyModel, saved: ReplayFile): string | undefined {
  const inits = model.initStates();
  if (saved.init >= inits.length) return `field "init" is ${saved.init}, but the model has ${inits.length} initial state(s) (indices 0..${inits.length - 1})`;
  let state: unknown = inits[saved.init];
  const actions: unknown[] = [];
  for (let k = 0; k < saved.path.length; k++) {
    actions.length = 0;
    model.actions(state, actions);
    const index = saved.path[k];
    if (index >= actions.length) return `field "path"[${k}] is ${index}, but step ${k + 1} offers ${actions.length} action(s) (indices 0..${actions.length - 1})`;
    const next = model.next(state, actions[index]);
    if (next === undefined) return `field "path"[${k}]: action ${index} does not apply at step ${k + 1}`;
    state = next;
  }
  return undefined;
}
