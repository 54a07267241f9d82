import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { splitvoteError } from '../core/errors.ts';
import { validateCatalog } from './catalog.ts';
import { validateCheck } from './defineCheck.ts';
import { importModule } from './importModule.ts';
import { validateTableSpec } from './runTable.ts';
import type { CheckDefinition, ModelEntry, TableSpec } from './types.ts';

/** A model catalog loaded from a file at run time. */
export interface Catalog {
  /** The file it came from. */
  readonly source: string;
  readonly entries: readonly ModelEntry[];
  /** The module's optional `flagship` export: the verdict table `splitvote table` prints by default. */
  readonly flagship?: TableSpec;
}

/** A check and the file that declared it. */
export interface LoadedCheck {
  readonly file: string;
  readonly check: CheckDefinition;
}

/** File names of check modules: `*.check.ts` (and `.mts`), or compiled `*.check.js` (and `.mjs`, `.cjs`). */
export const CHECK_FILE = /\.check\.(?:[cm]?js|m?ts)$/;

/**
 * Imports a catalog module by path at run time (`models/index.ts` by default in the CLI)
 * and validates its `catalog` export (and `flagship`, when present). `catalog` may also be
 * a promise of the array, so a CommonJS module can build it after `import('splitvote')`.
 * The dynamic import is why src/ never imports models/ statically. Throws SV402 when the
 * file is missing, fails to load (see `importModule`) or its exports have the wrong shape.
 */
export async function loadCatalog(file: string): Promise<Catalog> {
  const path = resolve(file);
  if (!existsSync(path)) {
    throw splitvoteError('SV402', `no model catalog at ${path}; pass --catalog PATH or set SPLITVOTE_CATALOG to a module that exports \`catalog: ModelEntry[]\``);
  }
  const module = await importModule(path, 'catalog');
  const entries = validateCatalog(await module.catalog, path);
  const flagship = await module.flagship;
  if (flagship === undefined) return { source: path, entries };
  return { source: path, entries, flagship: validateTableSpec(flagship, `${path}: flagship`) };
}

/**
 * Imports every check file ({@link CHECK_FILE}: `*.check.ts`, `*.check.js`, ...) of `dir`
 * (sorted by name, so the order is the same on every machine) and collects its `check`
 * export or its `checks` array (either may be a promise). Throws SV402 when
 * the folder is missing, SV501 for a file that exports neither, an invalid check, or two
 * checks with the same name.
 */
export async function loadChecks(dir: string): Promise<LoadedCheck[]> {
  const folder = resolve(dir);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw splitvoteError('SV402', `no checks folder at ${folder}; pass --dir DIR with the *.check.ts files`);
  }
  const files = readdirSync(folder).filter((name) => CHECK_FILE.test(name)).sort();
  const out: LoadedCheck[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const file = join(folder, name);
    const exports = await importModule(file, 'check file');
    // A CommonJS check file may export promises (it loads splitvote with import()).
    const module = { check: await exports.check, checks: await exports.checks };
    if (module.check === undefined && module.checks === undefined) {
      throw splitvoteError('SV501', `${name} exports neither \`check\` nor \`checks\`; export const check = defineCheck({ ... })`);
    }
    const declared: unknown[] = [];
    if (module.check !== undefined) declared.push(module.check);
    if (module.checks !== undefined) {
      if (!Array.isArray(module.checks)) throw splitvoteError('SV501', `${name}: \`checks\` must be an array of check definitions`);
      declared.push(...(module.checks as unknown[]));
    }
    for (const check of declared) {
      validateCheck(check, name);
      const other = seen.get(check.name);
      if (other !== undefined) throw splitvoteError('SV501', `check "${check.name}" is declared in ${other} and in ${name}; names must be unique`);
      seen.set(check.name, name);
      out.push({ file: basename(file), check });
    }
  }
  return out;
}
