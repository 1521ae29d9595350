/**
 * The lab page (/lab) in a real browser (headless Chromium via playwright-core), served by Vite
 * from client/: the replica jobs run in the page's module Web Worker on WebAssembly, and the
 * numbers on the screen and in the downloaded CSV are exactly those of game/lab run here in Node
 * (same seed, same streams, bit for bit). Screenshot: test-results/screenshots/lab.png.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../game/engine/wasm/index';
import { criticalPlan, summariseCritical } from '../../game/lab/experiments';
import type { LabModelSpec } from '../../game/lab/model';
import { runReplica } from '../../game/lab/replica';
import { unwrap } from '../../game/engine/result';
import { launchChromium, serveClient } from '../browser';
import { SCENARIO_SUMMARY } from './fixtures';

const project = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = join(project, 'test-results', 'screenshots');
const WAIT = 30_000;

let server: { close(): Promise<void> } | undefined;
let browser: Browser;
let base: string;

/** What the page runs by default: fixed K = 2, N = 12, exp:1, 8 replicas of 2000 steps after 100, seed 1. */
const MODEL: LabModelSpec = { topology: { kind: 'fixed', n: 12, k: 2 }, noise: 'exp:1', spread: 0 };
const expected = summariseCritical(
  unwrap(criticalPlan(MODEL, { seed: '1', replicas: 8, steps: 2000, burnIn: 100 })).map((job) => runReplica(job)),
);

