import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Hasher, hashValue } from '../../src/index.ts';

function fingerprint(value: unknown): string {
  const h = new Hasher().reset();
  hashValue(h, value);
  h.finish();
  return `${h.hi}:${h.lo}`;
}

describe('hashValue', () => {
  test('does not depend on the order of object keys or of Map and Set entries', () => {
    expect(fingerprint({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(fingerprint({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(fingerprint(new Map([[1, 'a'], [2, 'b']]))).toBe(fingerprint(new Map([[2, 'b'], [1, 'a']])));
    expect(fingerprint(new Set([3, 1]))).toBe(fingerprint(new Set([1, 3])));
  });

  test('tells apart values that differ in structure or type', () => {
    const values = [0, -0.5, 1, '1', true, null, undefined, [], {}, [1], [[1]], { a: 1 }, { b: 1 }, { a: '1' }, [1, 2], [2, 1], new Set([1]), new Map([[1, 1]]), 'ab', 'ba', { a: { b: 1 } }, { a: 1, b: 1 }];
    const prints = new Set(values.map(fingerprint));
    expect(prints.size).toBe(values.length);
  });

  test('treats a missing key and an undefined one as the same state', () => {
    expect(fingerprint({ a: 1, b: undefined })).toBe(fingerprint({ a: 1 }));
  });

  test('equal JSON values give equal fingerprints, for any value', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => fingerprint(v) === fingerprint(JSON.parse(JSON.stringify(v)))), { seed: 1, numRuns: 300 });
  });

  test('rejects values with no canonical encoding, naming them', () => {
    expect(() => fingerprint({ f: () => 1 })).toThrow(/SV101: cannot fingerprint a function/);
    expect(() => fingerprint(new Date(0))).toThrow(/instance of Date/);
  });
});
