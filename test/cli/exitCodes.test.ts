import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BUILT_BIN } from './buildOnce.ts';

interface Spawned {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const JS_CATALOG = 'test/cli/fixtures/endless.mjs';
const TS_CATALOG = 'test/fixtures/catalog.ts';

/**
 * The compiled executable run with plain `node`, as a shell runs it: real exit codes and
 * streams. `onStderr` sees stderr as it arrives and may act on the child (send a signal).
 */
function splitvote(args: readonly string[], options: { catalog?: string; onStderr?: (text: string, child: ReturnType<typeof spawn>) => void } = {}): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, SPLITVOTE_CATALOG: options.catalog ?? JS_CATALOG, SPLITVOTE_PROGRESS_SECONDS: '0' };
    const child = spawn(process.execPath, [BUILT_BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      options.onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// Each test starts one process at a time: no test races another for the two cores.
describe('the compiled splitvote process, run with plain node', () => {
  test('exits 0 when every property holds or is witnessed', async () => {
    const { code, stdout } = await splitvote(['check', 'counter']);
    expect(stdout).toContain('✓ every expectation met');
    expect(code).toBe(0);
  });

  test('exits 1 when a property is violated (a TypeScript catalog, loaded through the tsx of its project)', async () => {
    const { code, stdout } = await splitvote(['check', 'jugs', '--quiet'], { catalog: TS_CATALOG });
    expect(stdout).toContain('Reproduce: npx splitvote check jugs --preset die-hard');
    expect(code).toBe(1);
  });

  test('exits 2 for an unknown model, listing the models on stderr and nothing on stdout', async () => {
    const { code, stdout, stderr } = await splitvote(['check', 'nope']);
    expect(stdout).toBe('');
    expect(stderr).toContain('unknown model "nope"; models: counter');
    expect(code).toBe(2);
  });

  test('exits 2 for a bad flag value, naming the flag, the value and what is allowed', async () => {
    const { code, stderr } = await splitvote(['check', 'counter', '--runs', '0']);
    expect(stderr).toContain("option '--runs <n>' argument '0' is invalid. Allowed: a whole number >= 1");
    expect(code).toBe(2);
  });

  test('exits 3 when a limit leaves verdicts unknown, and 0 with --allow-unknown', async () => {
    const stopped = await splitvote(['check', 'counter', '--preset', 'endless', '--max-states', '100', '--quiet']);
    expect(stopped.stdout).toContain('? 2 of 3 properties unknown');
    expect(stopped.code).toBe(3);
    const allowed = await splitvote(['check', 'counter', '--preset', 'endless', '--max-states', '100', '--quiet', '--allow-unknown']);
    expect(allowed.code).toBe(0);
  });

  test('on Ctrl-C (SIGINT) stops the search, prints the partial result with what it covered, and exits 130', async () => {
    let sent = false;
    const { code, stdout, stderr } = await splitvote(['check', 'counter', '--preset', 'endless'], {
      // The first progress line proves the search is running; only then interrupt it.
      onStderr: (text, child) => {
        if (!sent && text.includes('progress: ')) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(stderr).toContain('interrupted: stopping the search, the partial result follows');
    expect(stdout).toMatch(/Search {7}interrupted \(Ctrl-C\) after [\d,]+ states: the verdicts cover only the states explored/);
    expect(stdout).toContain('✓ witnessed      the counter reaches 3');
    expect(stdout).toContain('? unknown        the counter stays at or below its limit  [always] (search stopped: interrupted)');
    expect(code).toBe(130);
  });

  test('the command of a Reproduce line, npx splitvote, runs from the clone (after npm ci or a build)', async () => {
    const reproduce = /Reproduce: (npx splitvote .*)$/m.exec((await splitvote(['check', 'jugs', '--quiet'], { catalog: TS_CATALOG })).stdout)![1];
    const [npx, ...args] = reproduce.split(' ');
    const rerun = await new Promise<Spawned>((done) => {
      const child = spawn(npx, args, { env: { ...process.env, SPLITVOTE_CATALOG: TS_CATALOG }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
    expect(rerun.stderr).not.toContain('error');
    expect(rerun.stdout).toContain('✗ violated       the big jug never holds 4 gallons');
    expect(rerun.code).toBe(1);
  });

  test('prints its version from package.json', async () => {
    const { code, stdout } = await splitvote(['--version']);
    expect(stdout.trim()).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
    expect(code).toBe(0);
  });
});