describe('the lab page in a browser', () => {
  beforeAll(async () => {
    const served = await serveClient();
    server = served;
    base = served.base;
    browser = await launchChromium();
    await mkdir(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(
    path: string,
    { width = 390, height = 900, motion = false } = {},
  ): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({
      viewport: { width, height },
      reducedMotion: motion ? 'no-preference' : 'reduce',
      acceptDownloads: true,
    });
    page.setDefaultTimeout(WAIT);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}${path}`);
    await page.getByRole('heading', { name: 'The lab', level: 1 }).waitFor();
    return { page, errors };
  }

  const noSideScroll = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

  /** The transition of the progress bar's fill (about 0 s when the user asks for reduced motion). */
  const barTransition = (page: Page) =>
    page
      .getByRole('progressbar', { name: 'Progress' })
      .evaluate((bar) => getComputedStyle(bar.firstElementChild!).transitionDuration);

  async function progressAtEnd(page: Page): Promise<void> {
    const bar = page.getByRole('progressbar', { name: 'Progress' });
    const max = Number(await bar.getAttribute('aria-valuemax'));
    expect(max).toBeGreaterThan(0);
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBe(max);
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/\(100%\)$/);
  }

  async function downloadText(page: Page, button: string): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  }

  it('measures a critical buffer in a Web Worker on WebAssembly, shows it with its error, and exports it as CSV and JSON', async () => {
    const { page, errors } = await open('/lab');
    await page.getByRole('button', { name: 'Measure the critical buffer' }).click();
    const value = page.getByText(/^B_c = \d+\.\d{3} ± \d+\.\d{3} h$/);
    await value.waitFor();
    expect(await value.textContent()).toBe(
      `B_c = ${expected.criticalBuffer.toFixed(3)} ± ${expected.standardError.toFixed(3)} h`,
    );
    await progressAtEnd(page);
    await page.getByText(/^Done in \d+\.\d s\.$/).waitFor();
    expect(parseFloat(await barTransition(page))).toBeLessThan(0.001);
    await page.getByText('Ran in a Web Worker on WebAssembly.').waitFor();
    // Fixed suppliers with K = 2: no theory value applies.
    await page.getByText(/No theory value applies here/).waitFor();

    const csv = await downloadText(page, 'Download CSV');
    expect(csv.name).toBe('lab-critical-fixed-k2-n12.csv');
    const [header, ...rows] = csv.text.trim().split(/\r\n/);
    expect(header).toBe('replica,critical_buffer_estimate');
    expect(rows.map((row) => row.split(',').map(Number))).toEqual(expected.replicaEstimates.map((v, i) => [i, v]));

    const json = JSON.parse((await downloadText(page, 'Download JSON')).text) as Record<string, unknown>;
    expect(json).toMatchObject({
      format: 'kanban-cascade-lab/1',
      experiment: 'critical',
      model: MODEL,
      backend: 'wasm',
      criticalBuffer: expected.criticalBuffer,
      standardError: expected.standardError,
    });
    expect(await noSideScroll(page)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('says next to each field what is wrong, and shows the trouble parser’s message', async () => {
    const { page, errors } = await open('/lab');
    await page.getByLabel('Workshops (N)').fill('1');
    await page.getByLabel(/^Trouble \(/).selectOption({ label: 'Type a trouble spec…' });
    await page.getByLabel('Trouble spec').fill('exp:0');
    await page.getByLabel('Replicas').fill('two');
    await page.getByRole('button', { name: 'Measure the critical buffer' }).click();
    await page.getByText('Workshops must be a whole number from 2 to 100000.').waitFor();
    await page.getByText(/noise "exp:0": exp needs a mean above 0/).waitFor();
    await page.getByText('Replicas must be a whole number from 1 to 1000.').waitFor();
    await page.getByText('The form has 3 problem(s); each is shown next to its field.').waitFor();
    expect(await page.getByLabel('Workshops (N)').getAttribute('aria-invalid')).toBe('true');
    // The first invalid field has the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('inputmode'))).toBe('numeric');
    expect(await page.getByRole('progressbar').count()).toBe(0);
    await page.getByLabel('Workshops (N)').fill('12');
    await page.getByLabel('Workshops (N)').press('Enter');
    await page.getByText(/noise "exp:0"/).waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('sweeps the growth rate with B_c marked, then finds avalanches at 10% above the measured B_c on log-log axes', async () => {
    const { page, errors } = await open('/lab', { width: 1280, height: 860 });
    await page.getByRole('button', { name: 'Measure the critical buffer' }).click();
    await page.getByText(/^B_c = /).waitFor();

    await page.getByRole('radio', { name: /Growth rate sweep/ }).check();
    await page.getByText(/A blank field is chosen from the trouble: 0 to/).waitFor();
    await page.getByRole('button', { name: 'Run the sweep' }).click();
    const chart = page.getByRole('img', {
      name: /^Growth rate for bins from 0 to \d+(\.\d+)? h; it reaches 0 at about \d\.\d\d h\.$/,
    });
    await chart.waitFor();
    await progressAtEnd(page);
    expect(await chart.locator('[data-testid="critical-mark"]').count()).toBe(1);
    const mark = await chart.locator('[data-testid="critical-mark"] text').textContent();
    const fromSweep = Number(mark!.replace('B_c ≈ ', ''));
    expect(Math.abs(fromSweep - expected.criticalBuffer)).toBeLessThan(0.15);
    expect(await chart.locator('circle').count()).toBeGreaterThanOrEqual(8);
    // The screenshot: the run's progress and the chart (docs/screenshots/lab.png is a copy).
    await page.getByRole('button', { name: 'Run the sweep' }).evaluate((b) => b.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SHOTS, 'lab.png'), animations: 'disabled' });
    const csv = (await downloadText(page, 'Download CSV')).text.trim().split(/\r\n/);
    expect(csv[0]).toBe('buffer,growth_rate,growth_rate_error,breach_rate,mean_delay');
    expect(csv.length - 1).toBe(await chart.locator('circle').count());

    await page.getByRole('radio', { name: /Avalanches/ }).check();
    const bin = Number((1.1 * expected.criticalBuffer).toFixed(3));
    await page
      .getByText(`Blank: ${bin} h, 10% above the critical buffer measured for this network and trouble.`)
      .waitFor();
    await page.getByRole('button', { name: 'Find the avalanches' }).click();
    await page.getByRole('heading', { name: `Avalanches at bin ${bin} h` }).waitFor();
    await progressAtEnd(page);
    const logCharts = page.locator('svg[data-axes="log-log"]');
    expect(await logCharts.count()).toBe(2);
    for (const name of [/^Durations \(steps\): \d+ bins from 1 to/, /^Sizes \(hours above the bin/]) {
      const svg = page.getByRole('img', { name });
      await svg.waitFor();
      // Log axes: tick labels are powers of ten (or 2 and 5 multiples within one decade).
      const ticks = (await svg.locator('text').allTextContents()).filter((s) => /^[\d.⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+$/.test(s));
      expect(ticks.length).toBeGreaterThanOrEqual(5);
      expect(ticks.every((s) => /^(10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+|[125](0*|\.0*[125]?)|0\.0*[125])$/.test(s))).toBe(true);
    }
    await page.getByRole('heading', { name: `Avalanches at bin ${bin} h` }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'lab-avalanches.png'), fullPage: true, animations: 'disabled' });
    const avalanches = (await downloadText(page, 'Download CSV')).text.trim().split(/\r\n/);
    expect(avalanches[0]).toBe('replica,start,duration,size');
    const facts = await page.getByText(/avalanches \(\d+ still running at the end\)/).textContent();
    expect(Number(facts!.match(/^([\d,]+) avalanches/)![1]!.replace(/,/g, ''))).toBe(avalanches.length - 1);
    expect(errors).toEqual([]);
  });

  it('cancels a long run from the keyboard and keeps nothing of it', async () => {
    const { page, errors } = await open('/lab', { motion: true });
    await page.getByLabel('Workshops (N)').fill('2000');
    await page.getByLabel('Steps per replica').fill('1000000');
    await page.getByRole('button', { name: 'Measure the critical buffer' }).click();
    await page.getByText('Running 8 replica runs…').waitFor();
    const bar = page.getByRole('progressbar', { name: 'Progress' });
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: WAIT })
      .toBeGreaterThan(0);
    // Without a reduced-motion preference the bar glides.
    expect(await barTransition(page)).toBe('0.2s');
    await page.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Cancelled. This run’s results were not kept.').waitFor();
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(
      Number(await bar.getAttribute('aria-valuemax')),
    );
    expect(await page.getByText(/^B_c = /).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Measure the critical buffer' }).isEnabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('preselects a scenario’s network and dice from ?scenario=, linked from the new-session form', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 900 }, reducedMotion: 'reduce' });
    page.setDefaultTimeout(WAIT);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/api/scenarios', (r) =>
      r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify([SCENARIO_SUMMARY]) }),
    );
    await page.goto(`${base}/new`);
    await page.getByRole('link', { name: 'Measure this scenario in the lab' }).click();
    await page.waitForURL(/\/lab\?scenario=two-inputs$/);
    expect(await page.getByRole('radio', { name: 'A scenario’s network' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Scenario', { exact: true }).inputValue()).toBe('two-inputs');
    expect(await page.getByLabel(/^Trouble \(/).inputValue()).toBe('faces:0,0,0,1,1,2!');
    await page.getByText(/12 workshops\. Its file gives a critical bin of 1\.852 ± 0\.006 h/).waitFor();
    await page.getByRole('button', { name: 'Measure the critical buffer' }).click();
    await page.getByText(/^B_c = /).waitFor();
    await page.getByText('The scenario file says 1.852 ± 0.006 h.').waitFor();
    await page.getByText(/the network of “Two inputs” \(N = 12/).waitFor();
    expect(await noSideScroll(page)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'lab-phone.png'), fullPage: true, animations: 'disabled' });
    expect(errors).toEqual([]);
  });
});
