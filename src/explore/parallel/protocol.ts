import type { PackedSettings } from '../../core/packed.ts';

/**
 * How a worker thread builds the model the coordinator explores: a module with a function
 * that returns it (functions cannot be sent to a thread). The function gets `args`, which
 * must be structured-cloneable, and may be async. Same recipe, same model: the model
 * contract (pure, deterministic) makes every thread's model the same.
 */
export interface ModelRecipe {
  /** File URL or absolute path of the module. */
  readonly module: string;
  /** Name of the exported factory. */
  readonly export: string;
  readonly args?: unknown;
}

/** Coordinator to worker. */
export type ToWorker =
  | { readonly kind: 'start'; readonly table: SharedArrayBuffer; readonly capacity: number; readonly inits: readonly number[] }
  | { readonly kind: 'expand'; readonly table: SharedArrayBuffer; readonly capacity: number; readonly depth: number; readonly base: number; readonly from: number; readonly to: number; readonly recordEdges: boolean; readonly deadlock: boolean }
  | { readonly kind: 'advance'; readonly list: Int32Array }
  | { readonly kind: 'stop' };

/** What a worker is started with. */
export interface WorkerData {
  readonly recipe: ModelRecipe;
  readonly thread: number;
  readonly settings: PackedSettings;
}
