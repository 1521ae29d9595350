/**
 * FUZZ1 A bounded run of the fuzzer (tests/fuzz/fuzzer.ts) against the real server in this process:
 * random and adversarial packets at every move and event, and bodies and paths at every HTTP route.
 * Nothing crashes (an uncaught exception or unhandled rejection fails the run), no route answers
 * 500, every match keeps its invariants, Object.prototype stays clean, and afterwards an honest
 * table still plays a round. `npm run fuzz` runs the same for longer (scripts/fuzz.ts).
 *
 * FUZZ2 The invariant check itself catches broken states (so FUZZ1 cannot pass vacuously).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { G } from '../../game/core/types';
import { makeG } from '../game/fixtures';
import { type TestApp, api, connectSeat, createSession, decision, joinSession, withTestApp } from '../server/helpers';
import type { SeatView } from '../server/helpers';
import { capturingLogger, closeAllRaw, refusals } from '../security/raw';
import { FUZZ_LIMITS, fuzz, matchProblems } from './fuzzer';

let app: TestApp;
const logged = capturingLogger();
withTestApp(
  (started) => (app = started),
  { limits: FUZZ_LIMITS, log: logged.log },
  () => closeAllRaw(),
);

/** What would have killed a real server process: collected here, so FUZZ1 fails by its own assertion. */
const crashes: string[] = [];
const onCrash = (e: unknown) => crashes.push(String((e as Error)?.stack ?? e).slice(0, 300));
beforeAll(() => {
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
});
afterAll(() => {
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
});

const FUZZ_MS = Number(process.env.FUZZ_MS ?? 8000);

describe('FUZZ1 the server under random and adversarial input', () => {
  it(
    `stays up, answers no 500, keeps every match valid (${FUZZ_MS} ms)`,
    async () => {
      const report = await fuzz({
        app,
        stored: (id) => app.storage.rawState(id),
        seed: process.env.FUZZ_SEED ?? 'npm-test',
        ms: FUZZ_MS,
      });
      expect(report.findings).toEqual([]);
      expect(crashes, 'uncaught errors (each would have ended the server process)').toEqual([]);
      // The packets reached the server's guard and rules (not dropped on the way): many refusals,
      // among them refusals of the guard's payload bounds and of the rules (boardgame.io's log).
      const reasons = refusals(logged.events);
      expect(reasons.length).toBeGreaterThan(100);
      expect(reasons.some((r) => /^update: args: /.test(r))).toBe(true);
      expect(logged.events.some((e) => e.event === 'library-error')).toBe(true);
      // It really sent a mix of everything (not a run that did nothing).
      for (const kind of ['move', 'nearMove', 'event', 'http', 'lobby'])
        expect(report.sent[kind] ?? 0, kind).toBeGreaterThan(5);
      expect(Object.keys(report.statuses).some((s) => s.startsWith('4'))).toBe(true);
      expect(Object.keys(report.statuses).some((s) => s.startsWith('2'))).toBe(true);

      // An honest table still plays.
      const s = await createSession(app, { scenario: 'ring-road', players: 1, roundSeconds: 0 });
      const ada = await joinSession(app, s.code, 'Ada');
      await app.steward.move(s.matchID, 'start', []);
      const client = connectSeat(app, { matchID: s.matchID, seat: ada.seat, credentials: ada.credentials });
      const view = await client.until<SeatView>((v) => v.status === 'playing' && v.round === 1, 'playing');
      client.move('commit', 1, decision(view, 2));
      await client.until<SeatView>((v) => v.round === 2, 'round 1 resolved');
      expect((await api(app, '/health')).status).toBe(200);
    },
    FUZZ_MS + 60_000,
  );
});

describe('FUZZ2 the invariant check', () => {
  it('passes a real state and catches broken ones', () => {
    const g: G = makeG({ humanSeats: 2 });
    expect(matchProblems(g)).toEqual([]);
    const broken: [string, (x: G) => void][] = [
      ['a NaN bin', (x) => (x.workshops[0]!.bins[0] = Number.NaN)],
      ['a bin over the limit', (x) => (x.workshops[0]!.bins[0] = x.config.maxBin + 1)],
      [
        'a commit by no seat',
        (x) => (x.committed['99'] = { round: x.round, bins: [1], kaizenFace: null, help: null, suppliers: null }),
      ],
      ['a shock of no kind', (x) => x.pendingShocks.push({ kind: 'constructor' } as never)],
      ['a prototype key', (x) => Object.defineProperty(x.workshops[0], '__proto__', { value: 1, enumerable: true })],
      ['a bad status', (x) => (x.status = 'hacked' as never)],
    ];
    for (const [what, breakIt] of broken) {
      const copy = structuredClone(g);
      breakIt(copy);
      expect(matchProblems(copy), what).not.toEqual([]);
    }
  });
});
