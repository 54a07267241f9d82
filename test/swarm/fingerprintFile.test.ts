import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { explore } from '../../src/index.ts';
import { countDistinct, encodeFingerprints, ownerOf } from '../../src/swarm/fingerprintFile.ts';
import { hanoi } from '../fixtures/hanoi.ts';

const dir = mkdtempSync(join(tmpdir(), 'splitvote-fp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, values: readonly bigint[]): string {
  const path = join(dir, name);
  writeFileSync(path, encodeFingerprints(BigUint64Array.from(values)));
  return path;
}

describe('fingerprint files', () => {
  test('explore returns every visited fingerprint once, sorted, when asked', () => {
    const result = explore(hanoi(4, { packed: true }), { fingerprints: true });
    const fps = result.fingerprints!;
    expect(fps.length).toBe(81);
    for (let i = 1; i < fps.length; i++) expect(fps[i] > fps[i - 1]).toBe(true);
    expect(explore(hanoi(4), {}).fingerprints).toBeUndefined();
  });

  test('the distinct count of overlapping files is the size of their union', () => {
    const a = file('a.fp', [1n, 5n, 9n, 2n ** 63n + 7n]);
    const b = file('b.fp', [2n, 5n, 2n ** 63n + 7n, 2n ** 64n - 1n]);
    const c = file('c.fp', []);
    expect(countDistinct([a, b, c])).toBe(6);
    expect(countDistinct([a, a])).toBe(4);
    expect(countDistinct([c])).toBe(0);
  });

  test('a count across read chunks (more than 8192 fingerprints per file) is exact', () => {
    const evens = Array.from({ length: 20_000 }, (_, i) => BigInt(2 * i) + (1n << 40n));
    const threes = Array.from({ length: 20_000 }, (_, i) => BigInt(3 * i) + (1n << 40n));
    const union = new Set([...evens, ...threes]);
    expect(countDistinct([file('evens.fp', evens), file('threes.fp', threes)])).toBe(union.size);
  });

  test('a file that is not sorted, or not a fingerprint file, is refused with SV402 naming it', () => {
    const unsorted = file('unsorted.fp', [3n, 1n]);
    expect(() => countDistinct([unsorted])).toThrow(/SV402: .*unsorted\.fp is not sorted/);
    const junk = join(dir, 'junk.fp');
    writeFileSync(junk, 'not fingerprints');
    expect(() => countDistinct([junk])).toThrow(/SV402: .*junk\.fp is not a fingerprint file/);
    const cut = join(dir, 'cut.fp');
    writeFileSync(cut, encodeFingerprints(BigUint64Array.from([1n, 2n])).slice(0, 20));
    expect(() => countDistinct([cut])).toThrow(/SV402: .*cut\.fp/);
  });

  test('the owner of a fingerprint is the 64-bit value mod the number of jobs', () => {
    expect(ownerOf(0, 7, 4)).toBe(3);
    expect(ownerOf(1, 0, 3)).toBe(Number(2n ** 32n % 3n));
    expect(ownerOf(0xffffffff, 0xffffffff, 10)).toBe(Number((2n ** 64n - 1n) % 10n));
  });
});
