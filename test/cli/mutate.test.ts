import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';
import type { ModelEntry } from '../../src/index.ts';

async function mutate(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), env: { SPLITVOTE_CATALOG: 'test/fixtures/mutantsCatalog.ts' }, cwd: process.cwd(), progressStream: undefined };
  const code = await main(['mutate', ...argv], io);
  return { code, out, err };
}

describe('splitvote mutate', () => {
  test('prints each mutant\'s catching property or survival, the reason of a survivor and the score', async () => {
    const { code, out, err } = await mutate('counter');
    expect(out).toContain('✓ inc-2  (action step)');
    expect(out).toContain('caught by x stays at most cap on four [wide], 3 steps (run 2)');
    expect(out).toContain('✗ cap-low  (action stop)');
    expect(out).toContain('gap: only the witness notices');
    expect(out).toContain('caught by no deadlock on four [no variant], 0 steps (run 1)');
    expect(out).toContain('Mutation score: 2 of 3 caught (66.7%)');
    expect(out).toContain('Pins: all 3 outcomes as pinned (test/fixtures/mutantsCatalog.pins.json)');
    expect(code).toBe(0);
    expect(err).toContain('mutant 3/3 stuck: caught');
  });

  test('--json prints one document with the score and each outcome', async () => {
    const { out } = await mutate('counter', '--json', '--mutant', 'stuck');
    const doc = JSON.parse(out);
    expect(doc.score).toEqual({ caught: 1, total: 1, equivalent: 0 });
    expect(doc.outcomes[0]).toMatchObject({ name: 'stuck', status: 'caught', caught: { property: 'no deadlock', preset: 'four', variants: [], steps: 0 }, pin: 'ok' });
  });

  test('--trace prints the counterexample that caught the mutant', async () => {
    const { out, code } = await mutate('counter', '--mutant', 'inc-2', '--trace', '--quiet');
    expect(out).toContain('Counterexample for "x stays at most cap" (mutant inc-2, preset four, variants wide, 3 steps):');
    expect(out).toContain('3  step');
    expect(code).toBe(0);
    const survivor = await mutate('counter', '--mutant', 'cap-low', '--trace', '--quiet');
    expect(survivor.out).toContain('No counterexample: the mutant was not caught.');
  });

  test('--preset replaces the suite\'s presets and skips the pin comparison', async () => {
    const { out } = await mutate('counter', '--preset', 'three', '--quiet');
    expect(out).toContain('caught by x stays at most cap on three [no variant], 2 steps (run 1)');
    expect(out).toContain('Pins not compared: --preset changes the runs.');
  });

  test('exits 0 when every outcome is as pinned, and 1 when a caught mutant survives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splitvote-mutate-'));
    try {
      const file = join(dir, 'pins.json');
      const { catalog } = await import('../fixtures/mutantsCatalog.ts');
      const withPins: ModelEntry = { ...catalog[0], mutants: { ...catalog[0].mutants!, pinsFile: file } };
      const io = (sink: string[]): Io => ({ out: (t) => void sink.push(t), err: () => {}, env: {}, cwd: dir, progressStream: undefined });
      const runWith = async (entry: ModelEntry, ...argv: string[]) => {
        const mod = await import('../../src/cli/commands/mutate.ts');
        const out: string[] = [];
        const code = await mod.mutateCommandWith([entry], entry.name, { quiet: true, ...Object.fromEntries(argv.map((a) => [a, true])) }, io(out));
        return { code, out: out.join('') };
      };
      expect((await runWith(withPins, 'writePins')).code).toBe(0);
      expect(JSON.parse(readFileSync(file, 'utf8'))['inc-2']).toEqual({ outcome: 'caught', property: 'x stays at most cap', preset: 'four', variants: ['wide'], steps: 3 });
      const pinned = await runWith(withPins);
      expect(pinned.out).toContain('Pins: all 3 outcomes as pinned');
      expect(pinned.code).toBe(0);
      const fixed = { ...withPins, mutants: { ...withPins.mutants!, mutants: withPins.mutants!.mutants.map((m) => (m.name === 'stuck' ? { ...m, extras: () => ({}) } : m)) } };
      const regressed = await runWith(fixed);
      expect(regressed.out).toContain('regressed stuck: pinned caught by no deadlock on four [], now survived');
      expect(regressed.code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('bad input: exit 2 naming the field and what is allowed', async () => {
    const noSuite = await mutate('plain');
    expect(noSuite.code).toBe(2);
    expect(noSuite.err).toContain('model plain has no mutation suite (ModelEntry.mutants); models with one: counter');
    const badMutant = await mutate('counter', '--mutant', 'nope');
    expect(badMutant.code).toBe(2);
    expect(badMutant.err).toContain('--mutant "nope": no such mutant of counter; mutants: inc-2, cap-low, stuck');
    const badPreset = await mutate('counter', '--preset', 'five');
    expect(badPreset.code).toBe(2);
    expect(badPreset.err).toContain('unknown preset "five" for model counter (--preset); presets: four, three');
    const traceAll = await mutate('counter', '--trace');
    expect(traceAll.code).toBe(2);
    expect(traceAll.err).toContain('--trace prints one counterexample: give --mutant NAME too');
    const pinsWithPreset = await mutate('counter', '--preset', 'four', '--write-pins');
    expect(pinsWithPreset.code).toBe(2);
    expect(pinsWithPreset.err).toContain('--write-pins with --preset');
    const { catalog } = await import('../fixtures/mutantsCatalog.ts');
    const { mutateCommandWith } = await import('../../src/cli/commands/mutate.ts');
    const entry = { ...catalog[0], mutants: { ...catalog[0].mutants!, pinsFile: undefined } };
    await expect(mutateCommandWith([entry], 'counter', { writePins: true }, { out: () => {}, err: () => {}, env: {}, cwd: process.cwd(), progressStream: undefined })).rejects.toThrow('--write-pins: model counter declares no pin file');
  });
});
