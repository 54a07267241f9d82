import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { main } from '../../src/cli/main.ts';

/**
 * Documentation that shows real output: every code block preceded by
 * `<!-- splitvote ARGS; exit N -->` is the stdout of that command. `checkExecutableDoc` runs
 * the commands in order, in one scratch folder (so a saved trace can be replayed), and
 * compares with timings masked. With UPDATE_DOCS=1 (`npm run docs`) it writes the fresh
 * outputs back into the file instead.
 */
const BLOCK = /<!-- splitvote (.+?); exit (\d) -->\n```(\w+)\n([\s\S]*?)```/g;

/** Masks what changes from run to run: seconds and rates. */
export function maskTimings(text: string): string {
  return text
    .replace(/"(seconds|statesPerSecond)": [-\d.e+]+/g, '"$1": 0')
    .replace(/\d[\d,]*(\.\d+)? states\/s/g, 'N states/s')
    .replace(/\d+\.\d\d s\b/g, 'N.NN s')
    .replace(/(\s)\d+\.\d\d$/gm, '$1N.NN');
}

async function run(args: string, cwd: string, catalog: string | undefined): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args.split(' '), {
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
      expect(maskTimings(out), `${file}: output of "splitvote ${args}" is stale; run npm run docs`).toBe(maskTimings(body));
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  if (process.env.UPDATE_DOCS === '1') writeFileSync(path, updated);
  return blocks.length;
}
