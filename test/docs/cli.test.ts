import { describe, expect, test } from 'vitest';
import { checkExecutableDoc } from '../helpers/executableDocs.ts';

describe('docs/cli.md', () => {
  test('shows the current output and exit code of every example command (on the test catalog)', async () => {
    expect(await checkExecutableDoc('docs/cli.md', 'test/fixtures/catalog.ts')).toBeGreaterThan(5);
  });
});
