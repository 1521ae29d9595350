/**
 * The board asks the game's own predicates (game/core/decisions.ts, council.ts) over a scope built
 * from the seat's view (client/board/selectors.ts viewScope); the server asks them over a scope
 * built from G (game/core/scope.ts seatScope). Both scopes give the same verdict, refusal for
 * refusal, on every input tried: the view carries every fact the rules read (D1-D6, C2), and every
 * refusal is worded in full by the translation layer.
 */
import { describe, expect, it } from 'vitest';
import { canVote } from '../../../game/core/council';
import {
  canChooseSuppliers,
  canCommit,
  canHelp,
  canKaizen,
  canSetBin,
  workshopOfSeat,
} from '../../../game/core/decisions';
import type { Refusal } from '../../../game/core/refusals';
import { seatScope, workshopScope } from '../../../game/core/scope';
import type { G } from '../../../game/core/types';
import { neighbours } from '../../../game/core/world';
import type { Result } from '../../../game/engine/result';
import { explain } from '../../../client/board/format';
import { neighbourIndices, viewScope } from '../../../client/board/selectors';
import { pick, playRounds, prng, viewOf, worldG } from './fixtures';

const SEAT = '1';

type Verdict = Refusal | null | Result<unknown, Refusal>;
const refusalOf = (v: Verdict): Refusal | null => (v === null ? null : 'ok' in v ? (v.ok ? null : v.error) : v);

/** The same refusal (or none) from the view's scope and from G's; its words fill every placeholder. */
function agree(board: Verdict, game: Verdict, what: string) {
  const fromView = refusalOf(board);
  expect(fromView, `${what}: board says ${fromView ? explain(fromView) : 'ok'}`).toEqual(refusalOf(game));
  if (fromView) expect(explain(fromView)).not.toMatch(/[{}]/);
}

const BIN_VALUES: unknown[] = [
  -1,
  -0.01,
  0,
  0.5,
  1,
  1.99,
  2,
  2.5,
  9.99,
  10,
  10.01,
  12,
  12.5,
  NaN,
  Infinity,
  -Infinity,
  '2',
  null,
  undefined,
  true,
  [2],
];

describe('D1-D2: a bin is a finite number from the floor to maxBin', () => {
  it.each([
    ['no council rule', null],
    ['a council floor of 2 hours', { kind: 'floor', bin: 2 } as const],
    ['a council budget (no floor)', { kind: 'budget', total: 30 } as const],
  ])('[D1][D2] canSetBin over the view agrees with canSetBin over G under %s', (_name, rule) => {
    const g = worldG();
    g.rule = rule;
    const view = viewOf(g, SEAT);
    for (const value of BIN_VALUES)
      agree(canSetBin(viewScope(view), value), canSetBin(seatScope(g, SEAT), value), `bin ${String(value)}`);
  });
});

/** Toyota city: kaizen and workers on. Points, coins and workers are varied to reach every rule. */
describe('D3-D4: kaizen and workers', () => {
  const variants: [string, (g: G, w: number) => void][] = [
    ['as dealt', () => {}],
    ['with points', (g, w) => (g.workshops[w]!.kaizenPoints = 9)],
    [
      'with points and a face at 0',
      (g, w) => (
        (g.workshops[w]!.kaizenPoints = 9),
        (g.workshops[w]!.trouble = {
          kind: 'die',
          die: { faces: [0, 0, 1, 1, 2, 3], explodes: [false, false, false, false, false, true] },
        })
      ),
    ],
    ['without workers', (g, w) => (g.workshops[w]!.workers = 0)],
    ['without coins', (g, w) => (g.workshops[w]!.coins = 1)],
    ['with exponential trouble', (g, w) => (g.workshops[w]!.trouble = { kind: 'exp', mean: 1 })],
  ];
  it.each(variants)('[D3][D4] canKaizen and canHelp over the view agree with them over G (%s)', (_name, patch) => {
    for (const scenario of ['toyota-city', 'two-inputs']) {
      const g = worldG({ scenario, humanSeats: 4 });
      const w = workshopOfSeat(g, SEAT);
      patch(g, w);
      const view = viewOf(g, SEAT);
      for (const face of [null, -1, 0, 1, 2, 3, 4, 5, 6, 1.5, '2', NaN])
        if (face !== null)
          agree(
            canKaizen(viewScope(view), face),
            canKaizen(workshopScope(g, w), face),
            `${scenario} kaizen face ${String(face)}`,
          );
      for (const target of [...Array.from({ length: g.workshops.length + 1 }, (_, i) => i - 1), 0.5, '1', null])
        agree(
          canHelp(viewScope(view), target),
          canHelp(workshopScope(g, w), target),
          `${scenario} help ${String(target)}`,
        );
    }
  });

  it('[D4] the neighbours a worker can go to are exactly the game’s neighbours (suppliers and customers)', () => {
    const g = worldG({ scenario: 'toyota-city', humanSeats: 4 });
    for (const seat of ['1', '2', '3', '4']) {
      const w = workshopOfSeat(g, seat);
      expect(neighbourIndices(viewOf(g, seat))).toEqual(neighbours(g, w));
    }
  });
});

