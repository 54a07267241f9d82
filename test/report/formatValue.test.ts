import { describe, expect, test } from 'vitest';
import { formatValue } from '../../src/index.ts';

describe('formatValue', () => {
  test('prints plain data compactly, strings quoted and identifier keys bare', () => {
    expect(formatValue({ role: 'replica', votes: [1, 2], 'P1->R3': true })).toBe('{ role: "replica", votes: [1, 2], "P1->R3": true }');
  });

  test('prints Maps, Sets and big integers so they cannot be mistaken for objects and numbers', () => {
    expect(formatValue(new Map([['R1', new Set([1, 2])]]))).toBe('Map{"R1" => Set{1, 2}}');
    expect(formatValue(5n)).toBe('5n');
    expect(formatValue({})).toBe('{}');
  });

  test('cuts text longer than maxLength and ends it with an ellipsis', () => {
    expect(formatValue('abcdefghij', { maxLength: 6 })).toBe('"abcd…');
  });
});
