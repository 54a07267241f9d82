import { describe, expect, test } from 'vitest';
import { defineCheck, runCheck } from '../../src/index.ts';
import { catalog } from '../fixtures/catalog.ts';

const dieHard = defineCheck({
  name: 'jugs',
  description: 'd',
  model: 'jugs',
  preset: 'die-hard',
  expect: { 'the big jug never holds 4 gallons': 'violated', 'both jugs are full': 'witnessed' },
  states: 16,
  transitions: 96,
  traces: { 'the big jug never holds 4 gallons': ['fill big', 'pour big into small', 'empty small', 'pour big into small', 'fill big', 'pour big into small'] },
});

describe('runCheck', () => {
  test('passes when every status, count and pinned trace matches', () => {
    const outcome = runCheck(dieHard, catalog);
    expect(outcome.mismatches).toEqual([]);
    expect(outcome.passed).toBe(true);
    expect(outcome.request).toEqual({ preset: 'die-hard', variants: [] });
    expect(outcome.result.stats.states).toBe(16);
  });

  test('reports a status that differs from the expected one', () => {
    const outcome = runCheck({ ...dieHard, expect: { 'the big jug never holds 4 gallons': 'holds' } }, catalog);
    expect(outcome.passed).toBe(false);
    expect(outcome.mismatches).toEqual(['"the big jug never holds 4 gallons": expected holds, got violated']);
  });

  test('reports a drifted state or transition count as a reviewed edit to make', () => {
    const outcome = runCheck({ ...dieHard, states: 15, transitions: 97 }, catalog);
    expect(outcome.mismatches).toEqual([
      'states: pinned 15, got 16; a drift means the model changed: review it, then update the pin',
      'transitions: pinned 97, got 96; a drift means the model changed: review it, then update the pin',
    ]);
  });

  test('reports the first step where a pinned trace differs', () => {
    const traces = { 'the big jug never holds 4 gallons': ['fill big', 'empty big'] };
    const outcome = runCheck({ ...dieHard, traces }, catalog);
    expect(outcome.mismatches).toEqual(['trace of "the big jug never holds 4 gallons": pinned 2 steps, got 6; first difference at step 2: pinned "empty big", got "pour big into small"']);
  });

  test('reports a pinned trace for a property that has none', () => {
    const outcome = runCheck({ ...dieHard, variants: ['no-pour'], expect: { 'both jugs are full': 'witnessed' }, states: undefined, transitions: undefined }, catalog);
    expect(outcome.mismatches).toEqual(['trace of "the big jug never holds 4 gallons": pinned 6 steps, but the result has no trace (status holds)']);
  });

  test('reports an expected property the model does not have, listing those it has', () => {
    const outcome = runCheck({ ...dieHard, expect: { 'S9 nonsense': 'holds' } }, catalog);
    expect(outcome.mismatches).toEqual(['no property named "S9 nonsense"; properties: "the big jug never holds 4 gallons", "both jugs are full", "no deadlock"']);
  });

  test('says when a count drifted because a limit stopped the search', () => {
    const outcome = runCheck({ ...dieHard, options: { maxStates: 4 }, expect: { 'the big jug never holds 4 gallons': 'unknown' }, transitions: undefined, traces: undefined }, catalog);
    expect(outcome.mismatches[0]).toMatch(/^states: pinned 16, got \d+ \(the search stopped: max-states\)/);
  });

  test('throws SV403 for an unknown model, preset or variant', () => {
    expect(() => runCheck({ ...dieHard, model: 'nope' }, catalog)).toThrow('unknown model "nope"; models: ring, jugs');
    expect(() => runCheck({ ...dieHard, preset: 'huge' }, catalog)).toThrow('unknown preset "huge" for model jugs; presets: die-hard');
    expect(() => runCheck({ ...dieHard, variants: ['x'] }, catalog)).toThrow('unknown variant "x" for model jugs; variants: no-pour');
  });
});
