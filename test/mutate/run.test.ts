import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkPins, pinsText, readPins, runMutants, runsOf, scoreOf } from '../../src/index.ts';
import { catalog } from '../fixtures/mutantsCatalog.ts';

const entry = catalog[0];
const suite = entry.mutants!;

describe('runMutants', () => {
  const report = runMutants(entry, suite);
  const byName = (name: string) => report.outcomes.find((o) => o.mutant.name === name)!;

  test('runs a mutant on each preset, then each variant set, in the declared order', () => {
    expect(runsOf(entry, suite, suite.mutants[0]).map((r) => `${r.preset}/${r.variants.join(',')}`)).toEqual(['four/', 'four/wide', 'three/', 'three/wide']);
  });

  test('catches a mutant at the first run where a property that holds on the unmodified model is violated', () => {
    // four (0,2,4) and four+wide (cap 5: 0,2,4,6 > 5!) : wide overshoots first.
    expect(byName('inc-2')).toMatchObject({ status: 'caught', runs: 2, caught: { property: 'x stays at most cap', preset: 'four', variants: ['wide'], steps: 3 } });
  });

  test('never lets a property that the unmodified model breaks catch a mutant', () => {
    expect(report.baselines.every((b) => !b.judges.includes('x stays below 2'))).toBe(true);
    expect(report.outcomes.every((o) => o.caught?.property !== 'x stays below 2')).toBe(true);
  });

  test('a mutant that only leaves a witness unreached survives', () => {
    expect(byName('cap-low')).toMatchObject({ status: 'survived', runs: 2 });
  });

  test('a deadlock catches a mutant when the unmodified model has none', () => {
    expect(byName('stuck')).toMatchObject({ status: 'caught', caught: { property: 'no deadlock', preset: 'four', steps: 0 } });
  });

  test('scores caught over counted mutants and reports targets no mutant replaces', () => {
    expect(report.score).toEqual({ caught: 2, total: 3, equivalent: 0 });
    expect(scoreOf(report.outcomes.map((o) => (o.mutant.name === 'cap-low' ? { ...o, mutant: { ...o.mutant, equivalent: 'x' } } : o)))).toEqual({ caught: 2, total: 2, equivalent: 1 });
    expect(report.uncovered).toEqual([]);
    expect(runMutants(entry, { ...suite, targets: [...suite.targets!, { kind: 'guard', name: 'g' }] }, { only: ['stuck'] }).uncovered).toEqual(['guard g']);
  });

  test('is deterministic', () => {
    expect(runMutants(entry, suite)).toEqual(report);
  });

  test('skips a run whose unmodified search is cut at maxStates', () => {
    const cut = runMutants(entry, { ...suite, maxStates: 2 });
    expect(cut.baselines.every((b) => !b.complete)).toBe(true);
    expect(cut.outcomes.map((o) => [o.status, o.runs])).toEqual([['survived', 0], ['survived', 0], ['survived', 0]]);
  });

  test('pins round-trip through the pin file, and a caught mutant that survives is a regression', () => {
    const dir = mkdtempSync(join(tmpdir(), 'splitvote-pins-'));
    try {
      const file = join(dir, 'pins.json');
      writeFileSync(file, pinsText(report));
      const pins = readPins(file);
      expect(checkPins(report, pins).map((c) => c.status)).toEqual(['ok', 'ok', 'ok']);
      const regressed = runMutants(entry, { ...suite, mutants: suite.mutants.map((m) => (m.name === 'stuck' ? { ...m, extras: () => ({}) } : m)) });
      expect(checkPins(regressed, pins).map((c) => c.status)).toEqual(['ok', 'ok', 'regressed']);
      expect(checkPins(report, { ...pins, 'inc-2': { ...pins['inc-2'], preset: 'three' } })[0].status).toBe('changed');
      expect(checkPins(report, {})[0].status).toBe('unpinned');
      writeFileSync(file, '{"x": {"outcome": "maybe"}}');
      expect(() => readPins(file)).toThrow(/SV402.*"x"\.outcome must be caught, survived or error/);
      expect(readFileSync(file, 'utf8')).toContain('maybe');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('formatMutationReport', () => {
  test('names a caught mutant whose declared gap is stale', async () => {
    const { formatMutationReport } = await import('../../src/index.ts');
    const report = runMutants(entry, { ...suite, mutants: suite.mutants.map((m) => (m.name === 'stuck' ? { ...m, gap: 'old note' } : m)) });
    expect(formatMutationReport(report)).toContain('Caught, yet declared as a gap (remove the stale gap): stuck');
    expect(formatMutationReport(runMutants(entry, suite))).not.toContain('stale gap');
  });
});

describe('validateCatalog on a mutation suite', () => {
  test('names the field of a malformed suite', async () => {
    const { validateCatalog } = await import('../../src/index.ts');
    const broken = [{ ...entry, mutants: { ...suite, mutants: [{ ...suite.mutants[0], kind: 'state' }] } }];
    expect(() => validateCatalog(broken, 'c.ts')).toThrow('SV402: c.ts: catalog[0].mutants.mutants[0].kind must be "guard" or "action"');
    expect(() => validateCatalog([{ ...entry, mutants: { ...suite, maxStates: 0 } }], 'c.ts')).toThrow('catalog[0].mutants.maxStates must be a whole number >= 1');
    expect(validateCatalog(catalog, 'c.ts')).toBe(catalog);
  });
});