describe('D5: supplier choice', () => {
  it('[D5] canChooseSuppliers over the view agrees with it over G on "The new road" for every seat and candidate', () => {
    const g = worldG({ scenario: 'new-road', humanSeats: 15 });
    for (const w of g.workshops) {
      const seat = w.seat!;
      const i = workshopOfSeat(g, seat);
      const view = viewOf(g, seat);
      const slots = w.suppliers.map((s, slot) =>
        w.alternatives[slot]!.length > 0 ? [...w.alternatives[slot]!, s + 100] : [s, (s + 1) % g.workshops.length],
      );
      const choices: unknown[] = [
        null,
        [],
        'x',
        [...w.suppliers],
        [...w.suppliers, 0],
        w.suppliers.map(() => w.suppliers[0]),
      ];
      const combine = (slot: number, prefix: number[]): void => {
        if (slot === slots.length) return void choices.push(prefix);
        for (const s of slots[slot]!) combine(slot + 1, [...prefix, s]);
      };
      combine(0, []);
      for (const choice of choices)
        agree(
          canChooseSuppliers(viewScope(view), choice),
          canChooseSuppliers(workshopScope(g, i), choice),
          `${w.name} ${JSON.stringify(choice)}`,
        );
    }
  });

  it('[D5] with supplier choice switched off, only the current suppliers pass, as in the game', () => {
    const g = worldG({ scenario: 'new-road', humanSeats: 15, mechanics: { supplierChoice: false } });
    const w = g.workshops.find((x) => x.alternatives.some((a) => a.length > 0))!;
    const view = viewOf(g, w.seat!);
    const other = w.suppliers.map((s, slot) => w.alternatives[slot]!.find((a) => a !== s) ?? s);
    const i = workshopOfSeat(g, w.seat!);
    agree(
      canChooseSuppliers(viewScope(view), other),
      canChooseSuppliers(workshopScope(g, i), other),
      'switched supplier',
    );
    agree(
      canChooseSuppliers(viewScope(view), [...w.suppliers]),
      canChooseSuppliers(workshopScope(g, i), [...w.suppliers]),
      'current suppliers',
    );
  });
});

