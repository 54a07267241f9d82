import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalog, loadChecks, resolveRequest, validateCatalog } from '../../src/index.ts';
import { catalog } from '../fixtures/catalog.ts';

describe('resolveRequest', () => {
  test('defaults to the first preset and the default variants', () => {
    expect(resolveRequest(catalog[0])).toEqual({ preset: 'three', variants: [] });
  });

  test('names where an unknown preset came from when told', () => {
    expect(() => resolveRequest(catalog[0], 'ten', [], { preset: '--preset', variants: '--variant' })).toThrow('unknown preset "ten" for model ring (--preset); presets: three, five');
  });
});

describe('validateCatalog', () => {
  test.each([
    [{ catalog: 1 }, 'the export `catalog` must be an array of model entries'],
    [[{ name: 'a', presets: [], variants: [], defaultVariants: [], create: () => undefined }], 'catalog[0].presets must be a non-empty array of { name, description }'],
    [[{ name: 'a', presets: [{ name: 'p' }], variants: [], defaultVariants: [] }], 'catalog[0].create must be a function (request) => Model'],
    [[{ ...catalog[0] }, { ...catalog[0] }], 'catalog[1].name must be unique, and "ring" appears twice'],
  ])('names the field at fault (%#)', (value, message) => {
    expect(() => validateCatalog(value, 'm.ts')).toThrow(`SV402: m.ts: ${message}`);
  });
});

describe('loadCatalog and loadChecks', () => {
  test('import a catalog and its flagship by path at run time', async () => {
    const loaded = await loadCatalog('test/fixtures/catalog.ts');
    expect(loaded.entries.map((e) => e.name)).toEqual(['ring', 'jugs']);
    expect(loaded.flagship?.model).toBe('jugs');
  });

  test('say where to point when the catalog file is missing', async () => {
    await expect(loadCatalog('nope/index.ts')).rejects.toThrow(/no model catalog at .*nope\/index.ts; pass --catalog PATH or set SPLITVOTE_CATALOG/);
  });

  test('collect `check` and `checks` exports from every *.check.ts file, sorted by file name', async () => {
    const checks = await loadChecks(resolve('test/fixtures/checks'));
    expect(checks.map((c) => `${c.file}:${c.check.name}`)).toEqual(['jugs.check.ts:jugs-die-hard', 'jugs.check.ts:jugs-drift', 'ring.check.ts:ring-three']);
  });
});
