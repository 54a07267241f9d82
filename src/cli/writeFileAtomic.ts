import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { splitvoteError } from '../core/errors.ts';

/**
 * Writes `content` to `file` all at once: to a temporary file in the same folder, then a
 * rename (atomic on one file system), so a reader never sees a half-written file and a
 * crash leaves the old file in place. A relative `file` is taken from `cwd`. Throws SV401 naming `flag` when the folder does not
 * exist or the file cannot be written.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, flag: string, cwd = process.cwd()): void {
  const target = resolve(cwd, file);
  const folder = assertFolderExists(file, flag, cwd);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw splitvoteError('SV401', `${flag} ${file}: cannot write the file (${(error as Error).message})`);
  }
}

/**
 * Throws SV401 naming `flag` when the folder `file` would go into does not exist, so a
 * command can fail before a long search rather than after it. Returns the folder.
 */
export function assertFolderExists(file: string, flag: string, cwd = process.cwd()): string {
  const folder = dirname(resolve(cwd, file));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw splitvoteError('SV401', `${flag} ${file}: the folder ${folder} does not exist; create it or pass a path in an existing folder`);
  }
  return folder;
}
