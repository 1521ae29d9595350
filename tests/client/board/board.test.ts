/**
 * The player board rendered (react-dom/server) from real views: what it shows in each phase, that
 * every field is labelled and its explanation exists (aria-describedby), and that every string
 * came through the catalogue (no raw keys, no unfilled placeholders).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { workshopOfSeat } from '../../../game/core/decisions';
import { playerView } from '../../../game/core/view';
import { type PlayerBoardProps, PlayerBoard } from '../../../client/board/PlayerBoard';
import { t } from '../../../client/i18n';
import { playRounds, viewOf, worldG } from './fixtures';
import { initialState, parseSetupData } from '../../../game/core/setup';
import { unwrap } from '../../../game/engine/result';

const render = (G: PlayerBoardProps['G'], extra: Partial<PlayerBoardProps> = {}) =>
  renderToStaticMarkup(createElement(PlayerBoard, { G, moves: {}, isConnected: true, ...extra }));

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** Every rendered board: catalogue strings only, unique ids, every described-by target present. */
function wellFormed(html: string) {
  const plain = text(html);
  expect(plain).not.toMatch(/\bboard\.[a-z]+\.[a-zA-Z.]+/);
  expect(plain).not.toMatch(/\{[a-z]+\}/i);
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  expect(new Set(ids).size, `duplicate ids: ${ids.join(' ')}`).toBe(ids.length);
  for (const m of html.matchAll(/aria-(?:describedby|labelledby)="([^"]+)"/g))
    for (const id of m[1]!.split(/\s+/)) expect(ids, `missing target #${id}`).toContain(id);
  for (const m of html.matchAll(/<label[^>]*for="([^"]+)"/g)) expect(ids).toContain(m[1]!);
  // Every text field and select has a label (for=, wrapping label or aria-label).
  for (const m of html.matchAll(/<(input|select)\b[^>]*>/g)) {
    const tag = m[0];
    if (/type="radio"/.test(tag)) continue;
    const id = /\sid="([^"]+)"/.exec(tag)?.[1];
    expect(/aria-label=/.test(tag) || (id !== undefined && html.includes(`for="${id}"`)), tag).toBe(true);
  }
}

describe('before the start and seats without a workshop', () => {
  it('shows the public configuration while waiting for the facilitator', () => {
    const g = initialState(unwrap(parseSetupData({ scenario: 'two-inputs', humanSeats: 3 })));
    const html = render(playerView({ G: g, playerID: '1' }));
    wellFormed(html);
    expect(text(html)).toContain(t('board.start.waiting'));
    expect(text(html)).toContain('Two inputs');
  });

  it('tells the facilitator’s seat that it holds no workshop', () => {
    const html = render(playerView({ G: worldG(), playerID: '0' }));
    expect(text(html)).toContain(t('board.start.facilitator'));
  });
});

