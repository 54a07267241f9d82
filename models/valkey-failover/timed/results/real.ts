/**
 * `npm run results:real [-- --csv FILE]`: regenerates docs/results/real-clusters.md, real
 * Redis clusters beside `simulate --timed` on the same configuration (issue 11 item 4, issue
 * 12 item 6), from the committed campaign docs/results/real-clusters.csv (or FILE).
 * Deterministic: fixed seeds, no clocks in the output. Written to a temporary file and
 * renamed, so a reader never sees half a report.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputsHash } from './inputs.ts';
import { parseRealCsv } from './realCsv.ts';
import { realMarkdown } from './realMarkdown.ts';
import { compare, csvHash } from './realReport.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const args = process.argv.slice(2);
const csvAt = args.indexOf('--csv');
const csvFile = csvAt >= 0 ? resolve(process.cwd(), args[csvAt + 1] ?? '') : `${root}docs/results/real-clusters.csv`;
const started = performance.now();
const log = (what: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${what}\n`);

let text: string;
try {
  text = readFileSync(csvFile, 'utf8');
} catch (error) {
  process.stderr.write(`results:real: cannot read the campaign CSV ${csvFile} (${(error as Error).message}); give another with --csv FILE\n`);
  process.exit(2);
}
const source = relative(root, csvFile);
const runs = parseRealCsv(text, source);
const comparisons = compare(runs, log);
const reasons = readFileSync(`${root}docs/results/real-clusters-reasons.md`, 'utf8');
const markdown = realMarkdown({ comparisons, source, codeHash: inputsHash(root), csvHash: csvHash(text, reasons), runs: runs.length, reasons });

const out = `${root}docs/results/real-clusters.md`;
const temp = `${out}.${process.pid}.tmp`;
writeFileSync(temp, markdown);
renameSync(temp, out);
log(`wrote docs/results/real-clusters.md from ${source}`);
