import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { defineCheck, loadCatalog, loadChecks, resolveRequest, runCheck, runTable, validateCatalog, withConstants } from '../../src/index.ts';
import { catalog } from '../fixtures/catalog.ts';

const ring = catalog.find((e) => e.name === 'ring')!;
const dir = mkdtempSync(join(tmpdir(), 'splitvote-suite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('withConstants', () => {
  test('adds declared constants to a request; nothing set leaves it unchanged', () => {
    const request = resolveRequest(ring);
    expect(withConstants(ring, request, { modulus: 4 })).toEqual({ preset: 'three', variants: [], constants: { modulus: 4 } });
    expect(withConstants(ring, request, {})).toBe(request);
    expect(withConstants(ring, request, undefined)).toBe(request);
  });

  test.each([
    [{ modulus: 101 }, 'SV404: --set modulus=101: out of range for model ring; allowed: modulus 2..100'],
    [{ modulus: 2.5 }, 'SV404: --set modulus=2.5: out of range'],
    [{ size: 3 }, 'SV404: --set "size": unknown constant for model ring; constants: modulus 2..100'],
  ])('rejects %j, naming the constant and its range', (constants, message) => {
    expect(() => withConstants(ring, resolveRequest(ring), constants)).toThrow(message);
  });

  test('names where the constants came from', () => {
    expect(() => withConstants(ring, resolveRequest(ring), { size: 3 }, 'field "constants" of t.json')).toThrow('field "constants" of t.json "size"');
  });
});

describe('constants through checks and tables', () => {
  test('a check sets constants as --set does, and the pinned counts follow', () => {
    const check = defineCheck({ name: 'ring-seven', description: 'modulus 7', model: 'ring', preset: 'three', constants: { modulus: 7 }, expect: { 'the counter stays below its modulus': 'holds' }, states: 7 });
    const outcome = runCheck(check, catalog);
    expect(outcome.mismatches).toEqual([]);
    expect(outcome.request.constants).toEqual({ modulus: 7 });
  });

  test('defineCheck rejects constants that are not integers by name', () => {
    expect(() => defineCheck({ name: 'x', description: 'x', model: 'ring', preset: 'three', constants: { modulus: 'seven' } as never, expect: { p: 'holds' } })).toThrow('field "constants" must be an object of integer model constants by name');
  });

  test('a table applies its constants to every row, and validates them before any search', () => {
    const outcome = runTable({ model: 'ring', presets: ['three', 'five'], variantSets: [[]], constants: { modulus: 6 } }, catalog);
    expect(outcome.rows.map((r) => r.result.stats.states)).toEqual([6, 6]);
    expect(() => runTable({ model: 'ring', constants: { modulus: 0 } }, catalog)).toThrow('out of range');
  });

  test('validateCatalog checks the declared constants', () => {
    expect(() => validateCatalog([{ ...ring, constants: [{ name: 'm', description: '', min: 5, max: 2 }] }], 'm.ts')).toThrow('catalog[0].constants must be an array of { name, description, min, max } with integers min <= max');
  });
});

describe('loading catalogs and checks', () => {
  test('a catalog and a check may be promises: a CommonJS module builds them after import()', async () => {
    writeFileSync(join(dir, 'lazy.cjs'), `exports.catalog = import(${JSON.stringify(join(process.cwd(), 'test/fixtures/catalog.ts'))}).then((m) => m.catalog);\n`);
    expect((await loadCatalog(join(dir, 'lazy.cjs'))).entries.map((e) => e.name)).toEqual(['ring', 'jugs']);
    const checks = join(dir, 'checks');
    mkdirSync(checks);
    writeFileSync(join(checks, 'lazy.check.cjs'), "exports.check = Promise.resolve({ name: 'lazy', description: 'd', model: 'ring', preset: 'three', expect: { p: 'holds' } });\n");
    writeFileSync(join(checks, 'notes.check.d.ts'), 'export {};\n');
    expect((await loadChecks(checks)).map((c) => `${c.file}:${c.check.name}`)).toEqual(['lazy.check.cjs:lazy']);
  });

  test('a catalog that throws while loading is an input error naming the file', async () => {
    writeFileSync(join(dir, 'broken.mjs'), "throw new Error('boom');\n");
    await expect(loadCatalog(join(dir, 'broken.mjs'))).rejects.toThrow(/SV402: .*broken\.mjs: the catalog failed to load: boom/);
  });
});
