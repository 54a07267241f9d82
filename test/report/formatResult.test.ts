import { describe, expect, test } from 'vitest';
import { explore, formatResult, formatSummary, formatVerdictLine, stateView } from '../../src/index.ts';
import { catalog } from '../fixtures/catalog.ts';

const jugs = catalog.find((e) => e.name === 'jugs')!.create({ preset: 'die-hard', variants: [] });
const result = explore(jugs);

describe('formatSummary', () => {
  test('names the model, preset, variants, strategy and bounds, and says the search was complete', () => {
    const lines = formatSummary(result, { model: 'jugs', preset: 'die-hard', variants: [] }).split('\n');
    expect(lines[0]).toBe('Model        jugs  preset die-hard  variant (none)  strategy bfs');
    expect(lines[1]).toBe('Bounds       small=3, big=5');
    expect(lines[2]).toBe('Search       complete: every state within the bounds was explored');
    expect(lines[3]).toBe('States       16 distinct, 96 transitions, depth 7');
    expect(lines[4]).toBe('Boundary     0 successors cut by the bounds');
    expect(lines[5]).toMatch(/^Collision {4}probability \d\.\de-\d+ \(64-bit fingerprints\)$/);
  });

  test('leaves durations out unless asked, so the text is the same on every machine', () => {
    expect(formatSummary(result)).not.toMatch(/Time| s,|states\/s/);
    expect(formatSummary(result, { timings: true }).split('\n')[4]).toMatch(/^Time {9}\d+\.\d\d s, [\d,]+ states\/s$/);
  });

  test('breaks lines wider than the width, continuing under the value column', () => {
    const lines = formatSummary({ ...result, bounds: { a: 'x'.repeat(30), b: 'y'.repeat(30), c: 'z'.repeat(30) } }, { width: 60 }).split('\n');
    const at = lines.findIndex((l) => l.startsWith('Bounds'));
    expect(lines.every((l) => l.length <= 60)).toBe(true);
    expect(lines.slice(at, at + 3)).toEqual([`Bounds       a=${'x'.repeat(30)},`, `             b=${'y'.repeat(30)},`, `             c=${'z'.repeat(30)}`]);
  });

  test('says when Ctrl-C stopped the search, and how far it got', () => {
    const interrupted = explore(jugs, { signal: { aborted: true } });
    expect(interrupted.stopReason).toBe('interrupted');
    expect(formatSummary(interrupted)).toContain(`Search       interrupted (Ctrl-C) after ${interrupted.stats.states} states: the verdicts cover only the states explored`);
  });

  test('says why a search stopped early and that the verdicts are partial', () => {
    const stopped = explore(jugs, { maxStates: 3 });
    expect(formatSummary(stopped)).toContain('Search       stopped early (max-states): the verdicts cover only the states explored');
  });

  test('shows the model\'s own name next to the catalog name when they differ', () => {
    expect(formatSummary(result, { model: 'die-hard-jugs' })).toMatch(/^Model {8}die-hard-jugs \(jugs\)/);
  });
});

describe('formatVerdictLine', () => {
  test.each([
    ['holds', '✓ holds'],
    ['violated', '✗ violated'],
    ['witnessed', '✓ witnessed'],
    ['not-witnessed', '✗ not witnessed'],
    ['unknown', '? unknown'],
  ] as const)('writes %s as "%s"', (status, text) => {
    expect(formatVerdictLine({ name: 'p', kind: 'always', status })).toBe(`${text.padEnd(16)} p  [always]`);
  });
});

describe('formatResult', () => {
  const text = formatResult(result, { model: 'jugs', preset: 'die-hard', view: stateView(jugs), reproduce: () => 'splitvote replay t.json' });

  test('lists one verdict per property after the summary', () => {
    expect(text).toContain('Properties\n  ✗ violated       the big jug never holds 4 gallons  [always]\n  ✓ witnessed      both jugs are full  [sometimes]\n  ✓ holds          no deadlock  [deadlock]');
  });

  test('prints each counterexample as numbered steps ending with the reproduce line', () => {
    expect(text).toContain('Counterexample for "the big jug never holds 4 gallons" (6 steps):\n0  initial state\n    jugs: { small: 0, big: 0 }\n1  fill big\n    jugs.big: 0 -> 5');
    expect(text).toContain('    jugs.big: 5 -> 4\nReproduce: splitvote replay t.json');
  });

  test('prints witnesses only when asked', () => {
    expect(text).not.toContain('Witness for');
    expect(formatResult(result, { witnesses: true })).toContain('Witness for "both jugs are full"');
  });

  test('ends with the overall verdict', () => {
    expect(text.split('\n').at(-1)).toBe('✗ 1 of 3 properties failed');
    const fine = catalog.find((e) => e.name === 'ring')!.create({ preset: 'three', variants: [] });
    expect(formatResult(explore(fine)).split('\n').at(-1)).toBe('✓ every expectation met: every property holds or is witnessed');
  });

  test('never calls a run with unknown verdicts a pass', () => {
    const stopped = formatResult(explore(jugs, { maxStates: 3 }));
    expect(stopped.split('\n').at(-1)).toBe('? 3 of 3 properties unknown (the search stopped first): nothing failed so far, but this is not a pass');
    expect(stopped).not.toContain('expectation met');
  });

  test('without the summary, still says that the search stopped early', () => {
    expect(formatResult(explore(jugs, { maxStates: 3 }), { summary: false }).split('\n')[0]).toBe('Search stopped early (max-states): the verdicts cover only the states explored');
  });
});
