import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { checkExecutableDoc } from '../helpers/executableDocs.ts';

/**
 * docs/guide.md shows only real things: the output of its `splitvote` commands (checked by
 * checkExecutableDoc), the code it quotes (`<!-- include FILE#REGION -->` blocks equal the
 * `// #region REGION` of FILE; `<!-- excerpt FILE -->` blocks appear in FILE), the statechart
 * picture it embeds, and files and npm scripts that exist. With UPDATE_DOCS=1 (`npm run docs`)
 * the region quotes and the picture are rewritten.
 */

const GUIDE = 'docs/guide.md';
const PICTURE = 'docs/pictures/raft-election-server.svg';
const UPDATE = process.env.UPDATE_DOCS === '1';
const INCLUDE = /<!-- include ([\w./-]+)#([\w-]+) -->\n```(\w+)\n([\s\S]*?)```/g;
const EXCERPT = /<!-- excerpt ([\w./-]+) -->\n```\w+\n([\s\S]*?)```/g;

/** The lines between `// #region name` and `// #endregion name` of a file, markers excluded. */
function region(file: string, name: string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === `// #region ${name}`);
  const end = lines.findIndex((l, i) => i > start && l.trim() === `// #endregion ${name}`);
  if (start < 0 || end < 0) throw new Error(`${file} has no region "${name}"`);
  return lines.slice(start + 1, end).join('\n') + '\n';
}

describe('docs/guide.md', () => {
  test('shows the current output of every command it runs', async () => {
    expect(await checkExecutableDoc(GUIDE)).toBeGreaterThanOrEqual(5);
  }, 300_000);

  test('quotes the code of models/raft-election and checks/ exactly as it is', () => {
    const text = readFileSync(GUIDE, 'utf8');
    const quotes = [...text.matchAll(INCLUDE)];
    expect(quotes.length).toBeGreaterThanOrEqual(6);
    let updated = text;
    for (const [whole, file, name, lang, body] of quotes) {
      const code = region(file, name);
      if (UPDATE) updated = updated.replace(whole, `<!-- include ${file}#${name} -->\n\`\`\`${lang}\n${code}\`\`\``);
      else expect(body, `${GUIDE}: the quote of ${file}#${name} is stale; run npm run docs`).toBe(code);
    }
    if (UPDATE) writeFileSync(GUIDE, updated);
    // Shorter quotes (`<!-- excerpt FILE -->`) must appear in the file word for word.
    const excerpts = [...text.matchAll(EXCERPT)];
    expect(excerpts.length).toBeGreaterThan(0);
    for (const [, file, body] of excerpts) expect(readFileSync(file, 'utf8'), `${GUIDE}: excerpt of ${file}`).toContain(body);
  });

  test('embeds the statechart that `splitvote viz statechart raft-election` draws now', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splitvote-guide-'));
    try {
      const file = join(dir, 'server.svg');
      const io = { out: () => {}, err: () => {}, env: {}, cwd: dir, progressStream: undefined };
      expect(await main(['viz', 'statechart', 'raft-election', '-o', file], io)).toBe(0);
      const fresh = readFileSync(file, 'utf8');
      if (UPDATE) writeFileSync(resolve(PICTURE), fresh);
      else expect(readFileSync(PICTURE, 'utf8') === fresh, `${PICTURE} is stale; run npm run docs`).toBe(true);
      expect(readFileSync(GUIDE, 'utf8')).toContain('](pictures/raft-election-server.svg)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('names only files that exist and npm scripts that package.json has', () => {
    const text = readFileSync(GUIDE, 'utf8');
    const scripts = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>);
    const named = [...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((s) => !scripts.includes(s))).toEqual([]);
    const paths = [...text.matchAll(/`((?:models|checks|test|docs|src)\/[\w./-]+)`/g)].map((m) => m[1]);
    expect(paths.length).toBeGreaterThan(5);
    expect(paths.filter((p) => !existsSync(p))).toEqual([]);
  });
});
