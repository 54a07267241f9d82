import { describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { prepareFailoverValidation } from '../../models/valkey-failover/observe/prepare.ts';
import { VARIANTS } from '../../models/valkey-failover/variants.ts';
import { validateTrace } from '../../src/trace/search.ts';
import { readRun } from '../real/helpers.ts';
import { checkExecutableDoc } from '../helpers/executableDocs.ts';

/**
 * docs/real-system.md, section "Trace validation": the verdict of the #3833 seed logs under
 * every variant, computed here (blocks marked `<!-- validate NAME -->`); with UPDATE_DOCS=1
 * (npm run docs) the blocks are rewritten, else they must match.
 */
const DOC = 'docs/real-system.md';
/** The search bound of the seed table (pairs of model state and log position), printed with it. */
export const SEED_MAX_STATES = 20_000;

function seedVerdicts(): string {
  const run = readRun('test/fixtures/seed-3833');
  // One column for the names, as wide as the longest (a fixed width broke on a long variant name).
  const width = Math.max(...VARIANTS.map(({ name }) => name.length)) + 1;
  const rows = VARIANTS.map(({ name }) => {
    const prepared = prepareFailoverValidation({ topology: run.topology, meta: run.meta, logs: [...run.logs.values()], variants: [name] });
    const total = prepared.perNode.reduce((n, l) => n + l.length, 0);
    const v = validateTrace(prepared.adapter, prepared.perNode, { maxStates: SEED_MAX_STATES });
    if (v.status === 'accepted') return `${name.padEnd(width)} accepted: all ${total} observations explained`;
    if (v.status === 'unknown') return `${name.padEnd(width)} unknown: ${v.reason}; ${v.matched} of ${total} observations matched at best`;
    const at = `${v.at.source.file.split('/').pop()}:${v.at.source.line}`;
    return `${name.padEnd(width)} rejected at ${at} (${v.matched.length} of ${total} matched): ${prepared.adapter.nodes[v.at.node]} ${prepared.adapter.describe(v.at)}`;
  });
  return `${rows.join('\n')}\n`;
}

describe('docs/real-system.md, trace validation', () => {
  test('shows the seed logs\' verdict under every variant', () => {
    let text = readFileSync(DOC, 'utf8');
    const blocks: Record<string, string> = { 'seed verdicts': seedVerdicts() };
    for (const [name, body] of Object.entries(blocks)) {
      const re = new RegExp(`(<!-- validate ${name} -->\\n\`\`\`text\\n)([\\s\\S]*?)(\`\`\`)`);
      const m = re.exec(text);
      expect(m, `${DOC} has no block <!-- validate ${name} -->`).not.toBeNull();
      if (process.env.UPDATE_DOCS === '1') text = text.replace(re, (_, open, _old, close) => `${open}${body}${close}`);
      else expect(m![2], `${DOC}: block "${name}" is stale; run npm run docs`).toBe(body);
    }
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, text);
  });

  test('shows the current output and exit code of its validate command', async () => {
    expect(await checkExecutableDoc(DOC)).toBeGreaterThanOrEqual(1);
  });
});
