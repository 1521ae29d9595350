/**
 * Every refusal of the decision, vote and shock predicates (D1-D6, C2, F3), reached on a small
 * hand-made scope: each check answers with its own code and parameters, so deleting a check (or
 * swapping two) fails the case that reaches it. Facilitator moves (F1-F9) are covered through the
 * real moves in tests/game/commits.test.ts and here by their predicates.
 */
import { describe, expect, it } from 'vitest';
import { canVote } from '../../game/core/council';
import { canChooseSuppliers, canCommit, canHelp, canKaizen, canSetBin } from '../../game/core/decisions';
import {
  canCloseRound,
  canConvene,
  canEndGame,
  canPause,
  canResume,
  canReveal,
  canSetClock,
  canSetPresence,
  canStart,
  facilitatorOnly,
} from '../../game/core/facilitator';
import type { Refusal } from '../../game/core/refusals';
import type { HeldScope, RuleScope } from '../../game/core/scope';
import { type ShockScope, canShock } from '../../game/core/shocks';
import type { G } from '../../game/core/types';
import type { Result } from '../../game/engine/result';

const costs = {
  rent: 1,
  rentGrowth: 0,
  latePenalty: 2,
  commute: 3,
  kaizenCost: 2,
  congestion: 0,
  congestionFree: 1,
  startingCoins: 10,
};
const mechanics = { kaizen: true, workers: true, supplierChoice: true, council: true, spot: false };

/** Workshop 1 of five: inputs from 0 (a choice of 0 or 2) and 3; customer 4; a die with a 0 face. */
const scope: HeldScope = {
  status: 'playing',
  round: 4,
  rule: null,
  config: { maxBin: 10, mechanics, costs },
  facilitator: false,
  workshop: {
    suppliers: [0, 3],
    alternatives: [[0, 2], []],
    trouble: { kind: 'die', die: { faces: [0, 1, 2], explodes: [false, false, false] } },
    kaizenPoints: 5,
    workers: 1,
    coins: 5,
    neighbours: [0, 3, 4],
  },
  committed: false,
  council: null,
  voted: false,
  slots: 6,
};
const w = scope.workshop;
const with_ = (patch: Partial<RuleScope>): HeldScope => ({ ...scope, ...patch }) as HeldScope;
const held = (patch: Partial<HeldScope['workshop']>): HeldScope => ({ ...scope, workshop: { ...w, ...patch } });
const refusal = (r: Result<unknown, Refusal>): Refusal | null => (r.ok ? null : r.error);
const good = { round: 4, bins: [2, 2], kaizenFace: null, help: null, suppliers: null };

