import { Worker } from 'node:worker_threads';
import type { ToWorker, WorkerData } from './protocol.ts';

interface Pending {
  resolve(reply: unknown): void;
  reject(error: Error): void;
}

/**
 * The worker threads of a parallel search, one request at a time per thread. A thread that
 * reports an error, or dies, fails every pending request with its message. The worker
 * module is worker.ts beside this file (worker.js in the built package); under a
 * TypeScript loader the threads get tsx too.
 */
export class ThreadPool {
  private readonly pending = new Map<Worker, Pending>();
  private failure: Error | undefined;

  private constructor(private readonly workers: readonly Worker[]) {
    for (const worker of workers) {
      worker.on('message', (message: { kind: string; message?: string }) => {
        const waiting = this.pending.get(worker);
        this.pending.delete(worker);
        if (message.kind === 'error') this.fail(new Error(`a worker thread failed: ${message.message}`), waiting);
        else waiting?.resolve(message);
      });
      worker.on('error', (error) => this.fail(error, this.pending.get(worker)));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a worker thread exited with code ${code}`), this.pending.get(worker));
      });
    }
  }

  /** Starts `count` threads (thread numbers 1..count) and waits until each has built its model. */
  static async start(count: number, data: (thread: number) => WorkerData): Promise<ThreadPool> {
    const typescript = import.meta.url.endsWith('.ts');
    const url = new URL(`./worker.${typescript ? 'ts' : 'js'}`, import.meta.url);
    // From TypeScript sources (tests, `npm run splitvote`), the thread registers tsx first.
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
    const workers = Array.from({ length: count }, (_, k) =>
      typescript ? new Worker(boot, { eval: true, workerData: data(k + 1) }) : new Worker(url, { workerData: data(k + 1) }),
    );
    const pool = new ThreadPool(workers);
    try {
      await Promise.all(workers.map((worker) => pool.await(worker)));
    } catch (error) {
      await pool.stop();
      throw error;
    }
    return pool;
  }

  /** Sends each thread k (0-based among the workers) `message(k)` and waits for every reply. */
  requestEach(message: (k: number) => ToWorker): Promise<unknown[]> {
    return Promise.all(
      this.workers.map((worker, k) => {
        const reply = this.await(worker);
        worker.postMessage(message(k));
        return reply;
      }),
    );
  }

  /** {@link requestEach} with the same message for every thread. */
  broadcast(message: (k: number) => ToWorker): Promise<unknown[]> {
    return this.requestEach(message);
  }

  /** Tells every thread to stop and waits until it has. */
  async stop(): Promise<void> {
    for (const worker of this.workers) worker.postMessage({ kind: 'stop' } satisfies ToWorker);
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private await(worker: Worker): Promise<unknown> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.pending.set(worker, { resolve, reject }));
  }

  private fail(error: Error, waiting: Pending | undefined): void {
    this.failure ??= error;
    waiting?.reject(error);
    for (const other of this.pending.values()) other.reject(error);
    this.pending.clear();
  }
}
