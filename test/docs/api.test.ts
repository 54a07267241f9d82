import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Application } from 'typedoc';
import { describe, expect, test } from 'vitest';

/**
 * The API reference (`npm run docs:api`, TypeDoc on src/index.ts with typedoc.json) builds in
 * CI with every warning an error: a broken `{@link}`, a type the public API uses but does not
 * export, or a stale entry of `intentionallyNotExported` fails this test.
 */
describe('the API reference', () => {
  test('builds from the TSDoc of src/index.ts without a warning', async () => {
    const out = mkdtempSync(join(tmpdir(), 'splitvote-api-'));
    try {
      const app = await Application.bootstrapWithPlugins({ options: 'typedoc.json', out });
      const project = await app.convert();
      expect(project, 'TypeDoc could not convert src/index.ts').toBeDefined();
      app.validate(project!);
      await app.generateOutputs(project!);
      expect({ errors: app.logger.errorCount, warnings: app.logger.warningCount }).toEqual({ errors: 0, warnings: 0 });
      expect(app.options.getValue('treatWarningsAsErrors')).toBe(true);
      // The public entry points appear as pages.
      expect(readdirSync(join(out, 'functions'))).toEqual(expect.arrayContaining(['createActorSystemModel.html', 'explore.html', 'defineCheck.html']));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 240_000);
});
