import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLog } from '../../real/facts.ts';
import { readRunFolder } from '../../real/folder.ts';

const fixtures = fileURLToPath(new URL('../fixtures/real', import.meta.url));
const runs = ['p7-k3-t1000-d0-001', 'p7-k3-t1000-d0-002', 'p7-k3-t1000-d50-001'];
const csv = readFileSync(join(fixtures, 'runs.csv'), 'utf8').trim().split('\n');

describe('failover facts from real logs', () => {
  test('a Redis 7.0 log line is read with its millisecond UTC time and its text', () => {
    const [line] = parseLog(20747, '11289:S 04 Dec 2026 18:51:23.180 # Starting a failover election for epoch 7.\nnot a log line\n');
    expect(line).toEqual({ port: 20747, atMs: Date.UTC(2026, 11, 4, 18, 51, 23, 180), text: 'Starting a failover election for epoch 7.' });
  });

  test.each(runs)('the kept logs of %s give back the rows the harness wrote for it', (run) => {
    const { rows } = readRunFolder(join(fixtures, run));
    expect(rows).toEqual(csv.filter((l) => l.startsWith(`${run},`)));
  });

  test('with a 50 ms bus delay, every grant is logged at least 50 ms after the election start it answers, and the win 50 ms after the last grant it needs', () => {
    const dir = join(fixtures, 'p7-k3-t1000-d50-001');
    const { facts } = readRunFolder(dir);
    const all = readFileSync(join(dir, 'nodes.txt'), 'utf8').trim().split('\n').map((l) => Number(/:(\d+)@/.exec(l.split(' ')[1])?.[1]));
    const lines = all.flatMap((port) => parseLog(port, readFileSync(join(dir, `${port}.log`), 'utf8')));
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
    for (const f of facts) {
      const start = f.starts[f.starts.length - 1];
      const grants = lines.filter((l) => l.text.startsWith('Failover auth granted to') && l.text.endsWith(`for epoch ${start.epoch}`)).map((l) => l.atMs - meta.freezeAtMs);
      expect(grants.length).toBeGreaterThanOrEqual(4); // quorum of 7 primaries
      for (const g of grants) expect(g - start.ms).toBeGreaterThanOrEqual(50);
      const needed = [...grants].sort((a, b) => a - b)[3];
      expect((f.wonMs as number) - needed).toBeGreaterThanOrEqual(50);
    }
  });
});
