/**
 * End to end (issue 5): the debrief of a finished session in Debian's chromium against the real
 * server (port 0, its own data folder; the client built once with Vite). A session of two-inputs
 * with one player and lean bots (bins far below the critical bin, so lateness cascades) is played
 * to the end, the facilitator closing every round through the server's steward; then, as the player:
 *   1. before the end the player's debrief is refused (403) while the facilitator's opens;
 *   2. the replay scrubs (keyboard on the slider): the round shown and the map change;
 *   3. a blame chain opens at a round and workshop where it is long, and lists its links;
 *   4. the phase diagram runs in a Web Worker with a progress bar to the end and draws B_c;
 *   5. a counterfactual (uniform bins at 1.25 B_c) is shown beside the real game;
 *   6. the CSV downloads and parses to rounds x workshops rows;
 *   7. the page fits a phone's width.
 * Screenshots go to test-results/screenshots/debrief-*.png (the best is copied by hand to
 * docs/screenshots/debrief.png).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blameChain } from '../../game/debrief/blame';
import { parseCsv } from '../../game/debrief/export';
import type { DebriefData } from '../../game/debrief/types';
import { type RunningApp, startApp } from '../../server/app';
import { silentLogger } from '../../server/log';
import { CHROMIUM, launchChromium } from '../browser';
import { type Created, type Joined, api, createSession, joinSession, rawState, waitFor } from '../server/helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = join(ROOT, 'test-results', 'screenshots');
const ROUNDS = 8;
const WORKSHOPS = 12;
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const WAIT = 20_000;

let browser: Browser;
let app: RunningApp;
let dataDir = '';
let clientDir = '';
let session: Created;
let ada: Joined;
let page: Page;
let data: DebriefData;
const pageErrors: string[] = [];

/** A page in a fresh browser context holding `seats` in its localStorage (as the lobby stores them). */
async function openAs(seats: Record<string, unknown>, path: string, device = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ ...device, reducedMotion: 'reduce', acceptDownloads: true });
  await context.addInitScript((entries) => {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, JSON.stringify(value));
  }, seats);
  const p = await context.newPage();
  p.setDefaultTimeout(WAIT);
  p.on('pageerror', (e) => pageErrors.push(e.message));
  await p.goto(`${app.url}${path}`);
  return p;
}

const playerSeat = () => ({
  [`kc:seat:${session.code}`]: { matchID: ada.matchID, seat: ada.seat, credentials: ada.credentials, name: 'Ada' },
});
const facilitatorSeat = () => ({
  [`kc:facilitator:${session.code}`]: {
    matchID: session.matchID,
    seat: '0',
    credentials: session.credentials,
    name: 'Facilitator',
  },
});

async function shot(p: Page, name: string, fullPage = false): Promise<string> {
  const path = join(SHOTS, `debrief-${name}.png`);
  await p.screenshot({ path, fullPage, animations: 'disabled' });
  return path;
}

