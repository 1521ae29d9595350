/**
 * Every refusal code (game/core/refusals.ts) has an English text and a translated message
 * (client/i18n/en/refusals.ts); the compiler checks that both exist for every code, this test
 * that they differ from code to code and show every parameter of the refusal (D1-D6, C2, F1-F9).
 */
import { describe, expect, it } from 'vitest';
import { type RefusalCode, type RefusalOf, refusalParams, refusalText } from '../../game/core/refusals';
import { explain } from '../../client/board/format';

/** One refusal per code, with parameters unlikely to appear in any text by chance. */
const SAMPLES: { readonly [C in RefusalCode]: RefusalOf<C> } = {
  'bin.notNumber': { code: 'bin.notNumber' },
  'bin.negative': { code: 'bin.negative' },
  'bin.belowFloor': { code: 'bin.belowFloor', floor: 7.25 },
  'bin.tooHigh': { code: 'bin.tooHigh', max: 17.5 },
  'kaizen.off': { code: 'kaizen.off' },
  'kaizen.noDie': { code: 'kaizen.noDie' },
  'kaizen.face': { code: 'kaizen.face' },
  'kaizen.faceAtZero': { code: 'kaizen.faceAtZero' },
  'kaizen.points': { code: 'kaizen.points', cost: 37 },
  'help.off': { code: 'help.off' },
  'help.choose': { code: 'help.choose' },
  'help.notNeighbour': { code: 'help.notNeighbour' },
  'help.noWorker': { code: 'help.noWorker' },
  'help.coins': { code: 'help.coins', cost: 43 },
  'suppliers.count': { code: 'suppliers.count', count: 47 },
  'suppliers.notOffered': { code: 'suppliers.notOffered', input: 53 },
  'suppliers.off': { code: 'suppliers.off' },
  'suppliers.twice': { code: 'suppliers.twice' },
  'commit.council': { code: 'commit.council' },
  'commit.notPlaying': { code: 'commit.notPlaying' },
  'commit.wrongRound': { code: 'commit.wrongRound', round: 'r59', current: 61 },
  'commit.facilitator': { code: 'commit.facilitator' },
  'commit.noWorkshop': { code: 'commit.noWorkshop' },
  'commit.already': { code: 'commit.already' },
  'commit.notObject': { code: 'commit.notObject' },
  'commit.unknownField': { code: 'commit.unknownField', field: 'fieldx' },
  'commit.otherRound': { code: 'commit.otherRound' },
  'commit.binsCount': { code: 'commit.binsCount', count: 67 },
  'vote.noCouncil': { code: 'vote.noCouncil' },
  'vote.wrongRound': { code: 'vote.wrongRound', round: 71 },
  'vote.noVoter': { code: 'vote.noVoter' },
  'vote.already': { code: 'vote.already' },
  'vote.kind': { code: 'vote.kind' },
  'vote.fields': { code: 'vote.fields', kind: 'budget', fields: 'fieldsy' },
  'vote.notNumber': { code: 'vote.notNumber' },
  'vote.range': { code: 'vote.range', max: 73 },
  'shock.notRunning': { code: 'shock.notRunning' },
  'shock.notObject': { code: 'shock.notObject' },
  'shock.kind': { code: 'shock.kind' },
  'shock.fields': { code: 'shock.fields', kind: 'kindz', fields: 'fieldsz' },
  'shock.chooseWorkshop': { code: 'shock.chooseWorkshop' },
  'shock.delayHours': { code: 'shock.delayHours', max: 79 },
  'shock.stormRegion': { code: 'shock.stormRegion' },
  'shock.stormRounds': { code: 'shock.stormRounds', max: 83 },
  'shock.stormExtra': { code: 'shock.stormExtra', max: 89 },
  'shock.spotLinks': { code: 'shock.spotLinks' },
  'shock.twoWorkshops': { code: 'shock.twoWorkshops' },
  'shock.noLink': { code: 'shock.noLink' },
  'shock.lastSupplier': { code: 'shock.lastSupplier' },
  'shock.alreadyOpen': { code: 'shock.alreadyOpen' },
  'facilitator.only': { code: 'facilitator.only' },
  'facilitator.notSetup': { code: 'facilitator.notSetup' },
  'facilitator.notRunning': { code: 'facilitator.notRunning' },
  'facilitator.wrongRound': { code: 'facilitator.wrongRound', round: 'r97', current: 101 },
  'facilitator.paused': { code: 'facilitator.paused' },
  'facilitator.notPaused': { code: 'facilitator.notPaused' },
  'facilitator.councilCalled': { code: 'facilitator.councilCalled' },
  'facilitator.lastRound': { code: 'facilitator.lastRound' },
  'facilitator.notBoolean': { code: 'facilitator.notBoolean' },
  'facilitator.seats': { code: 'facilitator.seats' },
  'facilitator.clock': { code: 'facilitator.clock' },
};

const samples = Object.values(SAMPLES);

describe('refusal codes in words (D1-D6, C2, F1-F9)', () => {
  it.each([
    ['English (refusalText)', refusalText],
    ['translated (explain)', explain],
  ] as const)('[D1-D6][C2][F3] every code has its own %s message showing every parameter', (_name, words) => {
    const texts = samples.map((r) => words(r));
    expect(new Set(texts).size, 'two codes share a message').toBe(samples.length);
    samples.forEach((r, i) => {
      const text = texts[i]!;
      expect(text.trim(), r.code).not.toBe('');
      expect(text, r.code).not.toMatch(/\{\w+\}/);
      for (const value of Object.values(refusalParams(r)))
        expect(text, `${r.code} shows ${value}`).toContain(String(value));
    });
  });
});
