import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.ts';

describe('a provide()-replaced guard through the command line', () => {
  test('alreadyVoted: () => false makes splitvote check exit 1 with an S3 counterexample', async () => {
    let out = '';
    const code = await main(['--catalog', resolve('test/fixtures/deliberateBugCatalog.ts'), 'check', 'vote-twice', '--preset', 'split-vote', '--stop-on-violation', '--quiet'], {
      out: (text) => void (out += text),
      err: () => {},
      env: {},
      cwd: process.cwd(),
      progressStream: undefined,
    });
    expect(code).toBe(1);
    expect(out).toMatch(/✗ violated {7}S3 a voter grants at most once per epoch/);
    expect(out).toContain('Counterexample for "S3 a voter grants at most once per epoch"');
    // The counterexample shows a voter granting twice in one epoch.
    expect(out).toMatch(/lastVoteEpoch/);
  });
});