describe('refusals of decisions as data (D1-D6)', () => {
  it('[D1][D2] a bin: a number, not negative, not under the council floor, not over maxBin', () => {
    expect(canSetBin(scope, '2')).toEqual({ code: 'bin.notNumber' });
    expect(canSetBin(scope, NaN)).toEqual({ code: 'bin.notNumber' });
    expect(canSetBin(scope, -0.5)).toEqual({ code: 'bin.negative' });
    expect(canSetBin(with_({ rule: { kind: 'floor', bin: 1.5 } }), 1)).toEqual({ code: 'bin.belowFloor', floor: 1.5 });
    expect(canSetBin(scope, 10.5)).toEqual({ code: 'bin.tooHigh', max: 10 });
    expect(canSetBin(scope, 10)).toBeNull();
  });

  it('[D3] kaizen: mechanic, die, a face, above 0, enough points', () => {
    const off = with_({ config: { ...scope.config, mechanics: { ...mechanics, kaizen: false } } });
    expect(canKaizen(off, 1)).toEqual({ code: 'kaizen.off' });
    expect(canKaizen(held({ trouble: { kind: 'exp', mean: 1 } }), 1)).toEqual({ code: 'kaizen.noDie' });
    expect(canKaizen(scope, 3)).toEqual({ code: 'kaizen.face' });
    expect(canKaizen(scope, 0)).toEqual({ code: 'kaizen.faceAtZero' });
    expect(canKaizen(held({ kaizenPoints: 1 }), 1)).toEqual({ code: 'kaizen.points', cost: 2 });
    expect(canKaizen(scope, 1)).toBeNull();
  });

  it('[D4] help: mechanic, a workshop, a neighbour, a worker, the commute', () => {
    const off = with_({ config: { ...scope.config, mechanics: { ...mechanics, workers: false } } });
    expect(canHelp(off, 4)).toEqual({ code: 'help.off' });
    expect(canHelp(scope, '4')).toEqual({ code: 'help.choose' });
    expect(canHelp(scope, 2)).toEqual({ code: 'help.notNeighbour' });
    expect(canHelp(held({ workers: 0 }), 4)).toEqual({ code: 'help.noWorker' });
    expect(canHelp(held({ coins: 2 }), 4)).toEqual({ code: 'help.coins', cost: 3 });
    expect(canHelp(scope, 4)).toBeNull();
  });

  it('[D5] suppliers: one per input, on offer, the mechanic on to switch, never twice', () => {
    const off = with_({ config: { ...scope.config, mechanics: { ...mechanics, supplierChoice: false } } });
    expect(canChooseSuppliers(scope, [0])).toEqual({ code: 'suppliers.count', count: 2 });
    expect(canChooseSuppliers(scope, [0, 2])).toEqual({ code: 'suppliers.notOffered', input: 2 });
    expect(canChooseSuppliers(off, [2, 3])).toEqual({ code: 'suppliers.off' });
    expect(
      canChooseSuppliers(
        held({
          suppliers: [0, 2],
          alternatives: [
            [0, 2],
            [2, 0],
          ],
        }),
        [2, 2],
      ),
    ).toEqual({
      code: 'suppliers.twice',
    });
    expect(canChooseSuppliers(scope, [2, 3])).toBeNull();
  });

  it('[D6] a commit: phase, round, seat, once, shape, and every part; the parsed decision otherwise', () => {
    expect(refusal(canCommit(with_({ status: 'council' }), 4, good))).toEqual({ code: 'commit.council' });
    expect(refusal(canCommit(with_({ status: 'over' }), 4, good))).toEqual({ code: 'commit.notPlaying' });
    expect(refusal(canCommit(scope, '4', good))).toEqual({ code: 'commit.wrongRound', round: '4', current: 4 });
    expect(refusal(canCommit(with_({ facilitator: true, workshop: null }), 4, good))).toEqual({
      code: 'commit.facilitator',
    });
    expect(refusal(canCommit({ ...scope, workshop: null }, 4, good))).toEqual({ code: 'commit.noWorkshop' });
    expect(refusal(canCommit(with_({ committed: true }), 4, good))).toEqual({ code: 'commit.already' });
    expect(refusal(canCommit(scope, 4, [good]))).toEqual({ code: 'commit.notObject' });
    expect(refusal(canCommit(scope, 4, { ...good, note: 1 }))).toEqual({ code: 'commit.unknownField', field: 'note' });
    expect(refusal(canCommit(scope, 4, { ...good, round: 3 }))).toEqual({ code: 'commit.otherRound' });
    expect(refusal(canCommit(scope, 4, { ...good, bins: [2] }))).toEqual({ code: 'commit.binsCount', count: 2 });
    expect(refusal(canCommit(scope, 4, { ...good, bins: [2, 11] }))).toEqual({ code: 'bin.tooHigh', max: 10 });
    expect(refusal(canCommit(scope, 4, { ...good, kaizenFace: 0 }))).toEqual({ code: 'kaizen.faceAtZero' });
    expect(refusal(canCommit(scope, 4, { ...good, help: 2 }))).toEqual({ code: 'help.notNeighbour' });
    expect(refusal(canCommit(scope, 4, { ...good, suppliers: [3, 3] }))).toEqual({
      code: 'suppliers.notOffered',
      input: 1,
    });
    expect(canCommit(scope, 4, { round: 4, bins: [1, 2], help: 4 })).toEqual({
      ok: true,
      value: { round: 4, bins: [1, 2], kaizenFace: null, help: 4, suppliers: null },
    });
  });
});

