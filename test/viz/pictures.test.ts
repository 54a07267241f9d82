import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateTextPictures, PICTURES, withMermaidBlocks } from '../../src/cli/commands/vizPictures.ts';
import { decodePng, distinctColours } from './png.ts';

const PICTURES_DIR = resolve('docs/pictures');
const DOC = resolve('docs/viz.md');
const STALE = 'is stale: run `npm run docs:pictures` and commit docs/pictures and docs/viz.md';
const fresh = mkdtempSync(join(tmpdir(), 'splitvote-pictures-'));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

describe('docs/pictures', { timeout: 60_000 }, () => {
  test('every text picture is exactly what the current models and code generate', async () => {
    await generateTextPictures(fresh);
    for (const [file] of PICTURES) {
      const committed = join(PICTURES_DIR, file);
      expect(existsSync(committed), `docs/pictures/${file} is missing: run \`npm run docs:pictures\``).toBe(true);
      expect(readFileSync(committed, 'utf8') === readFileSync(join(fresh, file), 'utf8'), `docs/pictures/${file} ${STALE}`).toBe(true);
    }
  });

  test('docs/viz.md embeds the current Mermaid text and shows every picture', () => {
    const doc = readFileSync(DOC, 'utf8');
    expect(withMermaidBlocks(doc, PICTURES_DIR) === doc, `the Mermaid blocks of docs/viz.md are stale: run \`npm run docs:pictures\``).toBe(true);
    for (const [file] of PICTURES.filter(([f]) => f.endsWith('.svg'))) expect(doc).toContain(`](pictures/${file})`);
    for (const [file] of PICTURES.filter(([f]) => f.endsWith('.mmd'))) expect(doc).toContain(`<!-- picture: ${file} -->`);
    expect(doc).toContain('](pictures/viewer.png)');
  });

  test('the viewer screenshot exists and is not blank', () => {
    const image = decodePng(readFileSync(join(PICTURES_DIR, 'viewer.png')));
    expect([image.width, image.height]).toEqual([1400, 850]);
    expect(distinctColours(image)).toBeGreaterThan(100);
  });
});