describe('a round being played', () => {
  it('shows my workshop, my bins, my neighbours, the decision with its cost and the commit', () => {
    const g = worldG();
    const view = viewOf(g);
    const html = render(view);
    wellFormed(html);
    const plain = text(html);
    expect(plain).toContain(t('board.me.title', { name: view.me.name }));
    expect(plain).toContain(t('board.status.round', { round: 1, total: view.config.rounds }));
    for (const s of view.suppliers) expect(plain).toContain(s.name);
    for (const c of view.customers) expect(plain).toContain(c.name);
    expect(html.match(/id="bin-\d"/g)).toHaveLength(view.me.suppliers.length);
    expect(plain).toContain(t('board.decide.r1'));
    expect(plain).toContain('Rent: 5 coins per round');
    expect(plain).toContain(t('board.commit.button', { round: 1 }));
    expect(plain).toContain(t('board.andon.offFirst'));
    expect(plain).toContain(t('board.status.waitingMany', { count: 3 }));
    // Kaizen, workers and supplier choice are off in "Two inputs".
    expect(html).not.toContain('name="kaizen"');
    expect(html).not.toContain('name="help"');
    expect(html).not.toContain('<select id="supplier-');
  });

  it('lights the andon with words after a line stop, and announces it', () => {
    const g = playRounds(worldG(), 8, 0);
    const seat = ['1', '2', '3'].find((s) => g.workshops[workshopOfSeat(g, s)]!.breached);
    expect(seat, 'a seat with a line stop in the last round').toBeDefined();
    const html = render(viewOf(g, seat));
    wellFormed(html);
    expect(text(html)).toContain(t('board.andon.on'));
    expect(html).toMatch(/aria-live="assertive"[^>]*>Line stop in round 8/);
    expect(text(html)).toContain(t('board.history.title'));
  });

  it('shows the timer from view.clock, and paused when paused', () => {
    const g = worldG();
    g.clock = { round: 1, deadline: Date.now() + 45_000, remainingMs: null };
    expect(render(viewOf(g))).toMatch(/role="timer"[^>]*aria-label="Time left in this round: 0:4[45]"/);
    g.paused = true;
    g.clock = { round: 1, deadline: null, remainingMs: 30_000 };
    expect(text(render(viewOf(g)))).toContain(t('board.clock.pausedLeft', { time: '0:30' }));
  });

  it('shows the commit as done once the view says committed, and who we still wait for', () => {
    const g = worldG();
    const w = g.workshops[workshopOfSeat(g, '1')]!;
    g.committed['1'] = { round: 1, bins: w.bins, kaizenFace: null, help: null, suppliers: null };
    const plain = text(render(viewOf(g)));
    expect(plain).toContain(t('board.commit.buttonDone'));
    expect(plain).toContain(t('board.commit.othersMany', { count: 2 }));
  });

  it('offers kaizen and a worker in "Toyota city", choices the rules refuse disabled', () => {
    const g = worldG({ scenario: 'toyota-city', humanSeats: 4 });
    const html = render(viewOf(g));
    wellFormed(html);
    expect(html).toContain('name="kaizen"');
    expect(html).toContain('name="help"');
    // No improvement points yet: every face is disabled, "no kaizen" is not.
    const faces = [...html.matchAll(/<input[^>]*name="kaizen"[^>]*>/g)].map((m) => m[0]);
    expect(faces.filter((f) => f.includes('disabled')).length).toBe(faces.length - 1);
  });

  it('offers a supplier per input with alternatives in "The new road"', () => {
    const g = worldG({ scenario: 'new-road', humanSeats: 15 });
    const w = g.workshops.find((x) => x.alternatives.some((a) => a.length > 0))!;
    const html = render(viewOf(g, w.seat!));
    wellFormed(html);
    expect(html).toMatch(/<select id="supplier-0"/);
    expect(html.match(/<option /g)?.length).toBe(w.alternatives[0]!.length);
    // The current supplier is in sight with its lateness; another candidate is only named.
    const options = [...html.matchAll(/<option [^>]*>([^<]*)<\/option>/g)].map((m) => m[1]!);
    expect(options.some((o) => /now .* late/.test(o) && o.includes('(current)'))).toBe(true);
    expect(options.some((o) => o.includes('(not in sight)'))).toBe(true);
  });
});

describe('council and game over', () => {
  it('shows the whole map and a vote form during a council (C1-C2)', () => {
    const g = worldG({ scenario: 'foggy-cliff' });
    g.status = 'council';
    g.council = { round: 1, votes: {} };
    const html = render(viewOf(g));
    wellFormed(html);
    expect(text(html)).toContain(t('board.map.title'));
    expect(text(html)).toContain(t('board.council.title', { round: 1 }));
    expect(html).toContain('name="vote"');
    expect(html).not.toContain('id="bin-0"');
  });

  it('at game over shows the final numbers, the network’s, and says when the debrief comes', () => {
    const g = playRounds(worldG({ rounds: 4 }), 4, 2);
    const view = viewOf(g);
    const html = render(view);
    wellFormed(html);
    const plain = text(html);
    expect(plain).toContain(t('board.over.title'));
    expect(plain).toContain(t('board.over.debrief'));
    expect(plain).toContain(t('board.over.network'));
    expect(plain).toContain(t('board.status.over', { rounds: 4 }));
    expect(html).not.toContain('id="bin-0"');
    const linked = render(view, { debriefHref: '/debrief/ABC123' });
    expect(linked).toContain('href="/debrief/ABC123"');
  });

  it('says when the connection is lost', () => {
    expect(text(render(viewOf(worldG()), { isConnected: false }))).toContain(t('board.status.offline'));
  });
});
