import { describe, expect, it } from 'vitest';
import { linesMatching, mutate, readRun, runDirs, validateRun, type RunFiles } from './helpers.ts';

// Conformance of the failover model with real Redis 7.0.15 clusters (docs/real-system.md,
// "Trace validation"): every committed real run is a behaviour of the model under redis-7.0,
// and a log changed to show something the protocol forbids is rejected at the changed line.
const RUNS = runDirs('test/fixtures/real');
const SAMPLE = 'test/fixtures/real/validate-p7-k3-t1000-d0-001';

const rejectedAt = (verdict: ReturnType<typeof validateRun>) =>
  verdict.status === 'rejected' ? `${verdict.at.source.file.split('/').pop()}:${verdict.at.source.line}` : verdict.status;

/** Port, line and text of every "Failover auth granted to ID for epoch E" line of the run's voters. */
function grants(run: RunFiles): { file: string; line: number; to: string; epoch: number }[] {
  const out: { file: string; line: number; to: string; epoch: number }[] = [];
  // Frozen primaries' lines after the freeze are not part of the behaviour (they resume at teardown).
  const frozen = new Set<string>(((run.meta === undefined ? {} : JSON.parse(run.meta.text)) as { frozen?: number[] }).frozen?.map((p) => `${p}.log`) ?? []);
  for (const [file, log] of run.logs) {
    if (frozen.has(file)) continue;
    log.text.split('\n').forEach((text, i) => {
      const m = /Failover auth granted to ([0-9a-f]{40}) for epoch (\d+)$/.exec(text);
      if (m !== null) out.push({ file, line: i + 1, to: m[1], epoch: Number(m[2]) });
    });
  }
  return out;
}

/** The first election won in the run: the winner's log, the won line, its epoch, its id. */
function firstWin(run: RunFiles): { file: string; line: number; epoch: number; id: string } {
  const nodes = run.topology.text.split('\n').filter((l) => l.trim() !== '').map((l) => l.split(' '));
  let best: { file: string; line: number; epoch: number; id: string } | undefined;
  for (const [file, log] of run.logs) {
    const lines = log.text.split('\n');
    const won = lines.findIndex((l) => l.includes('Failover election won'));
    if (won < 0) continue;
    const start = lines.slice(0, won).reverse().find((l) => l.includes('Starting a failover election for epoch'))!;
    const epoch = Number(/epoch (\d+)/.exec(start)![1]);
    const port = file.replace('.log', '');
    const id = nodes.find((f) => f[1].startsWith(`127.0.0.1:${port}@`))![0];
    if (best === undefined || epoch < best.epoch) best = { file, line: won + 1, epoch, id };
  }
  return best!;
}

describe('real Redis 7.0 logs against the redis-7.0 variant', () => {
  it('has committed real runs with logs to validate', () => {
    expect(RUNS.length).toBeGreaterThan(0);
  });

  for (const dir of RUNS) {
    it(`accepts every log of ${dir.split('/').pop()}`, () => {
      const verdict = validateRun(readRun(dir), 'redis-7.0');
      expect(verdict.status === 'rejected' ? `rejected at ${verdict.at.source.file}:${verdict.at.source.line} ${verdict.at.source.text}` : verdict.status).toBe('accepted');
    });
  }
});

describe('mutated real logs are rejected at the changed line', () => {
  const run = readRun(SAMPLE);
  const win = firstWin(run);
  const votes = grants(run).filter((g) => g.to === win.id && g.epoch === win.epoch);

  it('a second vote by one voter in one epoch (for another candidate)', () => {
    const other = grants(run).find((g) => g.to !== win.id)!;
    const first = votes[0];
    const changed = mutate(run, first.file, (lines) => {
      const copy = lines[first.line - 1].replace(win.id, other.to);
      return [...lines.slice(0, first.line), copy, ...lines.slice(first.line)];
    });
    expect(rejectedAt(validateRun(changed, 'redis-7.0'))).toBe(`${first.file}:${first.line + 1}`);
  });

  it('a win with fewer grants than the quorum (7 primaries: quorum 4)', () => {
    expect(votes.length).toBeGreaterThanOrEqual(4);
    // Keep three grants for the winner's epoch: the voters of the others never answered.
    let changed = run;
    for (const g of votes.slice(3)) changed = mutate(changed, g.file, (lines) => lines.filter((_, i) => i !== g.line - 1));
    expect(rejectedAt(validateRun(changed, 'redis-7.0'))).toBe(`${win.file}:${win.line}`);
  });

  it('an election start whose epoch does not increase (the currentEpoch every node had)', () => {
    const line = linesMatching(run, win.file, /Starting a failover election for epoch/)[0];
    const changed = mutate(run, win.file, (lines) => lines.map((l, i) => (i === line - 1 ? l.replace(/epoch \d+\./, 'epoch 14.') : l)));
    expect(rejectedAt(validateRun(changed, 'redis-7.0'))).toBe(`${win.file}:${line}`);
  });
});

describe('a mutated split vote (bus delay 50 ms: both replicas of one round ask for epoch 15)', () => {
  const run = readRun('test/fixtures/real/validate-p7-k3-t1000-d50-003');

  // The exact search (the only one that may reject) does not finish the split vote's
  // interleavings within the bound; the reduced one explains the unchanged run.
  it('fixme: the loser\'s retry asking for the epoch it already used is undecided (unknown at the bound), not rejected at its line', () => {
    const retry = Object.entries(Object.fromEntries([...run.logs.keys()].map((f) => [f, linesMatching(run, f, /Starting a failover election for epoch/)]))).find(([, l]) => l.length > 1)!;
    const [file, [first, second]] = retry;
    const epoch = /epoch (\d+)\./.exec(run.logs.get(file)!.text.split('\n')[first - 1])![1];
    const changed = mutate(run, file, (lines) => lines.map((l, i) => (i === second - 1 ? l.replace(/epoch \d+\./, `epoch ${epoch}.`) : l)));
    expect(rejectedAt(validateRun(changed, 'redis-7.0', 50_000))).toBe('unknown');
  });
});

describe('mutated Valkey (#3833 seed) logs', () => {
  // The seed has only two replicas' logs: the four voters and the third replica act unseen,
  // so explaining even the first NACK needs the unseen replica's election, and the search
  // meets its bound before it gets there (docs/real-system.md, seed verdicts).
  it('fixme: a NACK count that skips a number (NACKs 1 -> 2) is undecided: unknown at the bound, not rejected at the line', () => {
    const run = readRun('test/fixtures/seed-3833');
    const line = linesMatching(run, '30008.log', /\(NACKs 1\/7\)/)[0];
    const changed = mutate(run, '30008.log', (lines) => lines.map((l, i) => (i === line - 1 ? l.replace('(NACKs 1/7)', '(NACKs 2/7)') : l)));
    expect(rejectedAt(validateRun(changed, 'nack-4654', 20_000))).toBe('unknown');
  });
});
