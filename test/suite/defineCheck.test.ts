import { describe, expect, test } from 'vitest';
import { defineCheck, type CheckDefinition } from '../../src/index.ts';

const good: CheckDefinition = { name: 'ring-three', description: 'd', model: 'ring', preset: 'three', expect: { p: 'holds' }, states: 3 };
const defineWith = (change: Record<string, unknown>): (() => CheckDefinition) => () => defineCheck({ ...good, ...change } as CheckDefinition);

describe('defineCheck', () => {
  test('returns the check unchanged', () => {
    expect(defineCheck(good)).toBe(good);
  });

  test.each([
    ['model', { model: '' }, 'field "model" must be a non-empty string, got ""'],
    ['description', { description: undefined }, 'field "description" must be a non-empty string, got nothing'],
    ['strategy', { strategy: 'astar' }, 'field "strategy" must be one of bfs, dfs, simulate, got "astar"'],
    ['variants', { variants: 'a' }, 'field "variants" must be an array of variant names, got "a"'],
    ['expect', { expect: {} }, 'field "expect" must be an object { "<property name>": status } with at least one property, got {}'],
    ['states', { states: 2.5 }, 'field "states" must be an integer >= 0, got 2.5'],
    ['transitions', { transitions: -1 }, 'field "transitions" must be an integer >= 0, got -1'],
  ])('rejects a bad %s with SV501 naming the check and the field', (_field, change, message) => {
    expect(defineWith(change)).toThrow(/^SV501: defineCheck: check "ring-three": /);
    expect(defineWith(change)).toThrow(message);
  });

  test('rejects an expected status that does not exist, listing the ones that do', () => {
    expect(defineWith({ expect: { p: 'passes' } })).toThrow('expect["p"] must be one of holds, violated, witnessed, not-witnessed, unknown, got "passes"');
  });

  test('rejects a pinned trace that is not a list of action labels', () => {
    expect(defineWith({ traces: { p: [1, 2] } })).toThrow('traces["p"] must be an array of action labels (strings)');
  });
});
