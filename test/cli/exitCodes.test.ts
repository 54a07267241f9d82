import { execFile } from 'node:child_process';
import { describe, expect, test } from 'vitest';

interface Spawned {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

// The real executable path: a child process, so exit codes and streams are what a shell sees.
function splitvote(...args: string[]): Promise<Spawned> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'src/cli/main.ts', ...args], { env: { ...process.env, SPLITVOTE_CATALOG: 'test/fixtures/catalog.ts' } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

describe('the splitvote process', () => {
  test.concurrent('exits 0 when every expectation is met', async () => {
    expect((await splitvote('check', 'ring')).code).toBe(0);
  });

  test.concurrent('exits 1 when a property is violated', async () => {
    expect((await splitvote('check', 'jugs', '--quiet')).code).toBe(1);
  });

  test.concurrent('exits 2 for an unknown model, listing the models on stderr', async () => {
    const { code, stdout, stderr } = await splitvote('check', 'nope');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('unknown model "nope"; models: ring, jugs');
  });

  test.concurrent('exits 2 for a bad flag value, naming the flag, the value and what is allowed', async () => {
    const { code, stderr } = await splitvote('check', 'ring', '--runs', '0');
    expect(code).toBe(2);
    expect(stderr).toContain("option '--runs <n>' argument '0' is invalid. Allowed: a whole number >= 1");
  });

  test.concurrent('exits 2 when --catalog points nowhere', async () => {
    const { code, stderr } = await splitvote('--catalog', 'no/such.ts', 'list');
    expect(code).toBe(2);
    expect(stderr).toContain('no model catalog at');
  });
});
