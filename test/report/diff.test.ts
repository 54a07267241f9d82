import { describe, expect, test } from 'vitest';
import { deepEqual, diffValues } from '../../src/index.ts';

describe('diffValues', () => {
  test('reports only the leaves that changed, with dotted paths', () => {
    const before = { R3: { failover_auth_count: 0, epoch: 5 }, P1: { voted: 4 } };
    const after = { R3: { failover_auth_count: 1, epoch: 5 }, P1: { voted: 4 } };
    expect(diffValues(before, after)).toEqual([{ path: 'R3.failover_auth_count', kind: 'changed', before: 0, after: 1 }]);
  });

  test('finds nothing between structurally equal values built separately', () => {
    expect(diffValues({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });

  test('compares arrays index by index and reports added and removed indices', () => {
    expect(diffValues({ log: [1, 2] }, { log: [1, 3, 4] })).toEqual([
      { path: 'log[1]', kind: 'changed', before: 2, after: 3 },
      { path: 'log[2]', kind: 'added', before: undefined, after: 4 },
    ]);
    expect(diffValues([1, 2], [1])).toEqual([{ path: '[1]', kind: 'removed', before: 2, after: undefined }]);
  });

  test('reports an added or removed key as one change carrying the whole subtree', () => {
    expect(diffValues({ a: 1 }, { a: 1, b: { c: 2 } })).toEqual([{ path: 'b', kind: 'added', before: undefined, after: { c: 2 } }]);
    expect(diffValues({ a: 1, b: { c: 2 } }, { a: 1 })).toEqual([{ path: 'b', kind: 'removed', before: { c: 2 }, after: undefined }]);
  });

  test('quotes keys that are not identifiers, the way JavaScript would index them', () => {
    expect(diffValues({ links: { 'P1->R3': 0 } }, { links: { 'P1->R3': 1 } })[0].path).toBe('links["P1->R3"]');
  });

  test('walks into Maps by key', () => {
    const before = new Map<unknown, unknown>([['R1', { epoch: 1 }], [7, 'x']]);
    const after = new Map<unknown, unknown>([['R1', { epoch: 2 }], [7, 'y']]);
    expect(diffValues(before, after).map((c) => c.path)).toEqual(['R1.epoch', '[7]']);
  });

  test('treats Sets as leaves that are equal whatever their order', () => {
    expect(diffValues({ voters: new Set(['P1', 'P2']) }, { voters: new Set(['P2', 'P1']) })).toEqual([]);
    const change = diffValues({ voters: new Set(['P1']) }, { voters: new Set(['P1', 'P2']) });
    expect(change).toEqual([{ path: 'voters', kind: 'changed', before: new Set(['P1']), after: new Set(['P1', 'P2']) }]);
  });

  test('reports a change of shape as one change of the whole value', () => {
    expect(diffValues({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: 'a', kind: 'changed', before: [1], after: { 0: 1 } }]);
  });

  test('reports a changed root primitive under the empty path', () => {
    expect(diffValues(1, 2)).toEqual([{ path: '', kind: 'changed', before: 1, after: 2 }]);
  });

  test('does not call NaN a change', () => {
    expect(diffValues({ x: Number.NaN }, { x: Number.NaN })).toEqual([]);
  });
});

describe('deepEqual', () => {
  test('compares nested Maps and Sets structurally', () => {
    expect(deepEqual(new Map([['a', new Set([{ x: 1 }])]]), new Map([['a', new Set([{ x: 1 }])]]))).toBe(true);
    expect(deepEqual(new Set([1, 2]), new Set([1, 3]))).toBe(false);
  });
});
