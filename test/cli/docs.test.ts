import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.ts';

// docs/cli.md shows real output: every block preceded by `<!-- splitvote ARGS; exit N -->`
// is the stdout of that command on the test catalog. This test runs them in order, in one
// scratch folder (so a saved trace can be replayed), and compares with timings masked.
// UPDATE_DOCS=1 writes the fresh outputs back into the file instead.
const DOC = resolve('docs/cli.md');
const BLOCK = /<!-- splitvote (.+?); exit (\d) -->\n```(\w+)\n([\s\S]*?)```/g;

function mask(text: string): string {
  return text
    .replace(/"(seconds|statesPerSecond)": [-\d.e+]+/g, '"$1": 0')
    .replace(/\d[\d,]*(\.\d+)? states\/s/g, 'N states/s')
    .replace(/\d+\.\d\d s\b/g, 'N.NN s')
    .replace(/(\s)\d+\.\d\d$/gm, '$1N.NN');
}

async function runDocCommand(args: string, cwd: string): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args.split(' '), {
    out: (text) => void (out += text),
    err: () => {},
    env: { SPLITVOTE_CATALOG: resolve('test/fixtures/catalog.ts') },
    cwd,
    progressStream: undefined,
  });
  return { code, out };
}

describe('docs/cli.md', () => {
  test('shows the current output and exit code of every example command', async () => {
    const text = readFileSync(DOC, 'utf8');
    const cwd = mkdtempSync(join(tmpdir(), 'splitvote-docs-'));
    const blocks = [...text.matchAll(BLOCK)];
    expect(blocks.length).toBeGreaterThan(5);
    let updated = text;
    for (const [whole, args, exit, lang, body] of blocks) {
      const { code, out } = await runDocCommand(args, cwd);
      if (process.env.UPDATE_DOCS === '1') {
        updated = updated.replace(whole, `<!-- splitvote ${args}; exit ${code} -->\n\`\`\`${lang}\n${out}\`\`\``);
        continue;
      }
      expect({ args, code }).toEqual({ args, code: Number(exit) });
      expect(mask(out)).toBe(mask(body));
    }
    rmSync(cwd, { recursive: true, force: true });
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, updated);
  });
});
