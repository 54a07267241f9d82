import { describe, expect, test } from 'vitest';
import { createServer, Socket, type AddressInfo } from 'node:net';
import { startBusProxy } from '../../real/proxy.ts';
import { checkBelowEphemeral, ephemeralRange } from '../../real/ports.ts';

describe('the bus-delay proxy', () => {
  test('relays every byte both ways, in order, each chunk after the delay', async () => {
    const echo = createServer((s) => s.on('data', (d) => s.write(d)));
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
    const target = (echo.address() as AddressInfo).port;
    // Listen port 0 is not allowed by startBusProxy's contract of fixed ports, so find a free one first.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const listen = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const proxy = await startBusProxy(listen, target, 30);
    try {
      const client = new Socket();
      let got = '';
      const sentAt = Date.now();
      const done = new Promise<number>((resolve) => client.on('data', (d) => { got += String(d); if (got.length >= 300) resolve(Date.now()); }));
      client.connect(listen, '127.0.0.1', () => { for (let i = 0; i < 100; i++) client.write(String(i % 10).repeat(3)); });
      const at = await done;
      expect(got).toBe(Array.from({ length: 100 }, (_, i) => String(i % 10).repeat(3)).join(''));
      // There and back: two one-way delays of 30 ms (timers may fire a millisecond early).
      expect(at - sentAt).toBeGreaterThanOrEqual(58);
      client.destroy();
    } finally {
      await proxy.close();
      await new Promise<void>((r) => echo.close(() => r()));
    }
  });
});

describe('harness ports', () => {
  test('every port lies below the ephemeral range, or the harness refuses to start', () => {
    expect(() => checkBelowEphemeral([32768, 60999])).not.toThrow();
    expect(() => checkBelowEphemeral([49152, 65535])).not.toThrow();
    expect(() => checkBelowEphemeral([30000, 60999])).toThrow(/ephemeral port range is 30000-60999/);
    expect(() => checkBelowEphemeral([1024, 65535])).toThrow(/ephemeral/);
    expect(ephemeralRange('/nonexistent')).toEqual([49152, 65535]);
  });
});
