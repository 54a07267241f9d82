import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';

const SEED = 'test/fixtures/seed-3833';
const dir = mkdtempSync(join(tmpdir(), 'splitvote-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function validate(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), env: {}, cwd: process.cwd(), progressStream: undefined };
  const code = await main(['validate', 'valkey-failover', ...argv], io);
  return { code, out, err };
}

describe('splitvote validate', () => {
  it('rejects the seed logs under redis-7.0 at the first NACK line, with exit code 1', async () => {
    const r = await validate('--variant', 'redis-7.0', '--topology', `${SEED}/nodes.txt`, `${SEED}/30007.log`, `${SEED}/30008.log`);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`rejected at ${SEED}/30008.log:3: "Failover auth NACK [already-voted] from 168a74f5255a32672cb114838466aae7c284ace1 (R4) for epoch 11 (NACKs 1/7)"`);
    expect(r.out).toContain('matched before it: 6 of 85 observations');
  });

  it('accepts a real Redis 7.0 run, saves the behaviour as a replay file, and splitvote replay replays it', async () => {
    const run = 'test/fixtures/real/validate-p7-k3-t1000-d0-001';
    const logs = ['23100', '23101', '23102', '23103', '23104', '23105', '23106', '23107', '23108', '23109', '23110', '23111', '23112', '23113'].map((p) => `${run}/${p}.log`);
    const saved = join(dir, 'behaviour.json');
    const r = await validate('--variant', 'redis-7.0', '--topology', `${run}/nodes.txt`, '--save-trace', saved, ...logs);
    expect(r.code).toBe(0);
    expect(r.out).toContain('accepted: one behaviour of the model explains all 48 observations');
    const file = JSON.parse(readFileSync(saved, 'utf8'));
    expect(file.validation.topology).toBe(`${run}/nodes.txt`);
    let out = '';
    const code = await main(['replay', saved], { out: (t) => void (out += t), err: () => {}, env: {}, cwd: process.cwd(), progressStream: undefined });
    expect(code).toBe(0);
    expect(out).toContain(`Replaying "${file.property}" on valkey-failover (preset topology, variant redis-7.0): ${file.path.length} steps`);
  });

  it('says unknown with exit code 3 when the pair bound stops the search first', async () => {
    const r = await validate('--variant', 'nack-4654', '--max-states', '2000', '--topology', `${SEED}/nodes.txt`, `${SEED}/30007.log`, `${SEED}/30008.log`);
    expect(r.code).toBe(3);
    expect(r.out).toContain('unknown: bound reached: 2000');
  });

  it('names a missing topology, a log that names no node, a bad line and an unknown node id (exit code 2)', async () => {
    const missing = await validate('--variant', 'redis-7.0', `${SEED}/30007.log`);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--topology FILE is missing');

    const unnamed = join(dir, 'replica.log');
    cpSync(`${SEED}/30007.log`, unnamed);
    const who = await validate('--topology', `${SEED}/nodes.txt`, unnamed);
    expect(who.code).toBe(2);
    expect(who.err).toContain('cannot tell which node wrote this log');

    const bad = join(dir, '30007.log');
    writeFileSync(bad, `${readFileSync(`${SEED}/30007.log`, 'utf8')}not a log line \u001b[31m\n`);
    const line = await validate('--topology', `${SEED}/nodes.txt`, '--meta', `${SEED}/meta.json`, bad);
    expect(line.code).toBe(2);
    expect(line.err).toContain('30007.log:41: not a Redis/Valkey log line: "not a log line \\u001b[31m"');

    writeFileSync(bad, readFileSync(`${SEED}/30007.log`, 'utf8').replace('168a74f5255a32672cb114838466aae7c284ace1', 'ffffffffffffffffffffffffffffffffffffffff'));
    const id = await validate('--topology', `${SEED}/nodes.txt`, '--meta', `${SEED}/meta.json`, bad);
    expect(id.code).toBe(2);
    expect(id.err).toContain('node id ffffffffffffffffffffffffffffffffffffffff (field "from") is not in the topology');
  });
});
