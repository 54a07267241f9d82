import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { campaignSummary } from '../../real/summary.ts';

/**
 * docs/real-system.md shows real output in blocks marked `<!-- real NAME -->`: the harness's
 * --help, rows of the committed fixture runs, the summary of the committed campaign CSV.
 * This test checks them; with UPDATE_DOCS=1 (npm run docs) it rewrites them.
 */
const DOC = 'docs/real-system.md';

function blocks(): Record<string, string> {
  const fixtureCsv = readFileSync('test/fixtures/real/runs.csv', 'utf8').trim().split('\n');
  return {
    '--help': execFileSync(process.execPath, ['--import', 'tsx', 'real/cli.ts', '--help'], { encoding: 'utf8' }),
    'fixture rows': `${[fixtureCsv[0], ...fixtureCsv.filter((l) => l.startsWith('p7-k3-t1000-d50-001,'))].join('\n')}\n`,
    'campaign summary': campaignSummary(readFileSync('docs/results/real-clusters.csv', 'utf8')),
  };
}

describe('docs/real-system.md', () => {
  test('shows the current harness help, fixture rows and campaign summary', () => {
    let text = readFileSync(DOC, 'utf8');
    for (const [name, body] of Object.entries(blocks())) {
      const re = new RegExp(`(<!-- real ${name.replace(/[-]/g, '\\-')} -->\\n\`\`\`text\\n)([\\s\\S]*?)(\`\`\`)`);
      const m = re.exec(text);
      expect(m, `${DOC} has no block <!-- real ${name} -->`).not.toBeNull();
      if (process.env.UPDATE_DOCS === '1') text = text.replace(re, (_, open, _old, close) => `${open}${body}${close}`);
      else expect(m![2], `${DOC}: block "${name}" is stale; run npm run docs`).toBe(body);
    }
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, text);
  });
});
