import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runHarness } from '../../real/harness.ts';
import { processExists, REDIS_SERVER, startedPids } from '../../real/processes.ts';
import { readRun, validateRun } from './helpers.ts';

const haveRedis = existsSync(REDIS_SERVER);
if (!haveRedis) console.warn(`test/real/fresh.test.ts skipped: ${REDIS_SERVER} is absent (apt-get install redis-server; .ci/run installs it)`);

// Fresh real clusters in CI: 7 primaries, 3 frozen at once, node timeout 1000 ms, once without
// and once with a 50 ms bus delay (split votes are likelier); every kept log must be a
// behaviour of the model under redis-7.0 (docs/real-system.md, "Trace validation").
describe.skipIf(!haveRedis)('fresh Redis 7.0 clusters validate against redis-7.0', () => {
  for (const busDelayMs of [0, 50]) {
    test(`7 primaries, 3 frozen, bus delay ${busDelayMs} ms: every log is accepted, no redis-server survives`, async () => {
      const out = mkdtempSync(join(tmpdir(), 'splitvote-validate-real-'));
      try {
        const [result] = await runHarness({ primaries: 7, failed: 3, replicas: 1, nodeTimeoutMs: 1000, busDelayMs, runs: 1, keepLogs: true, out });
        expect(result.error).toBeUndefined();
        expect(startedPids().filter(processExists)).toEqual([]);
        const verdict = validateRun(readRun(join(out, result.run)), 'redis-7.0', 1_000_000);
        expect(verdict.status === 'rejected' ? `rejected at ${verdict.at.source.file}:${verdict.at.source.line} ${verdict.at.source.text}` : verdict.status).toBe('accepted');
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  }
});
