import { describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runHarness } from '../../real/harness.ts';
import { CSV_HEADER } from '../../real/csv.ts';
import { processExists, REDIS_SERVER, startedPids } from '../../real/processes.ts';

const haveRedis = existsSync(REDIS_SERVER);
if (!haveRedis) console.warn(`test/real/harness.test.ts skipped: ${REDIS_SERVER} is absent (apt-get install redis-server; .ci/run installs it)`);

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'splitvote-real-test-'));
}

describe.skipIf(!haveRedis)('the real-cluster harness', () => {
  test('one run of 3 primaries with 1 frozen: a replica wins with a quorum of grants, and no redis-server survives', async () => {
    const out = tempDir();
    try {
      const [result] = await runHarness({ primaries: 3, failed: 1, replicas: 1, nodeTimeoutMs: 1000, busDelayMs: 0, runs: 1, keepLogs: true, out });
      expect(result.error).toBeUndefined();
      const lines = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n');
      expect(lines[0]).toBe(CSV_HEADER);
      expect(lines).toHaveLength(2);
      const row = Object.fromEntries(CSV_HEADER.split(',').map((name, i) => [name, lines[1].split(',')[i]]));
      expect(row.run).toBe('p3-k1-t1000-d0-001');
      expect(row.server).toMatch(/^redis-\d+\.\d+\.\d+$/);
      expect(Number(row.load1)).toBeGreaterThanOrEqual(0);
      expect(row.shard).toBe('0');
      expect(row.outcome).toBe('won');
      // Node 0 is the frozen primary; its one replica is node 3 (ports of one block are consecutive).
      const meta = JSON.parse(readFileSync(join(out, row.run, 'meta.json'), 'utf8'));
      expect(meta.frozen).toHaveLength(1);
      expect(Number(row.winner)).toBe(meta.frozen[0] + 3);
      expect(Number(row.fail_ms)).toBeGreaterThan(0);
      const starts = row.starts.split(';').map((s) => s.split('@').map(Number));
      expect(starts.length).toBeGreaterThanOrEqual(1);
      expect(row.split).toBe(starts.length > 1 ? '1' : '0');
      const [lastEpoch, lastMs] = starts[starts.length - 1];
      expect(Number(row.won_epoch)).toBe(lastEpoch);
      expect(lastMs).toBeGreaterThanOrEqual(Number(row.fail_ms));
      expect(Number(row.won_ms)).toBeGreaterThanOrEqual(lastMs);
      // 3 primaries, 1 frozen: the 2 live primaries are the quorum (3 / 2 + 1 = 2).
      expect(Number(row.votes)).toBeGreaterThanOrEqual(2);
      const nodes = readFileSync(join(out, row.run, 'nodes.txt'), 'utf8').trim().split('\n');
      expect(nodes).toHaveLength(6);
      for (let i = 0; i < 6; i++) expect(existsSync(join(out, row.run, `${meta.frozen[0] + i}.log`))).toBe(true);
      const pids = startedPids();
      expect(pids).toHaveLength(6);
      expect(pids.filter(processExists)).toEqual([]);
      expect(existsSync(result.tempDir)).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('Ctrl-C during a run kills every redis-server it started and exits with 130', async () => {
    const out = tempDir();
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'real/cli.ts', '--primaries', '3', '--failed', '1', '--node-timeout', '3000', '--verbose', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      const pids: number[] = [];
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no freeze within 120 s; stderr: ${stderr}`)), 120_000);
        child.stderr.on('data', (chunk) => {
          stderr += String(chunk);
          const started = /\(pids ([\d ]+)\)/.exec(stderr);
          if (started !== null && pids.length === 0) pids.push(...started[1].split(' ').map(Number));
          if (/froze /.test(stderr)) { clearTimeout(timer); resolve(); }
        });
      });
      expect(pids).toHaveLength(6);
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      // SIGKILL was sent before the harness exited; the orphans are reaped by init shortly after (bounded wait, 100 × 100 ms).
      for (let i = 0; i < 100 && pids.some(processExists); i++) await new Promise((r) => setTimeout(r, 100));
      expect(pids.filter(processExists)).toEqual([]);
      expect(stderr).toContain('SIGINT: every redis-server killed');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
