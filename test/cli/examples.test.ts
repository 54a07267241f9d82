import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { EXAMPLES, splitArgs } from '../../src/cli/examples.ts';
import { main } from '../../src/cli/main.ts';

const root = mkdtempSync(join(tmpdir(), 'splitvote-examples-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Each command's examples run in order in one folder, on the package's own models, in-process.
describe.each(Object.entries(EXAMPLES))('the examples of `splitvote %s --help`', (command, examples) => {
  const cwd = mkdtempSync(join(root, `${command}-`));
  test.each(examples.map((e) => [e.args, e.exit] as const))('splitvote %s exits %i', async (args, exit) => {
    let err = '';
    const code = await main(splitArgs(args), { out: () => {}, err: (t) => void (err += t), env: {}, cwd, progressStream: undefined });
    expect({ args, code, err: code === 2 ? err : '' }).toEqual({ args, code: exit, err: '' });
  });
});

describe('docs/cli.md', () => {
  test('lists every exit code of --help', () => {
    const doc = readFileSync('docs/cli.md', 'utf8');
    for (const code of [0, 1, 2, 3, 130]) expect(doc).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });
});
