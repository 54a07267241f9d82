import type { ModelRecipe } from '../explore/parallel/protocol.ts';
import type { Model } from '../core/model.ts';
import { findModel } from './catalog.ts';
import { loadCatalog } from './load.ts';
import type { ModelRequest } from './types.ts';

/** What {@link catalogModel} needs: the catalog file, the model's name and a complete request (no extras: they do not cross threads). */
export interface CatalogRecipeArgs {
  readonly catalog: string;
  readonly name: string;
  readonly request: ModelRequest;
}

/** Builds a catalog model in a worker thread (the factory a catalog {@link ModelRecipe} names). */
export async function catalogModel(args: CatalogRecipeArgs): Promise<Model<unknown, unknown>> {
  const catalog = await loadCatalog(args.catalog);
  return findModel(catalog.entries, args.name).create(args.request) as Model<unknown, unknown>;
}

/** The recipe for a catalog model, or undefined when its request carries extras (machines cannot be sent to a thread). */
export function catalogRecipe(catalog: string, name: string, request: ModelRequest): ModelRecipe | undefined {
  if (request.extras !== undefined && Object.keys(request.extras).length > 0) return undefined;
  return { module: new URL(`./recipe.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url).href, export: 'catalogModel', args: { catalog, name, request } satisfies CatalogRecipeArgs };
}