describe('refusals of council votes as data (C2)', () => {
  const sitting = with_({ status: 'council', council: { round: 4 } });
  it('[C2] a vote: a council, its round, a voter, once, a kind, its one field, a number in range', () => {
    expect(refusal(canVote(scope, 4, 'none'))).toEqual({ code: 'vote.noCouncil' });
    expect(refusal(canVote(sitting, 5, 'none'))).toEqual({ code: 'vote.wrongRound', round: 4 });
    expect(refusal(canVote({ ...sitting, workshop: null }, 4, 'none'))).toEqual({ code: 'vote.noVoter' });
    expect(refusal(canVote({ ...sitting, voted: true }, 4, 'none'))).toEqual({ code: 'vote.already' });
    expect(refusal(canVote(sitting, 4, { kind: 'quota', total: 1 }))).toEqual({ code: 'vote.kind' });
    expect(refusal(canVote(sitting, 4, { kind: 'floor', bin: 1, total: 2 }))).toEqual({
      code: 'vote.fields',
      kind: 'floor',
      fields: 'kind and bin',
    });
    expect(refusal(canVote(sitting, 4, { kind: 'budget', total: '9' }))).toEqual({ code: 'vote.notNumber' });
    expect(refusal(canVote(sitting, 4, { kind: 'floor', bin: 10.5 }))).toEqual({ code: 'vote.range', max: 10 });
    expect(refusal(canVote(sitting, 4, { kind: 'budget', total: 61 }))).toEqual({ code: 'vote.range', max: 60 });
    expect(canVote(sitting, 4, { kind: 'budget', total: 60 })).toEqual({
      ok: true,
      value: { kind: 'budget', total: 60 },
    });
    expect(canVote(sitting, 4, 'none')).toEqual({ ok: true, value: 'none' });
  });
});

describe('refusals of shocks as data (F3)', () => {
  const net: ShockScope = {
    status: 'playing',
    config: { mechanics },
    workshops: [
      { suppliers: [1], alternatives: [[]] },
      { suppliers: [0, 2], alternatives: [[], []] },
      { suppliers: [1], alternatives: [[]] },
    ],
  };
  it('[F3] a shock: a running game, an object of a known kind with its fields, in range, a real link', () => {
    const why = (s: ShockScope, shock: unknown) => refusal(canShock(s, shock));
    expect(why({ ...net, status: 'setup' }, { kind: 'delay', workshop: 0, hours: 1 })).toEqual({
      code: 'shock.notRunning',
    });
    expect(why(net, [])).toEqual({ code: 'shock.notObject' });
    expect(why(net, { kind: 'toString' })).toEqual({ code: 'shock.kind' });
    expect(why(net, { kind: 'delay', workshop: 0, hours: 1, extra: 1 })).toEqual({
      code: 'shock.fields',
      kind: 'delay',
      fields: 'kind, workshop, hours',
    });
    expect(why(net, { kind: 'delay', workshop: 3, hours: 1 })).toEqual({ code: 'shock.chooseWorkshop' });
    expect(why(net, { kind: 'delay', workshop: 0, hours: 101 })).toEqual({ code: 'shock.delayHours', max: 100 });
    expect(why(net, { kind: 'storm', workshops: [], rounds: 1, extra: 1 })).toEqual({ code: 'shock.stormRegion' });
    expect(why(net, { kind: 'storm', workshops: [0], rounds: 51, extra: 1 })).toEqual({
      code: 'shock.stormRounds',
      max: 50,
    });
    expect(why(net, { kind: 'storm', workshops: [0], rounds: 1, extra: 0 })).toEqual({
      code: 'shock.stormExtra',
      max: 20,
    });
    const spot = { ...net, config: { mechanics: { ...mechanics, spot: true } } };
    expect(why(spot, { kind: 'cut', workshop: 1, supplier: 0 })).toEqual({ code: 'shock.spotLinks' });
    expect(why(net, { kind: 'cut', workshop: 1, supplier: 1 })).toEqual({ code: 'shock.twoWorkshops' });
    expect(why(net, { kind: 'cut', workshop: 0, supplier: 2 })).toEqual({ code: 'shock.noLink' });
    expect(why(net, { kind: 'cut', workshop: 0, supplier: 1 })).toEqual({ code: 'shock.lastSupplier' });
    expect(why(net, { kind: 'open', workshop: 1, supplier: 0 })).toEqual({ code: 'shock.alreadyOpen' });
    const storm = { kind: 'storm', workshops: [0, 2], rounds: 2, extra: 1 };
    const parsed = canShock(net, storm);
    expect(parsed).toEqual({ ok: true, value: storm });
    expect(parsed.ok && parsed.value.kind === 'storm' && parsed.value.workshops).not.toBe(storm.workshops);
    expect(canShock(net, { kind: 'cut', workshop: 1, supplier: 0 })).toEqual({
      ok: true,
      value: { kind: 'cut', workshop: 1, supplier: 0 },
    });
  });
});

