/**
 * The lobby and the facilitator view in a real browser (headless Chromium via playwright-core),
 * served by Vite from client/. The facilitator view runs on the dev-only Local() match
 * (/dev/facilitator); the lobby talks to a session API answered by the test (docs/API.md shapes).
 */
import type { Browser, Page, Route } from 'playwright-core';
import { launchChromium, serveClient } from '../browser';
import { SCENARIO_SUMMARY } from './fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let server: { close(): Promise<void> } | undefined;
let browser: Browser;
let base: string;

const json = (route: Route, status: number, body: unknown) =>
  route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

describe('the lobby and the facilitator view in a browser', () => {
  beforeAll(async () => {
    const served = await serveClient();
    server = served;
    base = served.base;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, width = 390): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 844 }, reducedMotion: 'reduce' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/api/scenarios', (r) => json(r, 200, [SCENARIO_SUMMARY]));
    await page.route('**/api/sessions', (r) =>
      json(r, 201, { code: 'K7MPQ2', matchID: 'm1', seat: '0', credentials: 'c0', joinUrl: '', facilitatorUrl: '' }),
    );
    await page.route('**/api/sessions/K7MPQ2', (r) =>
      json(r, 200, {
        code: 'K7MPQ2',
        matchID: 'm1',
        scenario: { id: 'two-inputs', title: 'Two inputs', learningGoal: 'Below a critical bin size…' },
        workshops: 12,
        rounds: 30,
        roundSeconds: 60,
        players: [],
      }),
    );
    await page.route('**/api/sessions/K7MPQ2/join', (r) =>
      json(r, 409, { error: 'every workshop of this session is taken' }),
    );
    await page.route('**/api/sessions/NOPE22', (r) => json(r, 404, { error: 'no session with code NOPE22' }));
    await page.route('**/api/sessions/*/qr.svg', (r) =>
      r.fulfill({ status: 200, contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg"/>' }),
    );
    await page.goto(`${base}${path}`);
    return { page, errors };
  }

  const noSideScroll = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

  it('creates a session: checks the form, shows the code, link and QR code, and keeps the facilitator seat', async () => {
    const { page, errors } = await open('/new');
    await page.getByRole('radio', { name: /Two inputs/ }).waitFor();
    await page.getByLabel('Players').fill('40');
    await page.getByRole('button', { name: 'Create the session' }).click();
    await expect.poll(() => page.getByLabel('Players').getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Players must be a whole number from 1 to 12.').waitFor();
    await page.getByLabel('Players').fill('3');
    await page.getByRole('button', { name: 'Create the session' }).click();
    await page.getByRole('heading', { name: 'Your session is ready' }).waitFor();
    expect(await page.getByLabel('K 7 M P Q 2').count()).toBe(1);
    expect(await page.getByRole('img', { name: /QR code/ }).getAttribute('src')).toBe('/api/sessions/K7MPQ2/qr.svg');
    await page.getByText(`${base}/join/K7MPQ2`).waitFor();
    const stored = await page.evaluate(() => localStorage.getItem('kc:seat:K7MPQ2'));
    expect(JSON.parse(stored!)).toMatchObject({ matchID: 'm1', seat: '0', credentials: 'c0' });
    expect(await page.getByRole('link', { name: 'Open the facilitator view' }).getAttribute('href')).toBe(
      '/facilitate/K7MPQ2',
    );
    expect(await noSideScroll(page)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('joins by code from the home page and shows the server’s refusal next to the name field', async () => {
    const { page, errors } = await open('/');
    await page.getByLabel('Join code').fill('k7m pq2');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/join\/K7MPQ2$/);
    await page.getByText('Below a critical bin size…').waitFor();
    await page.getByLabel('Your name').fill('Ada');
    await page.keyboard.press('Enter');
    await page.getByText('every workshop of this session is taken').waitFor();
    expect(await page.getByLabel('Your name').getAttribute('aria-invalid')).toBe('true');
    expect(errors).toEqual([]);
  });

  it('says so when a code names no session', async () => {
    const { page } = await open('/join/NOPE22');
    await page.getByText(/There is no session with this code/).waitFor();
  });

  it('[F1][F3] runs rounds and a shock from the facilitator view, checked with canShock first', async () => {
    const { page, errors } = await open('/dev/facilitator?humans=2', 1280);
    await page.getByRole('button', { name: 'Start the game' }).click();
    for (let r = 1; r <= 3; r++) await page.getByRole('button', { name: `Close round ${r} now` }).click();
    await page.getByRole('button', { name: 'Close round 4 now' }).waitFor();
    await expect.poll(() => page.getByText('Round 4 of 30 has begun.').count()).toBe(1);
    await page.getByRole('img', { name: /Map of 12 workshops/ }).waitFor();
    expect(await page.locator('table').first().locator('tbody tr').count()).toBe(12);

    await page.getByLabel('Hours of delay').fill('0');
    await page.getByText(/Not possible: delay hours/).waitFor();
    const send = page.getByRole('button', { name: /Send the shock/ });
    expect(await send.getAttribute('aria-disabled')).toBe('true');
    await send.click({ force: true });
    await page.waitForTimeout(300);
    expect(await page.getByText('Waiting for the end of the round').count()).toBe(0);

    await page.getByLabel('Hours of delay').fill('5');
    await page.getByText(/Can reach \d+ of 12 workshops within 3 rounds/).waitFor();
    await send.click();
    await page.getByText('Waiting for the end of the round').waitFor();
    await page.getByText('Workshop 1 is delayed by 5 h').waitFor();
    expect(await noSideScroll(page)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('fits a phone and pauses the clock from the keyboard', async () => {
    const { page, errors } = await open('/dev/facilitator?humans=2');
    await page.getByRole('button', { name: 'Start the game' }).click();
    await page.getByRole('button', { name: 'Pause the clock' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Resume the clock' }).waitFor();
    await expect.poll(() => page.getByText('Round 1 of 30 is paused.').count()).toBe(1);
    expect(await noSideScroll(page)).toBe(true);
    expect(errors).toEqual([]);
  });
});
