import { describe, expect, test } from 'vitest';
import { always, formatTable, runTable, shortName, sometimes, type ModelEntry, type TableSpec } from '../../src/index.ts';
import { catalog, flagship } from '../fixtures/catalog.ts';

describe('shortName', () => {
  test('uses the code a property name starts with, DL for deadlock, else its position', () => {
    expect(shortName('S1 at most one promotion per epoch', 'always', 0)).toBe('S1');
    expect(shortName('no deadlock', 'deadlock', 4)).toBe('DL');
    expect(shortName('both jugs are full', 'sometimes', 1)).toBe('P2');
  });
});

const INVARIANT = 'the big jug never holds 4 gallons';

describe('formatTable', () => {
  test('prints the heading, the violations, the cell legend, one row per variant set, the column legend, then the counterexample', () => {
    const text = formatTable(runTable(flagship, catalog), { reproduce: 'npx splitvote check jugs --preset die-hard' });
    const lines = text.split('\n');
    expect(lines.slice(0, 12)).toEqual([
      'Die Hard: can the big jug hold 4 gallons?',
      'preset die-hard; strategy bfs; 2 rows, 20 states in all',
      '',
      'Invariant violations (property, preset: the variants that violate it):',
      '  P1  die-hard: (none)',
      '',
      'Cells: ✓ holds  ✗ violated: a counterexample exists  ● witnessed  ○ never witnessed  ? unknown  - not checked',
      '',
      'variant  P1  P2  DL  states',
      '(none)   ✗   ●   ✓       16',
      'no-pour  ✓   ●   ✓        4',
      '',
    ]);
    expect(lines[12]).toBe(`P1  ${INVARIANT} [always]`);
    expect(text).toContain(`Counterexample for "${INVARIANT}" (preset die-hard, variant (none), 6 steps):`);
    expect(lines.at(-1)).toBe('Reproduce: npx splitvote check jugs --preset die-hard');
  });

  test('shows witnesses (● happened, ○ never) differently from invariants (✓ holds, ✗ violated)', () => {
    const ring = formatTable(runTable({ model: 'ring', variantSets: [['seven']], presets: ['three'] }, catalog)).split('\n');
    // ring's "reaches 7" (eventually, P3) is violated; its witness "wraps to its maximum" (P2) happened.
    expect(ring).toContain('seven    ✓   ●   ✗   ✓        3');
    const idle: ModelEntry = {
      name: 'idle',
      description: 'one state, nothing happens',
      presets: [{ name: 'one', description: 'one state' }],
      variants: [],
      defaultVariants: [],
      create: () => ({ name: 'idle', initStates: () => [0], actions: () => {}, next: () => undefined, properties: [always('zero', (s) => s === 0), sometimes('one', (s) => s === 1)], isFinal: () => true }),
    };
    const never = formatTable(runTable({ model: 'idle' }, [idle])).split('\n');
    expect(never).toContain('(none)   ✓   ○   ✓        1');
  });

  test('prints the known bugs first: the row that has each and the row that fixes it, as the rows show', () => {
    const spec: TableSpec = {
      ...flagship,
      findings: [{ title: 'pouring measures 4 gallons', property: INVARIANT, preset: 'die-hard', has: [], fixedBy: ['no-pour'] }],
    };
    const lines = formatTable(runTable(spec, catalog)).split('\n');
    expect(lines.slice(3, 10)).toEqual([
      'Findings: each known bug, the variant that has it and the variant that fixes it',
      '  • pouring measures 4 gallons (P1, preset die-hard)',
      '      has it    (none)   P1 ✗ violated',
      '      fixed by  no-pour  P1 ✓ holds',
      '',
      'Other invariant violations: none in any row.',
      '',
    ]);
  });

  test('says so when the rows do not reproduce a declared finding', () => {
    const spec: TableSpec = { ...flagship, findings: [{ title: 'a bug that is not there', property: INVARIANT, preset: 'die-hard', has: ['no-pour'], fixedBy: [] }] };
    const text = formatTable(runTable(spec, catalog));
    expect(text).toContain('  ! a bug that is not there (P1, preset die-hard)');
    expect(text).toContain('      not reproduced: the rows do not show P1 violated without the fix and holding with it');
  });

  test('says so when no row has the counterexample asked for', () => {
    const text = formatTable(runTable({ ...flagship, variantSets: [['no-pour']] }, catalog));
    expect(text.split('\n').at(-1)).toBe(`No row violates "${INVARIANT}", so there is no counterexample to show.`);
  });

  test('marks a search that stopped early with a star and explains it', () => {
    const text = formatTable(runTable({ model: 'jugs', options: { maxStates: 3 } }, catalog));
    expect(text).toContain('3*');
    expect(text).toContain('*  the search stopped early (max-states): verdicts cover only the states explored');
  });

  test('prints seconds only when asked, so the text is the same on every machine', () => {
    expect(formatTable(runTable(flagship, catalog))).not.toContain('seconds');
    expect(formatTable(runTable(flagship, catalog), { timings: true })).toMatch(/variant {2}P1 {2}P2 {2}DL {2}states {2}seconds\n\(none\) .* 16 +\d+\.\d\d\n/);
  });

  test('after an interrupt, says how many rows were explored and leaves the others out', () => {
    const outcome = runTable({ model: 'ring', presets: ['three', 'five'] }, catalog, { signal: { aborted: true } });
    expect(outcome.rows).toEqual([]);
    expect(outcome.skipped).toBe(2);
    expect(formatTable(outcome)).toContain('!  interrupted (Ctrl-C): 0 of 2 rows explored');
  });

  test('keeps every line within the width', () => {
    const text = formatTable(runTable({ ...flagship, title: `${'a long title word '.repeat(6)}` }, catalog), { width: 60 });
    expect(text.split('\n').filter((l) => l.length > 60 && l.includes(' '))).toEqual([]);
  });
});
