import { afterAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function real(args: string[]): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'real/cli.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stderr: r.stderr };
}

describe('npm run real: bad flags', () => {
  const dir = mkdtempSync(join(tmpdir(), 'splitvote-real-test-'));
  const out = join(dir, 'out');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  test.each([
    [['--primaries', '3', '--failed', '3', '--out', out], '--failed 3: must be less than --primaries (3)'],
    [['--primaries', '9', '--replicas', '2', '--failed', '1', '--out', out], '--primaries 9 with --replicas 2 makes 27 nodes; at most 20 are allowed'],
    [['--primaries', '30', '--failed', '1', '--out', out], "option '--primaries <n>' argument '30' is invalid. Allowed: a whole number from 3 to 9."],
    [['--primaries', '3', '--failed', '1', '--bus-delay', 'x', '--out', out], "option '--bus-delay <ms>' argument 'x' is invalid."],
    [['--primaries', '3', '--failed', '1'], "required option '--out <dir>' not specified"],
  ])('%j exits 2, names the flag, starts nothing, writes nothing', (args, message) => {
    const { code, stderr } = real(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });
});
