import { Writable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import type { Io } from './io.ts';
import { main } from './main.ts';

/** What `bin.ts` hands the worker thread that runs the command. */
export interface WorkerInput {
  readonly argv: readonly string[];
  /** One Int32 set to 1 by the main thread on Ctrl-C. */
  readonly interrupt: SharedArrayBuffer;
  /** Columns of stderr when it is a terminal (progress bars), else undefined. */
  readonly stderrColumns: number | undefined;
  /** Columns of stdout when it is a terminal, else undefined. */
  readonly stdoutColumns: number | undefined;
}

/** Messages from the worker to the main thread, in order. */
export type WorkerMessage = { readonly stream: 'out' | 'err'; readonly text: string } | { readonly exit: number };

// The command runs here, off the main thread, so the main thread stays free to take Ctrl-C
// while a search blocks this one; a shared flag tells the search to stop.
const input = workerData as WorkerInput;
const port = parentPort!;
const post = (message: WorkerMessage): void => port.postMessage(message);
const flag = new Int32Array(input.interrupt);

// cli-progress draws on a stream; this one forwards to the main thread's stderr and says it is a terminal.
function terminal(columns: number): NodeJS.WritableStream {
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      post({ stream: 'err', text: chunk.toString() });
      done();
    },
  });
  return Object.assign(stream, { isTTY: true, columns });
}

const io: Io = {
  out: (text) => post({ stream: 'out', text }),
  err: (text) => post({ stream: 'err', text }),
  env: process.env,
  cwd: process.cwd(),
  progressStream: input.stderrColumns === undefined ? undefined : terminal(input.stderrColumns),
  progressLines: input.stderrColumns === undefined,
  ...(input.stdoutColumns === undefined ? {} : { columns: input.stdoutColumns }),
  signal: {
    get aborted() {
      return Atomics.load(flag, 0) !== 0;
    },
  },
};

void main(input.argv, io).then((code) => post({ exit: code }));
