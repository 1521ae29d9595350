/**
 * The player board in a real browser (headless Chromium through playwright-core), on the
 * development harness: a boardgame.io Local() match served by Vite. Driven as a player would:
 * typing, the keyboard, the commit button; the facilitator's controls close rounds.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveClient } from '../../browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('./harness', import.meta.url));

let server: { close(): Promise<void> } | undefined;
let browser: Browser;
let base: string;

describe('the player board in a browser', () => {
  beforeAll(async () => {
    const served = await serveClient(root);
    server = served;
    base = served.base + '/';
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(query = '', reducedMotion: 'reduce' | 'no-preference' = 'no-preference'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, reducedMotion });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}?${query}`);
    await page.getByRole('heading', { name: /My decision for round 1/ }).waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    return page;
  }

  const closeRound = async (page: Page, round: number) => {
    await page.getByRole('button', { name: 'Close round' }).click();
    await page.getByRole('heading', { name: `My decision for round ${round}` }).waitFor();
  };

  it('[D1] explains a refused bin next to the field and does not send it', async () => {
    const page = await open();
    const bin = page.getByLabel('Bin for input 1', { exact: false });
    await bin.fill('abc');
    await expect.poll(() => bin.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await bin.getAttribute('aria-describedby'))!.split(' ');
    await expect.poll(() => page.locator(`#${describedBy[0]}`).textContent()).toContain('Enter a number of hours');
    expect(await page.getByText('Fix the bins above to see the rent.').count()).toBe(1);
    await bin.fill('11');
    await expect.poll(() => page.locator(`#${describedBy[0]}`).textContent()).toContain('at most 10 hours');
    const commit = page.getByRole('button', { name: /Commit my decision for round 1/ });
    expect(await commit.getAttribute('aria-disabled')).toBe('true');
    // A mouse click on the refused commit (aria-disabled keeps it focusable) sends nothing.
    await commit.click({ force: true });
    await page.waitForTimeout(300);
    expect(await page.getByRole('button', { name: 'Committed' }).count()).toBe(0);
    await page.close();
  });

  it('[D6][R1] a keyboard player steps a bin, commits once, sees it confirmed, and the bin takes effect next round', async () => {
    const page = await open();
    const bin = page.getByLabel('Bin for input 1', { exact: false });
    await bin.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => bin.inputValue()).toBe('2.75');
    expect(await page.getByText('Rent: 5.3 coins per round').count()).toBe(1);
    await bin.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Committed' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Your decision for round 1 is in' }).count()).toBe(1);
    expect(await page.getByText('Waiting for 2 other players.').count()).toBe(1);
    // Committed: nothing can be sent again this round.
    expect(await page.getByRole('button', { name: 'Committed' }).getAttribute('aria-disabled')).toBe('true');
    expect(await bin.isDisabled()).toBe(true);
    await closeRound(page, 2);
    // R1: the committed bin is the bin in effect now; round 1 ran on the starting bins, with my
    // decision (not the autopilot's).
    expect(await page.getByText('bin in effect: 2.75 h').count()).toBe(1);
    await expect
      .poll(() => page.locator('[aria-live="polite"]').first().textContent())
      .toBe('Round 2 of 30 has started.');
    const row = page.locator('tbody tr').last();
    expect(await row.textContent()).toMatch(/^1.*2\.5 \/ 2\.5/);
    expect(await row.textContent()).not.toContain('auto');
    // The new round's form is fresh and open again.
    expect(
      await page.getByRole('button', { name: /Commit my decision for round 2/ }).getAttribute('aria-disabled'),
    ).toBe('false');
    await page.close();
  });

  it('[R7] lights the andon in words after a line stop; without animation when reduced motion is asked for', async () => {
    for (const motion of ['reduce', 'no-preference'] as const) {
      const page = await open('', motion);
      let round = 1;
      for (const field of await page.getByLabel(/Bin for input/).all()) await field.fill('0');
      await page.getByRole('button', { name: /Commit my decision/ }).click();
      await page.getByRole('button', { name: 'Committed' }).waitFor();
      while (round < 12 && (await page.getByText('Andon: line stop last round').count()) === 0) {
        round += 1;
        await closeRound(page, round);
      }
      expect(await page.getByText('Andon: line stop last round').count()).toBe(1);
      const light = page.locator('span.motion-safe\\:animate-pulse');
      const animation = await light.evaluate((el) => getComputedStyle(el).animationName);
      expect(animation).toBe(motion === 'reduce' ? 'none' : 'pulse');
      await page.close();
    }
  });

  it('renders at phone and desktop widths without horizontal scrolling, with a history', async () => {
    const page = await open();
    for (const round of [2, 3, 4]) await closeRound(page, round);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `width ${width}`).toBeLessThanOrEqual(0);
    }
    await page.close();
  });
});
