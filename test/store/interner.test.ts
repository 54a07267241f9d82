import { describe, expect, test } from 'vitest';
import { Interner } from '../../src/store/interner.ts';
import { sameValue } from '../../src/core/sameValue.ts';

describe('the interner', () => {
  test('numbers distinct values in the order first seen and gives equal values one id', () => {
    const table = new Interner<object>(sameValue);
    expect(table.intern({ a: 1 }, 1, 2)).toBe(0);
    expect(table.intern({ b: 1 }, 3, 4)).toBe(1);
    expect(table.intern({ a: 1 }, 1, 2)).toBe(0);
    expect(table.size).toBe(2);
    expect([table.hi[1], table.lo[1]]).toEqual([3, 4]);
  });

  test('never merges two different values whose hashes collide', () => {
    const table = new Interner<object>(sameValue);
    expect(table.intern({ a: 1 }, 9, 9)).toBe(0);
    expect(table.intern({ a: 2 }, 9, 9)).toBe(1);
    expect(table.intern({ a: 2 }, 9, 9)).toBe(1);
  });

  test('keeps every id through growth', () => {
    const table = new Interner<number[]>(sameValue, 4);
    for (let i = 0; i < 5000; i++) expect(table.intern([i], i * 7919, i)).toBe(i);
    for (let i = 0; i < 5000; i++) expect(table.intern([i], i * 7919, i)).toBe(i);
    expect(table.values[4321]).toEqual([4321]);
  });
});