/** Record every text the page shows while `action` runs (a MutationObserver), e.g. a brief progress label. */
async function watchTexts(p: Page, pattern: RegExp, action: () => Promise<void>): Promise<string[]> {
  await p.evaluate((source) => {
    const re = new RegExp(source);
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    new MutationObserver(() => {
      const text = document.body.innerText;
      for (const m of text.match(new RegExp(re.source, 'g')) ?? []) if (seen.at(-1) !== m) seen.push(m);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  }, pattern.source);
  await action();
  return p.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
}

const shownRound = (p: Page) => p.locator('output[for="replay-round"]').innerText();
const replaySummary = (p: Page) => p.getByTestId('replay-summary').innerText();
const replayMapLabel = (p: Page) =>
  p.locator('#replay-title').locator('..').getByRole('img').first().getAttribute('aria-label');

/** The facilitator closes a round through the server's steward (as the round clock would); wait until it resolves. */
async function closeRound(round: number): Promise<void> {
  await app.steward.move(session.matchID, 'closeRound', [round]);
  await waitFor(() => rawState(app, session.matchID).G.history.length >= round, `round ${round} resolved`, WAIT);
}

describe('the debrief of a finished session in a real browser (issue 5)', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`The debrief test needs Chromium at ${CHROMIUM} (install the Debian package "chromium").`);
    await mkdir(SHOTS, { recursive: true });
    clientDir = await mkdtemp(join(tmpdir(), 'kc-debrief-client-'));
    dataDir = await mkdtemp(join(tmpdir(), 'kc-debrief-data-'));
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      root: join(ROOT, 'client'),
      build: { outDir: clientDir, emptyOutDir: true },
      logLevel: 'warn',
    });
    app = await startApp({ port: 0, dataDir, clientDir, log: silentLogger, graceMs: 1500, tickMs: 50 });
    browser = await launchChromium();
    session = await createSession(app, {
      scenario: 'two-inputs',
      players: 1,
      rounds: ROUNDS,
      roundSeconds: 0,
      autopilot: 'steady:0.4',
    });
    ada = await joinSession(app, session.code, 'Ada');
    await app.steward.move(session.matchID, 'start', []);
    await waitFor(() => rawState(app, session.matchID).G.round === 1, 'round 1', WAIT);
    for (const round of [1, 2]) await closeRound(round);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (clientDir) await rm(clientDir, { recursive: true, force: true });
  });

  it('1. refuses the player’s debrief during play (403) and opens the facilitator’s at any time', async () => {
    const early = await openAs(playerSeat(), `/debrief/${session.code}`);
    await early.getByRole('heading', { name: 'The debrief opens when the game is over' }).waitFor();
    await early.getByRole('link', { name: 'Back to my board' }).waitFor();
    await shot(early, 'not-over');
    await early.context().close();

    // The facilitator's seat takes precedence over a player's seat stored in the same browser.
    const facilitator = await openAs({ ...playerSeat(), ...facilitatorSeat() }, `/debrief/${session.code}`);
    await facilitator.getByRole('heading', { name: 'Debrief: Two inputs' }).waitFor();
    await facilitator.getByText(`The game is still running: 2 of ${ROUNDS} rounds played so far.`).waitFor();
    expect(await shownRound(facilitator)).toBe(`Round 2 of 2`);
    await facilitator.context().close();

    for (let round = 3; round <= ROUNDS; round++) await closeRound(round);
    expect(rawState(app, session.matchID).G.status).toBe('over');
    const reply = await api<DebriefData>(app, `/api/sessions/${session.code}/debrief`, {
      body: { seat: ada.seat, credentials: ada.credentials },
    });
    expect(reply.status).toBe(200);
    data = reply.json;
    expect(data.history).toHaveLength(ROUNDS);
  });

  it('2. scrubs the replay with the keyboard: the round shown, its summary and the map change', async () => {
    page = await openAs(playerSeat(), `/debrief/${session.code}`);
    await page.getByRole('heading', { name: 'Debrief: Two inputs' }).waitFor();
    await page.getByText(`The game is over after ${ROUNDS} rounds.`).waitFor();
    expect(await shownRound(page)).toBe(`Round ${ROUNDS} of ${ROUNDS}`);
    const lastSummary = await replaySummary(page);
    const lastMap = await replayMapLabel(page);
    expect(lastSummary).toContain(`After round ${ROUNDS}:`);

    const slider = page.getByRole('slider', { name: 'Round shown' });
    await slider.focus();
    await page.keyboard.press('Home');
    expect(await shownRound(page)).toBe(`Round 1 of ${ROUNDS}`);
    expect(await replaySummary(page)).toContain('After round 1:');
    expect(await replayMapLabel(page)).not.toBe(lastMap);
    await page.keyboard.press('ArrowRight');
    expect(await shownRound(page)).toBe(`Round 2 of ${ROUNDS}`);
    await page.getByRole('button', { name: 'One round forward' }).click();
    expect(await shownRound(page)).toBe(`Round 3 of ${ROUNDS}`);
    // Play steps round by round to the end (reduced motion: no transitions, still stepping).
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await page.getByText(`Round ${ROUNDS} of ${ROUNDS}`, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
  });

  it('3. opens the blame chain of a workshop back to the original trouble', async () => {
    // The longest chain of the game, from the server's own data and the game's blameChain.
    let best = { workshop: 0, round: 1, length: 0 };
    for (const r of data.history)
      for (let w = 0; w < WORKSHOPS; w++) {
        const length = blameChain(data.history, w, r.round).length;
        if (length > best.length) best = { workshop: w, round: r.round, length };
      }
    expect(best.length).toBeGreaterThanOrEqual(2);
    const chain = blameChain(data.history, best.workshop, best.round);

    await page.getByRole('slider', { name: 'Round shown' }).fill(String(best.round));
    expect(await shownRound(page)).toBe(`Round ${best.round} of ${ROUNDS}`);
    await page
      .getByLabel(`Workshop whose lateness after round ${best.round} to trace`)
      .selectOption(String(best.workshop));
    const name = (i: number) => data.workshops[i]!.name;
    const table = page.getByRole('table', { name: `Blame chain of ${name(best.workshop)}` });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(chain.length);
    for (const [i, link] of chain.entries()) {
      const cells = await rows.nth(i).locator('th, td').allInnerTexts();
      expect(cells[0]).toBe(String(i + 1));
      expect(cells[1]).toBe(String(link.round));
      expect(cells[2]).toContain(name(link.workshop));
      if (link.binding >= 0) expect(cells[2]).toContain(`line stopped by ${name(link.binding)}`);
    }
    const origin = chain.at(-1)!;
    // A workshop a person held is named with them: "Workshop 1 (Ada)" (which workshop is the
    // origin depends on the session's random seed).
    const player = data.workshops[origin.workshop]!.player;
    const label = `${name(origin.workshop)}${player ? ` (${player})` : ''}`;
    expect(await page.getByTestId('blame-origin').innerText()).toContain(
      `back ${chain.length - 1} steps to ${label} in round ${origin.round}`,
    );
    await page.locator('#replay-title').scrollIntoViewIfNeeded();
    await shot(page, 'blame-desktop');
  });

  it('4. computes the phase diagram in a Web Worker, with a progress bar to the end and B_c drawn', async () => {
    await page.getByRole('radio', { name: /^Quick/ }).check();
    const seen = await watchTexts(page, /Simulating: \d+%|Done: \d+ bin sizes simulated\./, async () => {
      await page.getByRole('button', { name: 'Compute the phase diagram' }).click();
      await page.getByText(/^Done: \d+ bin sizes simulated\.$/).waitFor({ timeout: 60_000 });
    });
    expect(seen[0]).toMatch(/^Simulating: \d+%$/);
    expect(seen.at(-1)).toMatch(/^Done:/);
    const progress = page.locator('#phase-title').locator('..').locator('progress');
    expect(await progress.evaluate((p: HTMLProgressElement) => p.value === p.max && p.max > 0)).toBe(true);
    await page.getByTestId('phase-critical').waitFor();
    expect(await page.getByTestId('phase-critical').textContent()).toContain('B_c 1.85');
    await page.getByTestId('phase-held').waitFor();
    await page.getByText(/The table held [\d.]+ hours on average, below the critical bin of 1\.85 hours/).waitFor();
  });

  it('5. replays the game with uniform bins at 1.25 B_c on the same dice, beside the real game', async () => {
    const uniform = page.getByRole('radio', { name: /every bin at 2\.32 hours/ });
    expect(await uniform.isChecked()).toBe(true);
    const seen = await watchTexts(page, /Replaying \d+ rounds on the same dice/, async () => {
      await page.getByRole('button', { name: 'Replay on the same dice' }).click();
      await page.getByTestId('compare').waitFor();
    });
    expect(seen).toContain(`Replaying ${ROUNDS} rounds on the same dice`);
    const compare = page.getByTestId('compare');
    await compare.getByRole('heading', { name: 'The real game and “Every bin at 2.32 h”' }).waitFor();
    const figures = compare.locator('figure');
    expect(await figures.count()).toBe(2);
    expect(await figures.nth(0).innerText()).toContain(`As played: after round ${ROUNDS}`);
    expect(await figures.nth(1).innerText()).toContain(`Every bin at 2.32 h: after round ${ROUNDS}`);
    const summary = await compare.locator('p').first().innerText();
    const [, real, other] = /([\d.]+) hours as played, ([\d.]+) hours with/.exec(summary)!;
    // Bins above B_c everywhere, on the same dice: far less lateness than the lean table's.
    expect(Number(other)).toBeLessThan(Number(real));
    await compare.scrollIntoViewIfNeeded();
    await shot(page, 'counterfactual-desktop');
  });

  it('6. downloads every round and workshop as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`kanban-cascade-${session.code}-rounds.csv`);
    const text = await readFile(await download.path(), 'utf8');
    const parsed = parseCsv(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toHaveLength(ROUNDS * WORKSHOPS);
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    expect(json.suggestedFilename()).toBe(`kanban-cascade-${session.code}-debrief.json`);
    const exported = JSON.parse(await readFile(await json.path(), 'utf8')) as DebriefData;
    expect(exported.history).toHaveLength(ROUNDS);

    await page.getByRole('slider', { name: 'Round shown' }).fill(String(ROUNDS));
    // The README's picture: the top of the page (claims, replay with a blame chain, lateness chart).
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.evaluate(() => window.scrollTo(0, 0));
    // Copied by hand into docs/screenshots/debrief.png (a test never writes into the tree).
    await shot(page, 'desktop');
    await shot(page, 'full-desktop', true);
    expect(pageErrors).toEqual([]);
  });

  it('7. fits a phone: no sideways scrolling', async () => {
    const phone = await openAs(playerSeat(), `/debrief/${session.code}`, PHONE);
    await phone.getByRole('heading', { name: 'Debrief: Two inputs' }).waitFor();
    await phone.getByRole('slider', { name: 'Round shown' }).waitFor();
    const fits = await phone.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    );
    expect(fits).toBe(true);
    await shot(phone, 'phone');
    expect(pageErrors).toEqual([]);
  });
});
