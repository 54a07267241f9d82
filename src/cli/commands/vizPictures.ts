import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { main } from '../main.ts';
import { PACKAGE_ROOT, processIo, type Io } from '../io.ts';

/** Where Debian's `chromium` package puts the browser (playwright-core downloads none). */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless Chromium through playwright-core, offline: no sandbox (containers), no GPU, no background traffic. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * The pictures of docs/viz.md, each made by one `splitvote` command on the real catalog:
 * `[file in docs/pictures, command arguments]`. `{dir}` is the output folder. The failover
 * counterexample comes first: the trace pictures read the replay file it saves.
 */
export const PICTURES: readonly (readonly [string, string])[] = [
  ['failover-s4.json', 'check valkey-failover --preset stale-nack --variant nack-3833 --quiet --save-trace {dir}/failover-s4.json'],
  ['failover-voter.svg', 'viz statechart valkey-failover --machine node:voter --state voter -o {dir}/failover-voter.svg'],
  ['failover-voter.mmd', 'viz statechart valkey-failover --machine node:voter --state voter -o {dir}/failover-voter.mmd'],
  ['failover-candidate.svg', 'viz statechart valkey-failover --machine node:candidate --state candidate -o {dir}/failover-candidate.svg'],
  ['failover-candidate.mmd', 'viz statechart valkey-failover --machine node:candidate --state candidate -o {dir}/failover-candidate.mmd'],
  ['failover-coverage.svg', 'viz statechart valkey-failover --preset stale-nack --variant nack-3833 --machine node:candidate --coverage -o {dir}/failover-coverage.svg'],
  ['failover-s4-sequence.mmd', 'viz trace {dir}/failover-s4.json -o {dir}/failover-s4-sequence.mmd'],
  ['failover-s4-sequence.svg', 'viz trace {dir}/failover-s4.json -o {dir}/failover-s4-sequence.svg'],
  ['two-phase-commit.svg', 'viz statechart two-phase-commit -o {dir}/two-phase-commit.svg'],
  ['two-phase-commit.mmd', 'viz statechart two-phase-commit -o {dir}/two-phase-commit.mmd'],
  ['two-phase-commit-graph.svg', 'viz graph two-phase-commit --preset rm2 -o {dir}/two-phase-commit-graph.svg'],
];

/** The viewer page the screenshot shows, and the state clicked in it. */
const VIEWER = { args: 'viz graph valkey-failover --preset stale-nack --variant nack-3833 -o {dir}/viewer.html', click: 5 } as const;

// Split before substituting, so a folder with spaces stays one argument.
function argv(args: string, dir: string): string[] {
  return args.split(' ').map((arg) => arg.replaceAll('{dir}', dir));
}

const QUIET: Io = { out: () => {}, err: (text) => void process.stderr.write(text), env: {}, cwd: PACKAGE_ROOT, progressStream: undefined };

/**
 * Writes every text picture of {@link PICTURES} into `dir` by running its command
 * in-process on the package's own catalog. Throws when a command fails (exit code 2), so a
 * broken picture never goes unnoticed; the check's exit code 1 (a violated property) is expected.
 */
export async function generateTextPictures(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const [file, args] of PICTURES) {
    const code = await main(argv(args, dir), QUIET);
    if (code === 2 || !existsSync(join(dir, file))) throw new Error(`splitvote ${args} failed (exit code ${code})`);
  }
}

/**
 * Writes `viewer.png` into `dir`: the state-graph viewer of the failover counterexample in
 * headless Chromium, 1400x850, with one state clicked so its fields show. Needs
 * {@link CHROMIUM}. The viewer page itself is written to a scratch file and removed.
 */
export async function generateScreenshot(dir: string): Promise<void> {
  const scratch = join(dir, '.viewer-scratch');
  mkdirSync(scratch, { recursive: true });
  try {
    const code = await main(argv(VIEWER.args, scratch), QUIET);
    if (code !== 0) throw new Error(`splitvote ${VIEWER.args} failed (exit code ${code})`);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
      await page.goto(pathToFileURL(join(scratch, 'viewer.html')).href);
      await page.waitForSelector('body[data-ready=true]');
      const at = await page.evaluate((id) => (window as unknown as { splitvoteViewer: { pagePosition(id: string): { x: number; y: number } } }).splitvoteViewer.pagePosition(id), String(VIEWER.click));
      await page.mouse.click(at.x, at.y);
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(dir, 'viewer.png') });
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const BLOCK = /<!-- picture: (\S+\.mmd) -->\n```mermaid\n[\s\S]*?```/g;

/** docs/viz.md with every `<!-- picture: X.mmd -->` Mermaid block replaced by the text of `dir/X.mmd`. Pure apart from reading. */
export function withMermaidBlocks(markdown: string, dir: string): string {
  return markdown.replace(BLOCK, (_whole, file: string) => `<!-- picture: ${file} -->\n\`\`\`mermaid\n${readFileSync(join(dir, file), 'utf8')}\`\`\``);
}

// `npm run docs:pictures`: regenerate docs/pictures/* and the Mermaid blocks of docs/viz.md.
async function run(): Promise<void> {
  const dir = resolve(PACKAGE_ROOT, 'docs/pictures');
  await generateTextPictures(dir);
  if (existsSync(CHROMIUM)) await generateScreenshot(dir);
  else processIo().err(`warning: ${CHROMIUM} is absent, so docs/pictures/viewer.png was not regenerated (apt-get install chromium)\n`);
  const doc = resolve(PACKAGE_ROOT, 'docs/viz.md');
  writeFileSync(doc, withMermaidBlocks(readFileSync(doc, 'utf8'), dir));
  processIo().out(`Regenerated ${PICTURES.length} pictures in docs/pictures and the Mermaid blocks of docs/viz.md.\n`);
}

const script = process.argv[1];
if (script !== undefined && existsSync(script) && import.meta.url === pathToFileURL(realpathSync(script)).href) await run();
