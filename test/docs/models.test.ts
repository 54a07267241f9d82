import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkExecutableDoc } from '../helpers/executableDocs.ts';

describe('docs/models/valkey-failover.md', () => {
  // The flagship table (55 rows, about 644,000 states) is the heaviest test: under a minute on
  // an idle machine, several on a loaded one; the limit only catches a hang.
  test('shows the current verdict table and counterexamples of the failover model', async () => {
    expect(await checkExecutableDoc('docs/models/valkey-failover.md')).toBeGreaterThan(0);
  }, 1_200_000);
});

describe('README.md', () => {
  test('shows the current output of its example commands', async () => {
    expect(await checkExecutableDoc('README.md')).toBeGreaterThan(0);
  });
});

describe('the annotated walk-through in docs/models/valkey-failover.md', () => {
  test('follows the pinned two-winners counterexample step by step', async () => {
    const { checks } = await import('../../checks/valkey-carry-over.check.ts');
    const check = checks.find((c: { name: string }) => c.name === 'valkey-two-winners-nack-4654-bounded-delay')!;
    const pinned = check.traces!['S1 at most one promotion per election epoch'];
    const text = readFileSync('docs/models/valkey-failover.md', 'utf8');
    const block = text.slice(text.indexOf('## Walk-through')).split('```')[1];
    // Each numbered line is "N <action label>", then the annotation after two or more spaces.
    const labels = [...block.matchAll(/^[ \t]*\d+ (.+?)(?:[ \t]{2,}.*)?$/gm)].map((m) => m[1]);
    expect(labels).toEqual(pinned);
  });
});

describe('the lead (b) trace in docs/models/valkey-failover.md', () => {
  test('follows the pinned fix-4655 counterexample step by step', async () => {
    const { checks } = await import('../../checks/valkey-lead-b.check.ts');
    const check = checks.find((c: { name: string }) => c.name === 'valkey-lead-b-4655')!;
    const pinned = check.traces!['S4 a fast-fail happens only when quorum is out of reach'];
    const text = readFileSync('docs/models/valkey-failover.md', 'utf8');
    const block = text.slice(text.indexOf('## Lead (b)')).split('```')[1];
    const labels = [...block.matchAll(/^[ \t]*\d+ (.+?)(?:[ \t]{2,}.*)?$/gm)].map((m) => m[1]);
    expect(labels).toEqual(pinned);
  });
});

