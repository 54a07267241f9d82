import { describe, expect, test } from 'vitest';
import { FingerprintSet } from '../../src/explore/fingerprintSet.ts';
import { Hasher } from '../../src/index.ts';

describe('FingerprintSet', () => {
  test('answers whether a fingerprint is new, across many growths', () => {
    const set = new FingerprintSet(1, true);
    const h = new Hasher();
    for (let i = 0; i < 100_000; i++) expect(set.add(h.reset().int(i).finish().hi, h.lo)).toBe(true);
    for (let i = 0; i < 100_000; i += 7) {
      expect(set.add(h.reset().int(i).finish().hi, h.lo)).toBe(false);
      expect(set.lastOrdinal).toBe(i);
    }
    expect(set.size).toBe(100_000);
    expect(set.has(h.reset().int(-1).finish().hi, h.lo)).toBe(false);
  });

  test('uses at most 16 bytes per fingerprint when sized for its states', () => {
    const set = new FingerprintSet(1_000_000, false);
    expect(set.bytes / 1_000_000).toBeLessThanOrEqual(16);
  });
});
