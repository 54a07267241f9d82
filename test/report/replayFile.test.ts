import { describe, expect, test } from 'vitest';
import { formatReplayFile, parseReplayFile, SplitvoteError, type ReplayFile } from '../../src/index.ts';

const good: ReplayFile = { schema: 1, kind: 'splitvote-trace', model: 'jugs', preset: 'die-hard', variants: [], property: 'p', init: 0, path: [1, 5, 2] };
const parseWith = (change: Record<string, unknown>): (() => ReplayFile) => () => parseReplayFile(JSON.stringify({ ...good, ...change }), 't.json');

describe('parseReplayFile', () => {
  test('reads back what formatReplayFile wrote', () => {
    expect(parseReplayFile(formatReplayFile(good), 't.json')).toEqual(good);
    expect(formatReplayFile(good)).toContain('"path": [1,5,2]');
  });

  test('rejects text that is not JSON, saying what a replay file is', () => {
    expect(() => parseReplayFile('{ nope', 't.json')).toThrow(/SV402: t.json is not JSON .*--save-trace/);
  });

  test('rejects JSON that is not an object', () => {
    expect(() => parseReplayFile('[1]', 't.json')).toThrow(/must hold a JSON object, got array \[1\]/);
  });

  test.each([
    ['schema', { schema: 2 }, 'field "schema" must be 1, got number 2'],
    ['kind', { kind: 'trace' }, 'field "kind" must be "splitvote-trace", got string "trace"'],
    ['model', { model: 3 }, 'field "model" must be a non-empty string, got number 3'],
    ['preset', { preset: '' }, 'field "preset" must be a non-empty string, got string ""'],
    ['property', { property: null }, 'field "property" must be a non-empty string, got null null'],
    ['variants', { variants: 'a,b' }, 'field "variants" must be an array of variant names (strings), [] for none, got string "a,b"'],
    ['init', { init: -1 }, 'field "init" must be an integer >= 0 (the index of the initial state), got number -1'],
    ['path', { path: [1, 'x'] }, 'field "path" must be an array of integers >= 0 (action indices), got array [1, "x"]'],
    ['propertyKind', { propertyKind: 'never' }, 'field "propertyKind" must be one of always, sometimes, eventually, recoverable, deadlock'],
    ['loopsTo', { loopsTo: 9 }, 'field "loopsTo" must be an integer between 0 and the number of steps, got number 9'],
  ])('names the field %s, the bad value and what is allowed', (_field, change, message) => {
    expect(parseWith(change)).toThrow(SplitvoteError);
    expect(parseWith(change)).toThrow(message);
  });

  test('says a required field is missing', () => {
    const { path: _path, ...rest } = good;
    expect(() => parseReplayFile(JSON.stringify(rest), 't.json')).toThrow('field "path" must be an array of integers >= 0 (action indices), got nothing (the field is missing)');
  });

  test('ignores extra fields a newer writer may add', () => {
    expect(parseWith({ comment: 'hello' })()).toEqual(good);
  });
});
