import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { splitArgs } from '../../src/cli/examples.ts';
import { main } from '../../src/cli/main.ts';

/**
 * Documentation that shows real output: every code block preceded by
 * `<!-- splitvote ARGS; exit N -->` is the stdout of that command. `checkExecutableDoc` runs
 * the commands in order, in one scratch folder (so a saved trace can be replayed; `test/`
 * there links to the repository's, so fixture paths work), and compares byte for byte:
 * standard output holds no durations (they go to stderr unless `--timings`), so nothing is
 * masked and `npm run docs` writes the same file on every machine.
 */
const BLOCK = /<!-- splitvote (.+?); exit (\d+) -->\n```(\w+)\n([\s\S]*?)```/g;

async function run(args: string, cwd: string, catalog: string | undefined): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(splitArgs(args), {
    out: (text) => void (out += text),
    err: () => {},
    env: catalog === undefined ? {} : { SPLITVOTE_CATALOG: resolve(catalog) },
    cwd,
    progressStream: undefined,
  });
  return { code, out };
}

/**
 * Checks (or, with UPDATE_DOCS=1, rewrites) every executable block of `file`, running the
 * commands against `catalog` (default: the package's models/index.ts). Returns the number of
 * blocks, so a test can insist that a document has some.
 */
export async function checkExecutableDoc(file: string, catalog?: string): Promise<number> {
  const path = resolve(file);
  const text = readFileSync(path, 'utf8');
  const cwd = mkdtempSync(join(tmpdir(), 'splitvote-docs-'));
  symlinkSync(resolve('test'), join(cwd, 'test'));
  const blocks = [...text.matchAll(BLOCK)];
  let updated = text;
  try {
    for (const [whole, args, exit, lang, body] of blocks) {
      const { code, out } = await run(args, cwd, catalog);
      if (process.env.UPDATE_DOCS === '1') {
        updated = updated.replace(whole, `<!-- splitvote ${args}; exit ${code} -->\n\`\`\`${lang}\n${out}\`\`\``);
        continue;
      }
      expect({ file, args, code }).toEqual({ file, args, code: Number(exit) });
      expect(out, `${file}: output of "splitvote ${args}" is stale; run npm run docs`).toBe(body);
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  if (process.env.UPDATE_DOCS === '1') writeFileSync(path, updated);
  return blocks.length;
}
