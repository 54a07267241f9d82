import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { splitvoteError } from '../core/errors.ts';
import { quoted } from '../report/escape.ts';

/**
 * Writes `content` to `file` all at once: to a temporary file in the same folder, then a
 * rename (atomic on one file system), so a reader never sees a half-written file and a
 * crash leaves the old file in place. A relative `file` is taken from `cwd`. Throws SV401
 * naming `flag` when the file cannot be written (see {@link assertWritable}); the message
 * names the file, never the temporary one.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, flag: string, cwd = process.cwd()): void {
  const target = resolve(cwd, file);
  const folder = assertWritable(file, flag, cwd);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw splitvoteError('SV401', `${flag} ${quoted(file)}: cannot write the file${code === undefined ? '' : ` (${code})`}`);
  }
}

/**
 * Throws SV401 naming `flag` unless `file` can be written: its folder exists and is
 * writable, and `file` is not a folder and, when it exists, is writable. Commands call it
 * for every output before a search starts, so a long search never ends in "cannot write".
 * Returns the folder.
 */
export function assertWritable(file: string, flag: string, cwd = process.cwd()): string {
  const target = resolve(cwd, file);
  const folder = dirname(target);
  const bad = (why: string) => splitvoteError('SV401', `${flag} ${quoted(file)}: ${why}`);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw bad(`the folder ${folder} does not exist; create it or pass a path in an existing folder`);
  if (existsSync(target) && statSync(target).isDirectory()) throw bad('is a folder; pass a file name (for example inside it)');
  try {
    accessSync(folder, constants.W_OK);
    if (existsSync(target)) accessSync(target, constants.W_OK);
  } catch {
    throw bad(`cannot be written (no write permission${existsSync(target) ? ' on the file' : ` in ${folder}`})`);
  }
  return folder;
}

/** {@link assertWritable} for every output a command was asked to write: `[flag, file]` pairs, unset ones skipped. */
export function assertOutputs(outputs: readonly (readonly [string, string | undefined])[], cwd: string): void {
  for (const [flag, file] of outputs) if (file !== undefined) assertWritable(file, flag, cwd);
}
