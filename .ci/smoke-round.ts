/**
 * One scripted round against a server started with `npm start` (.ci/node-matrix runs it on each
 * Node line): the built client is served, a session is created and joined over the session API,
 * the facilitator and the player connect over Socket.IO with boardgame.io's own Client, the
 * facilitator starts, the player commits round 1, and both see round 2.
 *
 * Usage: tsx .ci/smoke-round.ts http://127.0.0.1:PORT
 */
import { Client } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import { createGame } from '../game/core/game';
import type { FacilitatorView, SeatView, View } from '../game/core/view';
import type { G } from '../game/core/types';

const base = process.argv[2];
if (!base || !/^http:\/\/[^/\s]+$/.test(base)) {
  console.error('usage: tsx .ci/smoke-round.ts http://127.0.0.1:PORT');
  process.exit(2);
}

async function json<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

function connect(matchID: string, seat: string, credentials: string) {
  const client = Client<G>({
    game: createGame(),
    multiplayer: SocketIO({ server: base }),
    matchID,
    playerID: seat,
    credentials,
    debug: false,
  });
  client.start();
  return client;
}

async function until<V extends View>(
  client: ReturnType<typeof connect>,
  check: (view: V) => boolean,
  what: string,
): Promise<V> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const view = client.getState()?.G as unknown as V | undefined;
    if (view !== undefined && check(view)) return view;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const page = await fetch(`${base}/`);
const html = await page.text();
if (!page.ok || !html.includes('<div id="root">')) throw new Error(`GET / did not serve the client (${page.status})`);

const session = await json<{ code: string; matchID: string; seat: string; credentials: string }>('/api/sessions', {
  scenario: 'two-inputs',
  players: 1,
});
const joined = await json<{ seat: string; credentials: string }>(`/api/sessions/${session.code}/join`, {
  name: 'Smoke',
});
const facilitator = connect(session.matchID, session.seat, session.credentials);
const player = connect(session.matchID, joined.seat, joined.credentials);
try {
  await until(facilitator, (v) => v.status === 'setup', 'the facilitator synced');
  await until(player, (v) => v.status === 'setup', 'the player synced');
  facilitator.moves.start!();
  const view = await until<SeatView>(player, (v) => v.status === 'playing' && v.round === 1, 'round 1');
  player.moves.commit!(1, {
    round: 1,
    bins: view.me.suppliers.map(() => 3),
    kaizenFace: null,
    help: null,
    suppliers: null,
  });
  const after = await until<FacilitatorView>(facilitator, (v) => v.round === 2, 'round 2 (the commit closed round 1)');
  const mine = await until<SeatView>(player, (v) => v.round === 2 && v.myHistory.length === 1, "the player's round 2");
  console.log(
    JSON.stringify({
      smoke: 'ok',
      node: process.version,
      code: session.code,
      round: after.round,
      playerBins: mine.me.bins,
    }),
  );
} finally {
  facilitator.stop();
  player.stop();
}
