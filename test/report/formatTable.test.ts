import { describe, expect, test } from 'vitest';
import { formatTable, runTable, shortName } from '../../src/index.ts';
import { catalog, flagship } from '../fixtures/catalog.ts';

describe('shortName', () => {
  test('uses the code a property name starts with, DL for deadlock, else its position', () => {
    expect(shortName('S1 at most one promotion per epoch', 'always', 0)).toBe('S1');
    expect(shortName('no deadlock', 'deadlock', 4)).toBe('DL');
    expect(shortName('both jugs are full', 'sometimes', 1)).toBe('P2');
  });
});

describe('formatTable', () => {
  test('prints one row per variant set, one column per property, a legend, then the chosen counterexample', () => {
    const text = formatTable(runTable(flagship, catalog), { reproduce: 'splitvote check jugs --preset die-hard' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Die Hard: can the big jug hold 4 gallons? (preset die-hard, bfs)');
    expect(lines[2]).toBe('variant  P1  P2  DL  states  seconds');
    expect(lines[3]).toMatch(/^\(none\) {3}✗ {3}✓ {3}✓ {7}16 +\d+\.\d\d$/);
    expect(lines[4]).toMatch(/^no-pour {2}✓ {3}✓ {3}✓ {8}4 +\d+\.\d\d$/);
    expect(lines[6]).toBe('P1  the big jug never holds 4 gallons [always]');
    expect(text).toContain('Counterexample for "the big jug never holds 4 gallons" (preset die-hard, variant (none), 6 steps):');
    expect(lines.at(-1)).toBe('Reproduce: splitvote check jugs --preset die-hard');
  });

  test('says so when no row has the counterexample asked for', () => {
    const text = formatTable(runTable({ ...flagship, variantSets: [['no-pour']] }, catalog));
    expect(text.split('\n').at(-1)).toBe('No row violates "the big jug never holds 4 gallons", so there is no counterexample to show.');
  });

  test('marks a search that stopped early with a star and explains it', () => {
    const text = formatTable(runTable({ model: 'jugs', options: { maxStates: 3 } }, catalog));
    expect(text).toContain('3*');
    expect(text).toContain('*  the search stopped early (max-states): verdicts cover only the states explored');
  });
});
