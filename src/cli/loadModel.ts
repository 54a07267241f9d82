import type { AnyModel } from '../core/model.ts';
import { findModel, resolveRequest, type RequestSource } from '../suite/catalog.ts';
import { loadCatalog, type Catalog } from '../suite/load.ts';
import type { ModelEntry, ModelRequest } from '../suite/types.ts';
import { catalogPath, type Io } from './io.ts';

/** A model built from the catalog for one command. */
export interface LoadedModel {
  readonly catalog: Catalog;
  readonly entry: ModelEntry;
  readonly request: ModelRequest;
  readonly model: AnyModel;
}

/**
 * Loads the catalog, finds the model and builds it from a preset and variants (defaults:
 * the first preset, the default variants). Throws SV402 for a missing or malformed catalog,
 * SV403 for an unknown model, preset or variant (each listing what is allowed).
 */
export async function loadModel(io: Io, catalogFlag: string | undefined, name: string, preset?: string, variants?: readonly string[], via?: RequestSource): Promise<LoadedModel> {
  const catalog = await loadCatalog(catalogPath(catalogFlag, io));
  const entry = findModel(catalog.entries, name);
  const request = resolveRequest(entry, preset, variants, via ?? { preset: '--preset', variants: '--variant' });
  return { catalog, entry, request, model: entry.create(request) };
}
