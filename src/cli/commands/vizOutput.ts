import { splitvoteError } from '../../core/errors.ts';
import type { Io } from '../io.ts';
import { writeFileAtomic } from '../writeFileAtomic.ts';

const EXTENSIONS: Readonly<Record<string, string>> = { '.svg': 'svg', '.dot': 'dot', '.gv': 'dot', '.mmd': 'mermaid', '.mermaid': 'mermaid', '.html': 'html', '.htm': 'html' };

/**
 * The drawing format: `--format` when given, else the `-o` file's extension, else
 * `fallback`. Throws SV401 naming the flag and the allowed formats when the format (given
 * or implied by the extension) is not one of `allowed`.
 */
export function formatOf<T extends string>(format: string | undefined, output: string | undefined, allowed: readonly T[], fallback: T): T {
  if (format !== undefined) {
    if ((allowed as readonly string[]).includes(format)) return format as T;
    throw splitvoteError('SV401', `--format ${format} is not allowed here; pass one of: ${allowed.join(', ')}`);
  }
  if (output === undefined) return fallback;
  const extension = Object.keys(EXTENSIONS).find((ext) => output.toLowerCase().endsWith(ext));
  if (extension === undefined) return fallback;
  const implied = EXTENSIONS[extension];
  if ((allowed as readonly string[]).includes(implied)) return implied as T;
  throw splitvoteError('SV401', `-o ${output}: a ${extension} file would be ${implied}, which this command does not write; pass --format with one of: ${allowed.join(', ')}, or another file name`);
}

/** Writes a drawing to `-o FILE` (atomically) or, without `-o`, to standard output. */
export function writeDrawing(text: string, output: string | undefined, io: Io): void {
  if (output === undefined) io.out(text);
  else writeFileAtomic(output, text, '-o', io.cwd);
}
