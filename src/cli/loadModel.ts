import type { AnyModel } from '../core/model.ts';
import { findModel, resolveRequest, withConstants, type RequestSource } from '../suite/catalog.ts';
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

/** What to build: the model's name, and optionally a preset, variants and constants. */
export interface ModelChoice {
  /** `--catalog`, when given (else `SPLITVOTE_CATALOG`, else the package's models). */
  readonly catalog?: string;
  readonly name: string;
  readonly preset?: string;
  readonly variants?: readonly string[];
  readonly constants?: Readonly<Record<string, number>>;
  /** Where preset, variants and constants came from, for error messages (default: the flags). */
  readonly via?: RequestSource & { readonly constants?: string };
}

/**
 * Loads the catalog, finds the model and builds it from a preset, variants and constants
 * (defaults: the first preset, the default variants, the preset's constants). Throws SV402
 * for a missing or malformed catalog, SV403 for an unknown model, preset or variant, SV404
 * for an unknown or out-of-range constant (each listing what is allowed).
 */
export async function loadModel(io: Io, choice: ModelChoice): Promise<LoadedModel> {
  const catalog = await loadCatalog(catalogPath(choice.catalog, io));
  const entry = findModel(catalog.entries, choice.name);
  const via = choice.via ?? { preset: '--preset', variants: '--variant' };
  const request = withConstants(entry, resolveRequest(entry, choice.preset, choice.variants, via), choice.constants, via.constants ?? '--set');
  return { catalog, entry, request, model: entry.create(request) };
}
