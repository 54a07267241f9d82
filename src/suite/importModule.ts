import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SplitvoteError, splitvoteError } from '../core/errors.ts';

const TYPESCRIPT = /\.[cm]?ts$/;
let tsxRegistered = false;

/**
 * Imports a catalog or check module by path at run time and returns its exports (for a
 * CommonJS module: its `module.exports` fields, as Node's `import()` gives them).
 *
 * A TypeScript file is imported as it is when Node can (Node >= 22.18 strips types, and
 * inside `tsx` or vitest a loader is already there). When Node cannot, splitvote looks for
 * `tsx` installed next to the file (the user's project) and registers it; when there is
 * none, it throws SV402 saying how to proceed. Any other failure to load the file is SV402
 * naming the file and what went wrong; `what` names the file's role (`catalog`, `check file`).
 */
export async function importModule(file: string, what: string): Promise<Record<string, unknown>> {
  // The real path: a module reached through a symlink must resolve its imports where it lives.
  const url = pathToFileURL(realpathSync(file)).href;
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    if (!TYPESCRIPT.test(file) || (error as NodeJS.ErrnoException).code !== 'ERR_UNKNOWN_FILE_EXTENSION' || tsxRegistered) throw loadError(file, what, error);
  }
  await registerTsx(file, what);
  try {
    return (await import(`${url}?tsx`)) as Record<string, unknown>;
  } catch (error) {
    throw loadError(file, what, error);
  }
}

// The ESM entry of `tsx/esm/api` as installed next to `file` (its `import` export condition).
function tsxApi(file: string): string {
  const manifest = createRequire(file).resolve('tsx/package.json');
  const entry = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api'].import.default;
  return join(dirname(manifest), entry);
}

async function registerTsx(file: string, what: string): Promise<void> {
  let api: string;
  try {
    api = tsxApi(file);
  } catch {
    throw splitvoteError(
      'SV402',
      `${file}: the ${what} is TypeScript, and Node ${process.version} cannot import TypeScript by itself. Compile it with tsc and pass the .js file, install tsx in its project (npm install --save-dev tsx), or run Node >= 22.18`,
    );
  }
  const { register } = (await import(pathToFileURL(api).href)) as { register: () => unknown };
  register();
  tsxRegistered = true;
}

function loadError(file: string, what: string, error: unknown): Error {
  if (error instanceof SplitvoteError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const wrapped = splitvoteError('SV402', `${file}: the ${what} failed to load: ${message}`);
  if (error instanceof Error && error.stack !== undefined) wrapped.stack = `${wrapped.message}\nCaused by: ${error.stack}`;
  return wrapped;
}
