import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';
import { run } from './run.ts';

const root = mkdtempSync(join(tmpdir(), 'splitvote-semantics-'));
const temp = (): string => mkdtempSync(join(root, 'run-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('exit codes a CI job can trust', () => {
  test('a run with unknown verdicts exits 3 and never says "expectation met"; --allow-unknown gives 0', async () => {
    const stopped = await run('check', 'ring', '--max-states', '2');
    expect(stopped.code).toBe(3);
    expect(stopped.out).not.toContain('expectation met');
    expect(stopped.out).toContain('? 3 of 3 properties unknown (the search stopped first): nothing failed so far, but this is not a pass');
    expect((await run('check', 'ring', '--max-states', '2', '--allow-unknown')).code).toBe(0);
  });

  test('a failure wins over unknown verdicts: exit 1', async () => {
    const { code, out } = await run('check', 'jugs', '--stop-on-violation', '--quiet');
    expect(out).toContain('? unknown');
    expect(code).toBe(1);
  });

  test('a table with an unknown cell exits 3, and 0 with --allow-unknown', async () => {
    expect((await run('table', 'jugs', '--max-states', '3')).code).toBe(3);
    expect((await run('table', 'jugs', '--max-states', '3', '--allow-unknown')).code).toBe(0);
  });
});

/** Runs the CLI in-process with Ctrl-C already pressed (the flag the worker thread's search reads). */
async function interrupted(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: Io = { out: (t) => void (out += t), err: () => {}, env: { SPLITVOTE_CATALOG: 'test/fixtures/catalog.ts' }, cwd: process.cwd(), progressStream: undefined, signal: { aborted: true } };
  return { code: await main(argv, io), out };
}

describe('Ctrl-C', () => {
  test('check prints the partial result, says what it covered, and exits 130', async () => {
    const { code, out } = await interrupted('check', 'jugs');
    expect(out).toMatch(/Search {7}interrupted \(Ctrl-C\) after \d+ states: the verdicts cover only the states explored/);
    expect(code).toBe(130);
  });

  test('table prints the rows it explored and says how many it did not', async () => {
    const { code, out } = await interrupted('table', 'ring', '--preset', 'three,five');
    expect(out).toContain('!  interrupted (Ctrl-C): 0 of 2 rows explored');
    expect(code).toBe(130);
  });

  test('checks stops, does not judge the interrupted check, and exits 130', async () => {
    const { code, out } = await interrupted('checks', '--dir', 'test/fixtures/checks');
    expect(out).toContain('checks: 0 passed, 0 failed, 3 not run');
    expect(code).toBe(130);
  });
});

describe('--set NAME=VALUE', () => {
  test('sets a constant the model declares, and the reproduce line and replay file carry it', async () => {
    const dir = temp();
    const { code, out } = await run('check', 'ring', '--variant', 'seven', '--set', 'modulus=4', '--save-trace', join(dir, 'r.json'));
    expect(out).toContain('States       4 distinct, 4 transitions');
    expect(out).toContain(`Reproduce: npx splitvote replay ${join(dir, 'r.json')}`);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))).toMatchObject({ constants: { modulus: 4 } });
    expect(code).toBe(1);
    const replayed = await run('replay', join(dir, 'r.json'));
    expect(replayed.out).toContain('↻  loops back to step 0');
    expect(replayed.out.split('\n').filter((l) => /^\d+ {2}tick/.test(l))).toHaveLength(4);
  });

  test('applies to every row of a table and shows in its heading', async () => {
    const { out } = await run('table', 'ring', '--set', 'modulus=7');
    expect(out).toContain('preset three; constants modulus=7; strategy bfs; 1 row, 7 states in all');
  });

  test.each([
    [['check', 'ring', '--set', 'modulus=1'], 'SV404: --set modulus=1: out of range for model ring; allowed: modulus 2..100'],
    [['check', 'ring', '--set', 'size=4'], 'SV404: --set "size": unknown constant for model ring; constants: modulus 2..100'],
    [['check', 'jugs', '--set', 'modulus=4'], 'model jugs has no constants'],
    [['check', 'ring', '--set', 'modulus'], "option '--set <name=value>' argument 'modulus' is invalid. Allowed: NAME=VALUE with an integer value"],
    [['check', 'ring', '--set', 'modulus=4', '--set', 'modulus=5'], 'Allowed: each constant once; modulus is set twice.'],
    [['check', 'ring', '--set', 'modulus=x'], "argument 'modulus=x' is invalid"],
  ])('rejects %j, naming the constant and what is allowed', async (argv, message) => {
    const { code, out, err } = await run(...argv);
    expect(err).toContain(message);
    expect(out).toBe('');
    expect(code).toBe(2);
  });
});

