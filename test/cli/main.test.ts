import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { run } from './run.ts';

const root = mkdtempSync(join(tmpdir(), 'splitvote-cli-'));
const temp = (): string => mkdtempSync(join(root, 'run-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('splitvote check', () => {
  test('exits 0 and says so when every expectation is met', async () => {
    const { code, out } = await run('check', 'ring');
    expect(code).toBe(0);
    expect(out).toContain('✓ every expectation met: every property holds or is witnessed');
  });

  test('exits 1 and prints the counterexample when a property is violated', async () => {
    const { code, out } = await run('check', 'jugs', '--quiet');
    expect(code).toBe(1);
    expect(out.startsWith('Properties\n')).toBe(true);
    expect(out).toContain('6  pour big into small\n    jugs.small: 2 -> 3\n    jugs.big: 5 -> 4\nReproduce: npx splitvote check jugs --preset die-hard\n');
  });

  test('prints one JSON document with --json', async () => {
    const { code, out } = await run('check', 'jugs', '--variant', 'no-pour', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as { schema: number; model: string; variant: string; stats: { states: number } };
    expect(report).toMatchObject({ schema: 1, model: 'jugs', variant: 'no-pour', stats: { states: 4 } });
  });

  test.each([
    [['check', 'nope'], 'error: SV403: unknown model "nope"; models: ring, jugs'],
    [['check', 'jugs', '--preset', 'huge'], 'unknown preset "huge" for model jugs (--preset); presets: die-hard'],
    [['check', 'jugs', '--variant', 'no-pour,fast'], 'unknown variant "fast" for model jugs (--variant); variants: no-pour'],
    [['check', 'jugs', '--max-states', 'lots'], "option '--max-states <n>' argument 'lots' is invalid. Allowed: a whole number >= 1"],
    [['check', 'jugs', '--max-seconds', '-1'], "option '--max-seconds <s>' argument '-1' is invalid. Allowed: a number of seconds > 0"],
    [['check', 'jugs', '--strategy', 'astar'], "option '--strategy <name>' argument 'astar' is invalid. Allowed choices are bfs, dfs, simulate."],
    [['check', 'jugs', '--graph', 'g.png'], "option '--graph <file>' argument 'g.png' is invalid. Allowed: a file name ending in .dot, .graphml or .json."],
    [['check', 'jugs', '--graph', '/no/such/folder/g.dot'], '--graph "/no/such/folder/g.dot": the folder /no/such/folder does not exist'],
    [['check', 'jugs', '--frobnicate'], "error: unknown option '--frobnicate'"],
    [['check'], "error: missing required argument 'model'"],
    [['launch'], "error: unknown command 'launch'"],
  ])('exits 2 on bad input %j, naming what is wrong and what is allowed', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  test('writes the replay file, the ITF trace and the state graph, and leaves no temporary file behind', async () => {
    const dir = temp();
    const { code, out } = await run('check', 'jugs', '--save-trace', join(dir, 't.json'), '--itf', join(dir, 't.itf.json'), '--graph', join(dir, 'g.dot'));
    expect(code).toBe(1);
    expect(out).toContain(`Reproduce: npx splitvote replay ${join(dir, 't.json')}`);
    expect(readdirSync(dir).sort()).toEqual(['g.dot', 't.itf.json', 't.json']);
    expect(JSON.parse(readFileSync(join(dir, 't.json'), 'utf8'))).toMatchObject({ kind: 'splitvote-trace', model: 'jugs', path: [1, 5, 2, 5, 1, 5] });
    expect(JSON.parse(readFileSync(join(dir, 't.itf.json'), 'utf8'))).toMatchObject({ vars: ['jugs'], states: expect.any(Array) });
    expect(readFileSync(join(dir, 'g.dot'), 'utf8')).toMatch(/^digraph/);
  });

  test('says there is nothing to save when no property is violated', async () => {
    const dir = temp();
    const { code, err } = await run('check', 'ring', '--save-trace', join(dir, 't.json'));
    expect(code).toBe(0);
    expect(err).toContain('No counterexample to save');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('splitvote replay', () => {
  test('replays a saved counterexample, prints it and exits 1 because the property still fails', async () => {
    const dir = temp();
    await run('check', 'jugs', '--save-trace', join(dir, 't.json'));
    const { code, out } = await run('replay', join(dir, 't.json'));
    expect(code).toBe(1);
    expect(out).toContain('Replaying "the big jug never holds 4 gallons" on jugs (preset die-hard, variant (none)): 6 steps');
    expect(out).toContain('✗ violated       the big jug never holds 4 gallons  [always]: it fails in the last state (step 6)');
  });

  test('replays a lasso and confirms the eventually property is still broken', async () => {
    const dir = temp();
    await run('check', 'ring', '--variant', 'seven', '--save-trace', join(dir, 'l.json'));
    const { code, out } = await run('replay', join(dir, 'l.json'));
    expect(code).toBe(1);
    expect(out).toContain('↻  loops back to step 0');
  });

  test.each([
    ['{ not json', 'is not JSON'],
    ['{"schema":1,"kind":"splitvote-trace","model":"jugs","preset":"die-hard","variants":[],"property":"p","init":0}', 'field "path" must be an array of integers >= 0 (action indices), got nothing (the field is missing)'],
    ['{"schema":1,"kind":"splitvote-trace","model":"jugs","preset":"big","variants":[],"property":"p","init":0,"path":[]}', 'unknown preset "big" for model jugs (field "preset" of'],
    ['{"schema":1,"kind":"splitvote-trace","model":"jugs","preset":"die-hard","variants":[],"property":"p","init":0,"path":[]}', 'field "property" must name a property of jugs, got "p"; properties: "the big jug never holds 4 gallons", "both jugs are full"'],
    ['{"schema":1,"kind":"splitvote-trace","model":"jugs","preset":"die-hard","variants":[],"property":"both jugs are full","init":0,"path":[9]}', '(model jugs, preset die-hard): field "path"[0] is 9, but step 1 offers 6 action(s) (indices 0..5); was the file edited'],
  ])('exits 2 on a bad replay file (%#), naming the field', async (text, message) => {
    const file = join(temp(), 'bad.json');
    writeFileSync(file, text);
    const { code, err } = await run('replay', file);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});

describe('splitvote list', () => {
  test('lists every model with its presets, variants and properties, one line each', async () => {
    const { code, out } = await run('list');
    expect(code).toBe(0);
    expect(out).toContain('jugs — the Die Hard jugs puzzle (3 and 5 gallons)\n  preset    die-hard  3 and 5 gallon jugs (default)\n  variant   no-pour   no pouring between the jugs\n  property  always       the big jug never holds 4 gallons');
  });
});

describe('splitvote checks', () => {
  test('exits 1 when one check drifts, naming the drift', async () => {
    const { code, out } = await run('checks', '--dir', 'test/fixtures/checks');
    expect(code).toBe(1);
    expect(out).toMatch(/✗ jugs-drift +4 states, 16 transitions/);
    expect(out).toContain('    states: pinned 5, got 4; a drift means the model changed');
    expect(out).toContain('checks: 2 passed, 1 failed');
  });

  test('exits 0 when the filtered checks all pass, and reports them as JSON', async () => {
    const { code, out } = await run('checks', '--dir', 'test/fixtures/checks', '--filter', 'die-hard', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ schema: 1, passed: 1, failed: 0, checks: [{ name: 'jugs-die-hard', file: 'jugs.check.ts', passed: true, mismatches: [] }] });
  });

  test('exits 2 when the filter matches no check, listing the checks', async () => {
    const { code, err } = await run('checks', '--dir', 'test/fixtures/checks', '--filter', 'zzz');
    expect(code).toBe(2);
    expect(err).toContain('--filter "zzz": no check name contains it; checks: jugs-die-hard, jugs-drift, ring-three');
  });
});

describe('splitvote table', () => {
  test('prints the flagship table and its counterexample when no model is named', async () => {
    const { code, out } = await run('table');
    expect(code).toBe(0);
    expect(out.split('\n').slice(0, 2)).toEqual(['Die Hard: can the big jug hold 4 gallons?', 'preset die-hard; strategy bfs; 2 rows, 20 states in all']);
    expect(out).toContain('Reproduce: npx splitvote check jugs --preset die-hard\n');
  });

  test('takes rows from --variant-sets', async () => {
    const { out } = await run('table', 'jugs', '--variant-sets', 'no-pour;none');
    const table = out.split('\n').slice(out.split('\n').findIndex((l) => l.startsWith('variant ')));
    expect(table.slice(0, 3).map((l) => l.split(' ')[0])).toEqual(['variant', 'no-pour', '(none)']);
  });
});

describe('splitvote --help', () => {
  test('shows the defaults and the exit codes', async () => {
    const check = await run('check', '--help');
    expect(check.code).toBe(0);
    expect(check.out).toContain('(choices: "bfs", "dfs", "simulate", default: "bfs")');
    expect(check.out).toContain('(default: 1000)');
    const top = await run('--help');
    expect(top.out).toContain('2    usage or input error');
    expect(top.out).toContain('3    nothing failed, but some verdict is unknown');
    expect(top.out).toContain('130  interrupted by Ctrl-C');
  });
});
