import { describe, expect, test } from 'vitest';
import { run } from './run.ts';

const failover = ['--catalog', 'models/index.ts', 'check', 'valkey-failover', '--preset', 'stale-nack', '--variant', 'nack-3833', '--quiet'];

describe('splitvote check: engine, reduction and threads', { timeout: 300_000 }, () => {
  test('--workers 2, --engine object and --no-por print exactly what the default search prints', async () => {
    const plain = await run(...failover);
    expect(plain.code).toBe(1);
    for (const extra of [['--workers', '2'], ['--engine', 'object'], ['--no-por'], ['--shortest']]) {
      const other = await run(...failover, ...extra);
      expect([other.code, other.out.replace(` ${extra.join(' ')}`, '')]).toEqual([plain.code, plain.out]);
    }
  });

  test('the switches that change the search appear in the reproduce line', async () => {
    expect((await run(...failover, '--no-por')).out).toContain('Reproduce: npx splitvote check valkey-failover --preset stale-nack --variant nack-3833 --no-por');
  });

  test('a bad --workers or --engine value is refused before the search, naming what is allowed', async () => {
    expect((await run(...failover, '--workers', '0')).err).toContain("option '--workers <n>' argument '0' is invalid. Allowed: a whole number >= 1");
    expect((await run(...failover, '--engine', 'fast')).err).toContain("Allowed choices are packed, object");
  });
});