describe('input is checked before any search', () => {
  test.each([
    [['check', 'jugs', '--save-trace', '{dir}'], '--save-trace "{dir}": is a folder; pass a file name'],
    [['check', 'jugs', '--itf', '{dir}/no/such/t.json'], 'the folder {dir}/no/such does not exist'],
    [['check', 'jugs', '--graph', '{dir}/sub.dot'], '--graph "{dir}/sub.dot": is a folder'],
    [['replay', 'x.json', '--itf', '{dir}'], '--itf "{dir}": is a folder'],
  ])('an output path that cannot be written fails at once: %j', async (argv, message) => {
    const dir = temp();
    mkdirSync(join(dir, 'sub.dot'));
    const { code, out, err } = await run(...argv.map((a) => a.replace('{dir}', dir)));
    expect(err).toContain(message.replaceAll('{dir}', dir));
    expect(err).not.toMatch(/\.tmp\b/);
    expect(out).toBe('');
    expect(code).toBe(2);
  });

  test.each([
    [['table', 'jugs', '--trace', 'P9'], 'trace property "P9" (--trace) is no property of jugs; pass a name or a column code: P1 (the big jug never holds 4 gallons)'],
    [['table', 'jugs', '--variant-sets', ';;'], "option '--variant-sets <sets>' argument ';;' is invalid. Allowed: variant sets separated by \";\""],
    [['table', 'jugs', '--variant-sets', 'no-pour;;none'], 'An empty set between two ";" is not allowed.'],
    [['table', 'jugs', '--variant-sets', 'no-pour,'], 'an empty name between two "," is not allowed'],
  ])('a bad table flag is blamed by name: %j', async (argv, message) => {
    const { code, out, err } = await run(...argv);
    expect(err).toContain(message);
    expect(out).toBe('');
    expect(code).toBe(2);
  });

  test('table --trace takes a column code as well as a name', async () => {
    const { out } = await run('table', 'jugs', '--variant-sets', 'none', '--trace', 'P1');
    expect(out).toContain('Counterexample for "the big jug never holds 4 gallons"');
  });
});

describe('echoed input is escaped', () => {
  test('an argument with a control character is refused, shown with escapes', async () => {
    const { code, err } = await run('check', 'jugs', '--preset', 'x\n\u001b[31mred');
    expect(err).toBe('error: argument 4 ("x\\n\\u001b[31mred") contains a control character; splitvote takes none in its arguments\n');
    expect(code).toBe(2);
  });

  test('a replay file naming a preset with an escape sequence gets the name back escaped', async () => {
    const file = join(temp(), 'bad.json');
    writeFileSync(file, JSON.stringify({ schema: 1, kind: 'splitvote-trace', model: 'jugs', preset: 'a\u001b[2Jb', variants: [], property: 'p', init: 0, path: [] }));
    const { code, err } = await run('replay', file);
    expect(err).toContain('unknown preset "a\\u001b[2Jb" for model jugs');
    expect(err).not.toContain('\u001b');
    expect(code).toBe(2);
  });

  test('a replay file whose initial state index is out of range gets its own error, not "nondeterministic"', async () => {
    const file = join(temp(), 'init.json');
    writeFileSync(file, JSON.stringify({ schema: 1, kind: 'splitvote-trace', model: 'jugs', preset: 'die-hard', variants: [], property: 'both jugs are full', init: 3, path: [] }));
    const { code, err } = await run('replay', file);
    expect(err).toContain('field "init" is 3, but the model has 1 initial state(s) (indices 0..0)');
    expect(err).not.toContain('not deterministic');
    expect(code).toBe(2);
  });
});

