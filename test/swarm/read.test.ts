import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { parseJobSpec, parsePlanFile, parseResultFile } from '../../src/swarm/read.ts';

const root = mkdtempSync(join(tmpdir(), 'splitvote-swarm-read-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), env: { SPLITVOTE_CATALOG: 'test/fixtures/catalog.ts' }, cwd: process.cwd(), progressStream: undefined });
  return { code, out, err };
}

const job = {
  schema: 1,
  kind: 'splitvote-swarm-job',
  plan: '0123456789abcdef',
  mode: 'partition',
  index: 1,
  jobs: 2,
  model: { name: 'jugs', preset: 'default', variants: [] },
  search: { strategy: 'bfs', engine: 'packed', symmetry: true, deadlock: true, coverage: true, stopOnViolation: false },
  start: [{ init: 0, path: [1, 0], fingerprint: '00000000000000ff' }],
};
const text = (value: unknown): string => JSON.stringify(value);

describe('swarm files are validated on read, naming the file and the field', () => {
  test('a valid job file reads back as written', () => {
    expect(parseJobSpec(text(job), 'job-1.json')).toEqual(job);
  });

  test.each([
    [{ ...job, search: { ...job.search, maxDepth: -1 } }, /job-1\.json: field "search\.maxDepth" must be a whole number >= 0, got -1/],
    [{ ...job, search: { ...job.search, strategy: 'bfs"; rm -rf' } }, /field "search\.strategy" must be one of "bfs", "dfs", "simulate", got "bfs\\"; rm -rf"/],
    [{ ...job, start: [{ init: 0, path: [1, 'x'], fingerprint: '00000000000000ff' }] }, /field "start\[0\]\.path\[1\]" must be a whole number >= 0, got "x"/],
    [{ ...job, start: undefined }, /field "start" must be the frontier states of a partition job/],
    [{ ...job, index: 2 }, /field "index" must be a job number below jobs \(2\), got 2/],
    [{ ...job, kind: 'splitvote-trace' }, /field "kind" must be "splitvote-swarm-job", got "splitvote-trace"/],
    [{ ...job, plan: 'not-hex' }, /field "plan" must be a fingerprint of 16 lowercase hex digits/],
  ])('a bad job file is refused with SV402: %#', (doc, message) => {
    expect(() => parseJobSpec(text(doc), 'job-1.json')).toThrow(message);
    expect(() => parseJobSpec(text(doc), 'job-1.json')).toThrow(/^SV402: /);
  });

  test('a plan or result file that is not JSON, or lacks a field, is refused', () => {
    expect(() => parsePlanFile('{', 'plan.json')).toThrow(/SV402: plan\.json is not JSON/);
    expect(() => parsePlanFile(text({ schema: 1, kind: 'splitvote-swarm-plan', id: '0123456789abcdef', mode: 'partition', jobs: 2, model: job.model, properties: [] }), 'plan.json')).toThrow(/field "prefix" must be the prefix summary of a partition plan, got nothing/);
    expect(() => parseResultFile(text({ schema: 1, kind: 'splitvote-swarm-result', stopReason: null }), 'result-0.json')).toThrow(/result-0\.json: field "stats" must be present, got nothing \(the field is missing\)/);
  });
});

describe('swarm commands: bad input exits 2 with one message', () => {
  test('swarm run with a bad job file exits 2 naming the field', async () => {
    const file = join(root, 'job-1.json');
    writeFileSync(file, text({ ...job, search: { ...job.search, engine: 'gpu' } }));
    const r = await cli('swarm', 'run', '--job', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/SV402: .*field "search\.engine" must be one of "packed", "object", got "gpu"/);
  });

  test('swarm run --plan with a job that is not a number exits 2', async () => {
    const r = await cli('swarm', 'run', '--plan', root, '--job', 'two');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/with --plan, --job is a job number/);
  });

  test('a job whose start states do not replay to the planned fingerprints exits 2 and leaves a failed result naming the reason', async () => {
    const dir = join(root, 'tampered');
    expect((await cli('swarm', 'plan', 'jugs', '--jobs', '2', '--out', dir, '--max-prefix-depth', '2')).code).toBe(0);
    const specs = [0, 1].map((k) => JSON.parse(readFileSync(join(dir, `job-${k}.json`), 'utf8')));
    const k = specs.findIndex((s) => s.start.length > 0);
    expect(k).toBeGreaterThanOrEqual(0);
    specs[k].start[0].fingerprint = '0000000000000001';
    writeFileSync(join(dir, `job-${k}.json`), text(specs[k]));
    const r = await cli('swarm', 'run', '--plan', dir, '--job', String(k));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/start\[0\] reaches a state with fingerprint [0-9a-f]{16}, the plan recorded 0000000000000001/);
    const result = parseResultFile(readFileSync(join(dir, `result-${k}.json`), 'utf8'), 'result.json');
    expect(result.outcome).toBe('failed');
    // The other job, named by its file this time.
    expect((await cli('swarm', 'run', '--job', join(dir, `job-${1 - k}.json`))).code).toBe(0);
    const merged = await cli('swarm', 'merge', dir);
    expect(merged.code).toBe(1);
    expect(merged.out).toMatch(new RegExp(`Failed: job ${k}: SV402`));
  });

  test('swarm plan refuses an unknown sample strategy and an unknown model', async () => {
    expect((await cli('swarm', 'plan', 'jugs', '--jobs', '2', '--out', join(root, 'x'), '--mode', 'sample', '--strategies', 'dfs,bfs')).err).toMatch(/"bfs" is not a sample strategy; allowed: dfs, simulate/);
    const unknown = await cli('swarm', 'plan', 'nope', '--jobs', '2', '--out', join(root, 'y'));
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/SV403/);
  });
});