describe('D6: a whole commit', () => {
  const scenarios = [
    ['two-inputs', 3],
    ['toyota-city', 4],
    ['new-road', 15],
    ['foggy-cliff', 3],
    ['spot-market', 3],
  ] as const;

  it.each(scenarios)(
    '[D6] canCommit over the view agrees with it over G on 400 random decisions (%s)',
    (scenario, humanSeats) => {
      const rand = prng(scenario.length * 7919);
      const g = worldG({ scenario, humanSeats });
      playRounds(g, 2);
      g.workshops.forEach((w) => {
        w.kaizenPoints = Math.floor(rand() * 6);
        w.coins = pick(rand, [0, 1, 5, 500]);
      });
      let accepted = 0;
      for (let k = 0; k < 400; k++) {
        const seat = String(1 + Math.floor(rand() * humanSeats));
        const w = g.workshops[workshopOfSeat(g, seat)]!;
        g.rule = pick(rand, [null, null, { kind: 'floor', bin: 1.5 } as const]);
        g.committed =
          rand() < 0.1
            ? { [seat]: { round: g.round, bins: w.bins, kaizenFace: null, help: null, suppliers: null } }
            : {};
        const round = rand() < 0.85 ? g.round : pick(rand, [g.round - 1, g.round + 1, String(g.round)]);
        const bins =
          rand() < 0.1
            ? pick(rand, [[], [1], w.suppliers.map(() => 1).concat([1]), 'x'])
            : w.suppliers.map(() =>
                rand() < 0.85 ? pick(rand, [0, 1.5, 2.5, g.config.maxBin]) : pick(rand, BIN_VALUES),
              );
        const everywhere = Array.from({ length: g.workshops.length }, (_, i) => i);
        const decision: Record<string, unknown> = {
          round: rand() < 0.95 ? round : g.round + 7,
          bins,
          kaizenFace: rand() < 0.7 ? null : pick(rand, [undefined, 0, 3, 5, 9]),
          help:
            rand() < 0.7
              ? null
              : pick(rand, [undefined, ...neighbours(g, workshopOfSeat(g, seat)), pick(rand, everywhere)]),
          suppliers:
            rand() < 0.5
              ? null
              : pick(rand, [
                  undefined,
                  [...w.suppliers],
                  w.suppliers.map((s, slot) => pick(rand, [s, ...w.alternatives[slot]!])),
                ]),
        };
        if (rand() < 0.05) decision.extra = 1;
        if (rand() < 0.05) delete decision.kaizenFace;
        const arg = rand() < 0.03 ? pick(rand, [null, 'x', [1, 2]]) : decision;
        const game = canCommit(seatScope(g, seat), round, arg);
        if (game.ok) accepted++;
        agree(
          canCommit(viewScope(viewOf(g, seat)), round, arg),
          game,
          `${scenario} #${k} ${JSON.stringify(arg)} round ${String(round)}`,
        );
      }
      // Both verdicts are exercised.
      expect(accepted).toBeGreaterThan(10);
      expect(accepted).toBeLessThan(390);
    },
  );

  it('[D6] a commit is refused outside a playing round, for an old round, and once committed, as the game does', () => {
    const g = worldG();
    const w = g.workshops[workshopOfSeat(g, SEAT)]!;
    const d = { round: 1, bins: w.suppliers.map(() => 2), kaizenFace: null, help: null, suppliers: null };
    const board = (round: number, decision: unknown) => canCommit(viewScope(viewOf(g, SEAT)), round, decision);
    agree(board(1, d), canCommit(seatScope(g, SEAT), 1, d), 'open round');
    expect(board(1, d).ok).toBe(true);
    agree(board(0, { ...d, round: 0 }), canCommit(seatScope(g, SEAT), 0, { ...d, round: 0 }), 'old round');
    g.committed[SEAT] = d;
    expect(refusalOf(board(1, d))?.code).toBe('commit.already');
    g.committed = {};
    g.status = 'council';
    expect(refusalOf(board(1, d))?.code).toBe('commit.council');
    expect(canCommit(seatScope(g, SEAT), 1, d).ok).toBe(false);
  });
});

describe('C2: a council vote', () => {
  it('[C2] canVote over the view agrees with it over G on floors, budgets, "none" and malformed votes', () => {
    const g = worldG({ scenario: 'foggy-cliff' });
    g.status = 'council';
    g.revealed = false;
    g.council = { round: 1, votes: {} };
    const slots = g.workshops.reduce((s, w) => s + w.suppliers.length, 0);
    const proposals: unknown[] = [
      'none',
      'floor',
      null,
      { kind: 'floor', bin: 2 },
      { kind: 'floor', bin: -0.1 },
      { kind: 'floor', bin: g.config.maxBin },
      { kind: 'floor', bin: g.config.maxBin + 0.01 },
      { kind: 'floor', bin: NaN },
      { kind: 'floor', bin: '2' },
      { kind: 'floor', bin: 2, extra: 1 },
      { kind: 'floor', total: 2 },
      { kind: 'budget', total: 30 },
      { kind: 'budget', total: g.config.maxBin * slots },
      { kind: 'budget', total: g.config.maxBin * slots + 1 },
      { kind: 'budget', bin: 3 },
      { kind: 'quota', total: 3 },
      {},
    ];
    for (const voted of [false, true]) {
      g.council.votes = voted ? { [SEAT]: 'none' } : {};
      const view = viewOf(g, SEAT);
      for (const round of [1, 2, '1'])
        for (const p of proposals)
          agree(
            canVote(viewScope(view, voted), round, p),
            canVote(seatScope(g, SEAT), round, p),
            `vote ${JSON.stringify(p)} round ${String(round)} voted ${voted}`,
          );
    }
    g.status = 'playing';
    g.council = null;
    agree(canVote(viewScope(viewOf(g, SEAT)), 1, 'none'), canVote(seatScope(g, SEAT), 1, 'none'), 'no council');
  });
});
