import { describe, expect, test } from 'vitest';
import { WordQueue } from '../../src/store/wordQueue.ts';
import { PackedStateStore } from '../../src/store/stateStore.ts';

describe('the word queue', () => {
  test('gives records back first in, first out, across chunks, with the last word replaced when asked', () => {
    const queue = new WordQueue(3, 7); // two records per chunk
    const out: number[][] = [];
    for (let i = 0; i < 9; i++) {
      queue.push(Int32Array.of(i, i + 100, -1), 0, i % 2 === 0 ? i * 10 : undefined);
      if (i % 3 === 2) {
        queue.shift();
        out.push([...queue.buffer.subarray(queue.offset, queue.offset + 3)]);
      }
    }
    while (queue.size > 0) {
      queue.shift();
      out.push([...queue.buffer.subarray(queue.offset, queue.offset + 3)]);
    }
    expect(out).toEqual(Array.from({ length: 9 }, (_, i) => [i, i + 100, i % 2 === 0 ? i * 10 : -1]));
  });
});

describe('the packed state store', () => {
  test('keeps vectors by ordinal and decodes them when read', () => {
    const store = new PackedStateStore(2, (words, offset) => `${words[offset]}:${words[offset + 1]}`);
    for (let i = 0; i < 70_000; i++) store.push(Int32Array.of(-1, i, 2 * i), 1);
    expect(store.size).toBe(70_000);
    expect([store.get(0), store.get(32_767), store.get(32_768), store.get(69_999)]).toEqual(['0:0', '32767:65534', '32768:65536', '69999:139998']);
  });
});
