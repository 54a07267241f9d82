import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { explore, findModel } from '../../src/index.ts';
import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';
import { CHROMIUM, launchChromium } from '../../src/cli/commands/vizPictures.ts';
import { catalog } from '../../models/index.ts';
import { decodePng, distinctColours } from './png.ts';

// Runs wherever Chromium is installed; skipped (with this reason in its name) only when it
// is absent on a developer's machine. In CI (CI set) it always runs: a missing browser fails.
const skip = !existsSync(CHROMIUM) && process.env.CI === undefined;
if (skip) console.warn(`test/viz/browser.test.ts skipped: ${CHROMIUM} is absent (apt-get install chromium); with CI set it runs and fails instead`);
const title = skip ? `viewer in headless Chromium (SKIPPED: ${CHROMIUM} is absent; apt-get install chromium, or set CI=1 to fail instead)` : 'viewer in headless Chromium';

let dir = '';
const quiet = (): Io => ({ out: () => {}, err: () => {}, env: {}, cwd: dir, progressStream: undefined });

interface Opened {
  page: Page;
  errors: string[];
}

describe.skipIf(skip)(title, { timeout: 60_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'splitvote-browser-'));
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(file: string, ready = true): Promise<Opened> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(dir, file)).href);
    if (ready) await page.waitForSelector('body[data-ready=true]', { timeout: 20_000 });
    return { page, errors };
  }

  const failover = { preset: 'stale-nack', variants: ['nack-3833'] };
  const expected = explore(findModel(catalog, 'valkey-failover').create(failover));
  const counterexample = expected.properties.find((p) => p.status === 'violated')!;

  test('the failover counterexample viewer draws every explored state and transition, without console errors', async () => {
    expect(await main(['viz', 'graph', 'valkey-failover', '--preset', failover.preset, '--variant', failover.variants[0], '-o', 'failover.html'], quiet())).toBe(0);
    const { page, errors } = await open('failover.html');
    const counts = page.locator('#counts');
    expect(await counts.getAttribute('data-nodes')).toBe(String(expected.stats.states));
    expect(await counts.getAttribute('data-edges')).toBe(String(expected.stats.transitions));
    expect(await counts.textContent()).toBe(`${expected.stats.states} states · ${expected.stats.transitions} transitions`);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the counterexample is highlighted: its steps listed, its states drawn in the trace colour', async () => {
    const { page } = await open('failover.html');
    expect(await page.locator('#trace li').count()).toBe(counterexample.trace!.steps.length);
    expect(await page.locator('#trace h3').textContent()).toBe(`Counterexample to "${counterexample.name}"`);
    expect(Number(await page.locator('#counts').getAttribute('data-highlighted'))).toBe(new Set(counterexample.trace!.steps.map((s) => JSON.stringify(s.state))).size);
    const image = decodePng(await page.locator('#graph').screenshot());
    let orange = 0;
    for (let i = 0; i < image.pixels.length; i += image.channels) {
      if (Math.abs(image.pixels[i] - 0xf2) < 12 && Math.abs(image.pixels[i + 1] - 0x8e) < 12 && Math.abs(image.pixels[i + 2] - 0x2b) < 12) orange++;
    }
    expect(orange).toBeGreaterThan(200);
    await page.close();
  });

  test('clicking a state shows its fields in the side panel', async () => {
    const { page, errors } = await open('failover.html');
    const at = await page.evaluate(() => (window as unknown as { splitvoteViewer: { pagePosition(id: string): { x: number; y: number } } }).splitvoteViewer.pagePosition('5'));
    await page.mouse.click(at.x, at.y);
    await page.waitForSelector('#fields');
    expect(await page.locator('#details h3').textContent()).toMatch(/^State #5/);
    const rows = await page.locator('#fields tr').allTextContents();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.some((r) => r.startsWith('R3.'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('searching by field value selects the matching states', async () => {
    expect(await main(['viz', 'graph', 'two-phase-commit', '--preset', 'rm2', '-o', 'tpc.html'], quiet())).toBe(0);
    const { page, errors } = await open('tpc.html');
    await page.fill('#search', 'TM.state=committed');
    await page.press('#search', 'Enter');
    expect(await page.locator('#search-result').textContent()).toMatch(/^\d+ states? match$/);
    expect(await page.locator('#fields').textContent()).toContain('committed');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('above the render limit the page shows a notice and offers the neighbourhood of the trace', async () => {
    expect(await main(['viz', 'graph', 'two-phase-commit', '--render-limit', '100', '-o', 'big.html'], quiet())).toBe(0);
    const { page, errors } = await open('big.html', false);
    await expect.poll(() => page.locator('#notice').isVisible()).toBe(true);
    expect(await page.locator('#notice-text').textContent()).toContain('575 states');
    await page.fill('#notice-radius', '1');
    await page.click('#notice-around');
    await page.waitForSelector('body[data-ready=true]');
    const shown = Number(await page.locator('#counts').getAttribute('data-nodes'));
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(575);
    expect(await page.locator('#counts').textContent()).toContain('of 575 explored');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a screenshot of the viewer is not blank', async () => {
    const { page } = await open('failover.html');
    const image = decodePng(await page.screenshot());
    expect([image.width, image.height]).toEqual([1400, 850]);
    expect(distinctColours(image)).toBeGreaterThan(100);
    await page.close();
  });
});