describe('progress without a terminal', () => {
  test('prints lines on stderr (here: one per table row), nothing on stdout', async () => {
    let err = '';
    let out = '';
    const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), env: { SPLITVOTE_CATALOG: 'test/fixtures/catalog.ts', SPLITVOTE_PROGRESS_SECONDS: '0' }, cwd: process.cwd(), progressStream: undefined, progressLines: true };
    expect(await main(['table'], io)).toBe(0);
    expect(err).toMatch(/^progress: \[1\/2\] die-hard \(no variant\) started/m);
    expect(err).toMatch(/^progress: \[2\/2\] die-hard no-pour started/m);
    expect(out).not.toContain('progress');
  });
});

describe('standard output is the same on every machine', () => {
  test('check, table and checks print no durations unless --timings', async () => {
    for (const argv of [['check', 'jugs'], ['table'], ['checks', '--dir', 'test/fixtures/checks'], ['check', 'jugs', '--json']]) {
      const { out, err } = await run(...argv);
      expect(out).not.toMatch(/\d\.\d\d s\b|states\/s|"seconds"/);
      expect(err).toMatch(/^time: /m);
    }
    expect((await run('check', 'jugs', '--timings')).out).toMatch(/^Time {9}\d+\.\d\d s, [\d,]+ states\/s$/m);
    expect(JSON.parse((await run('check', 'jugs', '--json', '--timings')).out).stats).toHaveProperty('seconds');
  });

  test('leaves no temporary file behind when it writes', async () => {
    const dir = temp();
    await run('check', 'jugs', '--quiet', '--save-trace', join(dir, 't.json'));
    expect(readdirSync(dir)).toEqual(['t.json']);
  });
});

/** The CLI in-process on the package's own models (models/index.ts). */
async function onModels(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), env: {}, cwd: process.cwd(), progressStream: undefined });
  return { code, out, err };
}

describe('the failover model\'s constants', () => {
  test('--set replaces the preset\'s bounds, as the summary shows', async () => {
    const { out } = await onModels('check', 'valkey-failover', '--preset', 'stale-nack', '--variant', 'nack-4654', '--set', 'maxEpoch=6,maxElections=1,maxDrops=1');
    expect(out).toMatch(/Bounds .*maxDrops=1, preset=stale-nack, variants=nack-4654, maxEpoch=6, maxElectionsPerReplica=1,/s);
  });

  test('a maximum epoch the preset already starts above is refused with the range that works', async () => {
    const { code, err } = await onModels('check', 'valkey-failover', '--preset', 'stale-config', '--set', 'maxEpoch=3');
    expect(err).toContain('SV404: maxEpoch=3: preset stale-config starts at epoch 4, so no election fits under it; allowed: 5..64');
    expect(code).toBe(2);
  });

  test('list shows the constants and their ranges', async () => {
    const { out } = await onModels('list');
    expect(out).toMatch(/ {2}constant {2}maxEpoch +1\.\.64: states with a currentEpoch above this are outside the boundary/);
  });
});

describe('simulate blames the flag that is out of range', () => {
  test.each([
    [['--primaries', '1e9'], "option '--primaries <n>' argument '1e9' is invalid. Allowed: a whole number from 1 to 29."],
    [['--primaries', '20'], '--primaries 20: allowed: at most 30 nodes in all; 20 primaries with one replica each already make 40'],
    [['--primaries', '11', '--replicas', '2'], '--replicas 2: allowed: at most 30 nodes in all; 11 primaries with 2 replica(s) each make 33'],
  ])('%j', async (flags, message) => {
    const { code, err } = await onModels('simulate', 'failover', '--timed', '--runs', '5', ...flags);
    expect(err).toContain(message);
    expect(code).toBe(2);
  });
});
