import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Something that can be asked whether the user interrupted the run (an `AbortSignal` is one). */
export interface InterruptFlag {
  readonly aborted: boolean;
}

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
  /**
   * Without a terminal: write a progress line to `err` every few seconds (a CI log shows
   * life). Default false, so in-process runs stay silent.
   */
  readonly progressLines?: boolean;
  /** Width of the terminal standard output goes to; `undefined` when it is not one. */
  readonly columns?: number;
  /** Set when the user pressed Ctrl-C: searches stop and report what they covered. */
  readonly signal?: InterruptFlag;
}

/** The real process, for in-process use: stdout, stderr, environment, a bar only on a terminal. */
export function processIo(): Io {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    progressStream: process.stderr.isTTY ? process.stderr : undefined,
    progressLines: !process.stderr.isTTY,
    ...(process.stdout.isTTY ? { columns: process.stdout.columns } : {}),
  };
}

/** Widest line the CLI prints: 120 columns, or the terminal's width when it is wider. */
export function outputWidth(io: Pick<Io, 'columns'>): number {
  return Math.max(120, io.columns ?? 0);
}

/**
 * The folder this code runs from: the repository root when it runs from its TypeScript
 * sources (`src/cli/io.ts`), `dist/` when it runs compiled (`dist/src/cli/io.js`). The
 * default catalog and checks sit at the same place relative to it: `models/`, `checks/`.
 */
export const CODE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `.ts` when running from the sources, `.js` when compiled: the extension of the default catalog and checks. */
export const CODE_EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/** The package root: the nearest folder above this file with splitvote's package.json. */
export const PACKAGE_ROOT = findPackageRoot(CODE_ROOT);

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'splitvote') return dir;
    if (dirname(dir) === dir) return from;
  }
}

/**
 * The model catalog module: `--catalog PATH`, else `SPLITVOTE_CATALOG`, else the package's
 * own `models/index` (`.ts` from the sources, `.js` compiled). Relative paths are taken
 * from the working directory.
 */
export function catalogPath(flag: string | undefined, io: Io): string {
  const chosen = flag ?? io.env.SPLITVOTE_CATALOG;
  return chosen === undefined || chosen === '' ? resolve(CODE_ROOT, `models/index${CODE_EXTENSION}`) : resolve(io.cwd, chosen);
}

/** The checks folder: `--dir DIR`, else the package's own `checks/`. */
export function checksDir(flag: string | undefined, io: Io): string {
  return flag === undefined ? resolve(CODE_ROOT, 'checks') : resolve(io.cwd, flag);
}
