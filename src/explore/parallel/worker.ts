import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { Model } from '../../core/model.ts';
import { LevelWork } from './levelWork.ts';
import { SharedTable } from './sharedTable.ts';
import type { ToWorker, WorkerData } from './protocol.ts';

/**
 * A worker thread of the parallel BFS: builds the model from the recipe, then does what the
 * coordinator says, level by level (see bfsParallel.ts). Errors go back as messages.
 */
async function main(): Promise<void> {
  const data = workerData as WorkerData;
  const port = parentPort!;
  const url = data.recipe.module.startsWith('file:') ? data.recipe.module : pathToFileURL(data.recipe.module).href;
  const factory = (await import(url))[data.recipe.export] as (args: unknown) => Model<unknown, unknown> | Promise<Model<unknown, unknown>>;
  const model = await factory(data.recipe.args);
  const packed = model.packed?.(data.settings);
  if (packed === undefined) throw new Error(`model "${model.name}" has no packed form for these settings`);
  const work = new LevelWork(packed, data.thread, model.isFinal?.bind(model));
  let table: SharedTable | undefined;
  const tableOf = (buffer: SharedArrayBuffer, capacity: number): SharedTable =>
    table !== undefined && table.buffer === buffer ? table : (table = new SharedTable(buffer, capacity));
  port.on('message', (message: ToWorker) => {
    try {
      if (message.kind === 'start') {
        tableOf(message.table, message.capacity);
        work.start(message.inits);
        port.postMessage({ kind: 'started' });
      } else if (message.kind === 'expand') {
        const result = work.expand(tableOf(message.table, message.capacity), message.depth, message.base, message.from, message.to, message.recordEdges, message.deadlock);
        port.postMessage({ kind: 'expanded', result }, [result.owned.buffer, result.edges.buffer, result.open.buffer, result.deadlocks.buffer] as ArrayBuffer[]);
      } else if (message.kind === 'advance') {
        work.advance(message.list);
        port.postMessage({ kind: 'advanced' });
      } else {
        port.close();
      }
    } catch (error) {
      port.postMessage({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
  port.postMessage({ kind: 'ready', width: packed.width });
}

main().catch((error: unknown) => {
  parentPort!.postMessage({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
});