describe("refusals of the facilitator's moves as data (F1-F9, C5, G4)", () => {
  const g = {
    status: 'playing',
    round: 3,
    paused: false,
    councilCalled: false,
    config: { rounds: 10 },
    workshops: [{ seat: '1' }, { seat: null }],
  } as unknown as G;
  it('[F1][F2][F6][F7][F8][F9][C5][G4] each check names its reason', () => {
    expect(facilitatorOnly('1')).toEqual({ code: 'facilitator.only' });
    expect(facilitatorOnly('0')).toBeNull();
    expect(canStart(g)).toEqual({ code: 'facilitator.notSetup' });
    expect(canCloseRound(g, 2)).toEqual({ code: 'facilitator.wrongRound', round: '2', current: 3 });
    expect(canCloseRound({ ...g, status: 'over' }, 3)).toEqual({ code: 'facilitator.notRunning' });
    expect(canPause({ ...g, paused: true })).toEqual({ code: 'facilitator.paused' });
    expect(canPause({ ...g, status: 'over' })).toEqual({ code: 'facilitator.notRunning' });
    expect(canResume(g)).toEqual({ code: 'facilitator.notPaused' });
    expect(canConvene({ ...g, status: 'council' })).toEqual({ code: 'facilitator.notRunning' });
    expect(canConvene({ ...g, councilCalled: true })).toEqual({ code: 'facilitator.councilCalled' });
    expect(canConvene({ ...g, round: 10 })).toEqual({ code: 'facilitator.lastRound' });
    expect(canReveal('yes')).toEqual({ code: 'facilitator.notBoolean' });
    expect(canSetPresence(g, [], true)).toEqual({ ok: false, error: { code: 'facilitator.seats' } });
    expect(canSetPresence(g, '1', 'no')).toEqual({ ok: false, error: { code: 'facilitator.notBoolean' } });
    expect(canSetPresence(g, ['1', '2'], true)).toEqual({ ok: false, error: { code: 'facilitator.seats' } });
    expect(canSetPresence(g, '1', false)).toEqual({ ok: true, value: ['1'] });
    expect(canSetClock(g, 3, -1, null)).toEqual({ ok: false, error: { code: 'facilitator.clock' } });
    expect(canSetClock(g, 3, 5, null)).toEqual({ ok: true, value: { round: 3, deadline: 5, remainingMs: null } });
    expect(canEndGame({ ...g, status: 'setup' })).toEqual({ code: 'facilitator.notRunning' });
    for (const ok of [canCloseRound(g, 3), canPause(g), canConvene(g), canReveal(false), canEndGame(g)])
      expect(ok).toBeNull();
  });
});
