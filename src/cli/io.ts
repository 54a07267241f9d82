import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/**
 * Where the CLI writes and what it reads from its environment. Commands never touch
 * `process` directly, so the whole CLI runs in-process in tests with captured output.
 */
export interface Io {
  /** Writes to standard output (text is written as given; add the newline). */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The terminal to draw progress bars on; `undefined` when stderr is not a TTY. */
  readonly progressStream: NodeJS.WritableStream | undefined;
}

/** The real process: stdout, stderr, environment, and a progress bar only on a terminal. */
export function processIo(): Io {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    progressStream: process.stderr.isTTY ? process.stderr : undefined,
  };
}

/** The package root (the folder holding package.json, models/ and checks/). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The model catalog module: `--catalog PATH`, else `SPLITVOTE_CATALOG`, else
 * `<package root>/models/index.ts`. Relative paths are taken from the working directory.
 */
export function catalogPath(flag: string | undefined, io: Io): string {
  const chosen = flag ?? io.env.SPLITVOTE_CATALOG;
  return chosen === undefined || chosen === '' ? resolve(PACKAGE_ROOT, 'models/index.ts') : resolve(io.cwd, chosen);
}

/** The checks folder: `--dir DIR`, else `<package root>/checks`. */
export function checksDir(flag: string | undefined, io: Io): string {
  return flag === undefined ? resolve(PACKAGE_ROOT, 'checks') : resolve(io.cwd, flag);
}
