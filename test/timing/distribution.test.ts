import { describe, expect, test } from 'vitest';
import { EnumerateDraw, formatDistribution, gridPoints, parseDistribution, percentile, Random, SampleDraw, summarize } from '../../src/index.ts';

const noFile = (): string => {
  throw new Error('no such file');
};

describe('distributions', () => {
  test('parse fixed, uniform and empirical forms and print them back', () => {
    expect(parseDistribution('fixed:5', '--latency', noFile)).toEqual({ kind: 'fixed', value: 5 });
    expect(parseDistribution('uniform:1-10', '--latency', noFile)).toEqual({ kind: 'uniform', lo: 1, hi: 10 });
    const empirical = parseDistribution('empirical:lat.txt', '--latency', () => '0.5 1.5\n2,3\n');
    expect(empirical).toEqual({ kind: 'empirical', values: [0.5, 1.5, 2, 3], source: 'lat.txt' });
    expect(formatDistribution(parseDistribution('uniform:0.5-2', '--latency', noFile))).toBe('uniform:0.5-2');
  });

  test('a bad value names the flag, the value and the allowed forms', () => {
    expect(() => parseDistribution('uniform:10-1', '--latency', noFile)).toThrow(/SV401: --latency "uniform:10-1": the range is empty \(10 > 1\); allowed: fixed:MS, uniform:LO-HI/);
    expect(() => parseDistribution('gauss:3', '--gossip', noFile)).toThrow(/--gossip "gauss:3": unknown form/);
    expect(() => parseDistribution('fixed:-1', '--latency', noFile)).toThrow(/not a number >= 0/);
    expect(() => parseDistribution('empirical:x', '--latency', noFile)).toThrow(/cannot read the file \(no such file\)/);
    expect(() => parseDistribution('empirical:x', '--latency', () => '1 two')).toThrow(/value "two" in the file/);
  });

  test('grid points include both ends of a range', () => {
    expect(gridPoints({ kind: 'uniform', lo: 1, hi: 10 }, 3)).toEqual([1, 4, 7, 10]);
    expect(gridPoints({ kind: 'uniform', lo: 1, hi: 10 }, 9)).toEqual([1, 10]);
    expect(gridPoints({ kind: 'fixed', value: 5 }, 1)).toEqual([5]);
    expect(gridPoints({ kind: 'empirical', values: [3, 1, 3], source: 'f' }, 1)).toEqual([1, 3]);
  });

  test('a seeded draw repeats; an enumerating draw decodes a choice number digit by digit', () => {
    const a = new SampleDraw(new Random(3));
    const b = new SampleDraw(new Random(3));
    const d = { kind: 'uniform', lo: 0, hi: 499, integer: true } as const;
    const xs = Array.from({ length: 5 }, () => a.value(d));
    expect(Array.from({ length: 5 }, () => b.value(d))).toEqual(xs);
    expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x <= 499)).toBe(true);
    const e = new EnumerateDraw(5, 1); // 5 = 1 + 2 * 2: second point of [a, b], third of [p, q, r]
    expect(e.value({ kind: 'uniform', lo: 0, hi: 1 })).toBe(1);
    expect(e.value({ kind: 'uniform', lo: 10, hi: 12 })).toBe(12);
    expect(e.combinations).toBe(6);
  });
});

describe('statistics', () => {
  test('nearest-rank percentiles are values of the sample', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(sorted, 50)).toBe(5);
    expect(percentile(sorted, 90)).toBe(9);
    expect(percentile(sorted, 99)).toBe(10);
    expect(percentile([], 50)).toBeNaN();
  });

  test('summarize gives mean, extremes and percentiles', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ count: 4, mean: 2.5, min: 1, max: 4, p50: 2, p90: 4, p99: 4 });
  });
});
