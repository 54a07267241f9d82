import { describe, expect, test } from 'vitest';
import { parseReply } from '../../real/resp.ts';

describe('the RESP2 reply parser of the harness', () => {
  test('reads the five reply types, nested arrays and null replies', () => {
    expect(parseReply(Buffer.from('+OK\r\n'))).toEqual({ value: 'OK', end: 5 });
    expect(parseReply(Buffer.from(':42\r\n'))?.value).toBe(42);
    expect(parseReply(Buffer.from('$5\r\nhello\r\n'))?.value).toBe('hello');
    expect(parseReply(Buffer.from('$-1\r\n'))?.value).toBeNull();
    expect(parseReply(Buffer.from('*3\r\n$6\r\nmaster\r\n:3000\r\n*1\r\n*3\r\n$9\r\n127.0.0.1\r\n$5\r\n20743\r\n$1\r\n0\r\n'))?.value)
      .toEqual(['master', 3000, [['127.0.0.1', '20743', '0']]]);
    expect(parseReply(Buffer.from('-ERR unknown command\r\n'))?.error).toBe('ERR unknown command');
  });

  test('waits for a reply split across TCP chunks', () => {
    expect(parseReply(Buffer.from('$5\r\nhel'))).toBeUndefined();
    expect(parseReply(Buffer.from('*2\r\n:1\r\n'))).toBeUndefined();
    expect(parseReply(Buffer.from('+O'))).toBeUndefined();
  });

  test('a bulk string counts bytes, not characters', () => {
    expect(parseReply(Buffer.from('$3\r\nñu\r\n'))?.value).toBe('ñu');
  });

  test('rejects an unknown reply type by name', () => {
    expect(() => parseReply(Buffer.from('?x\r\n'))).toThrow(/unexpected RESP reply type "\?"/);
  });
});
