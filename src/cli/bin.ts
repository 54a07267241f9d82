#!/usr/bin/env node
/**
 * The `splitvote` executable. It runs the command ({@link main}) in a worker thread and
 * keeps the main thread free for two jobs: copying the worker's output to stdout/stderr in
 * order, and Ctrl-C. The first Ctrl-C sets a shared flag: the search stops at its next
 * check and the command prints the partial result (exit 130); a second Ctrl-C quits at
 * once. It sets `process.exitCode` instead of calling `process.exit`, so piped output is
 * flushed before the process ends.
 */
import { Worker } from 'node:worker_threads';
import { EXIT } from './exitCodes.ts';
import { CODE_EXTENSION } from './io.ts';
import type { WorkerInput, WorkerMessage } from './worker.ts';

function startWorker(workerData: WorkerInput): Worker {
  const entry = new URL(`./worker${CODE_EXTENSION}`, import.meta.url);
  if (CODE_EXTENSION === '.js') return new Worker(entry, { workerData });
  // From the TypeScript sources (`tsx src/cli/bin.ts`): loaders do not reach worker threads, so register tsx there.
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

// `splitvote ... | head` closes the pipe early: stop quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const interrupt = new SharedArrayBuffer(4);
const worker = startWorker({
  argv: process.argv.slice(2),
  interrupt,
  stderrColumns: process.stderr.isTTY ? process.stderr.columns : undefined,
  stdoutColumns: process.stdout.isTTY ? process.stdout.columns : undefined,
});

let interrupts = 0;
process.on('SIGINT', () => {
  if (++interrupts > 1) process.exit(EXIT.interrupted);
  Atomics.store(new Int32Array(interrupt), 0, 1);
  process.stderr.write('\ninterrupted: stopping the search, the partial result follows (Ctrl-C again to quit at once)\n');
});

let exitCode: number | undefined;
worker.on('message', (message: WorkerMessage) => {
  if ('exit' in message) {
    exitCode = message.exit;
    void worker.terminate();
  } else if (message.stream === 'out') process.stdout.write(message.text);
  else process.stderr.write(message.text);
});
worker.on('error', (error) => {
  process.stderr.write(`error: internal error: ${error.message}\n${process.env.SPLITVOTE_DEBUG === undefined ? 'Set SPLITVOTE_DEBUG=1 for the stack trace.' : (error.stack ?? '')}\n`);
  exitCode = EXIT.usage;
});
worker.on('exit', () => {
  process.exitCode = exitCode ?? EXIT.usage;
  // Nothing else keeps the process alive; without this it would wait for a Ctrl-C that never comes.
  process.removeAllListeners('SIGINT');
});
