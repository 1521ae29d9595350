/**
 * [DB2] Counterfactual replays: `actual` reproduces the history exactly on every scenario, in
 * headless matches through the real boardgame.io game and in matches with humans, councils and
 * shocks driven through the game's moves; `bots` reproduces an all-bot match; `uniform` and
 * `raise` change only the bins ([M9] raising bins never raises a delay on the same dice).
 * [DB5] DebriefData from the full G.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, headlessSetup, historyDigest, playMatch } from '../../game/core/headless';
import { SCENARIOS } from '../../game/core/scenarios';
import { type SetupData, initialState, parseSetupData } from '../../game/core/setup';
import type { G, RoundRecord } from '../../game/core/types';
import {
  type CounterfactualSpec,
  checkCounterfactualSpec,
  compactHistory,
  counterfactual,
} from '../../game/debrief/counterfactual';
import { debriefData, scenarioLabModel } from '../../game/debrief/data';
import { toJson } from '../../game/debrief/export';
import { unwrap } from '../../game/engine/result';
import { resolveModel } from '../../game/lab/model';
import { prng } from '../client/board/fixtures';
import { Table, clone, decision, makeG } from '../game/fixtures';
import { endOfTurn } from '../../game/core/round';
import { nastyNetwork, playChaos } from './fixtures';

/** A headless all-bot match, and the full G the server would hold at its end. */
async function headlessG(setup: SetupData, policy: string): Promise<G> {
  const result = await playMatch(setup, { policy });
  const g = initialState(unwrap(parseSetupData(unwrap(headlessSetup(setup, policy)))));
  expect(g.config).toEqual(result.config);
  if (setup.seed?.policy !== 'fixed') throw new Error('use a fixed seed');
  g.secret.seed = setup.seed.value;
  g.history = clone(result.history) as RoundRecord[];
  g.status = 'over';
  g.round = result.final.round;
  return g;
}

/** Every scenario with its own autopilot, the selfish bot and one more policy (and the new road). */
function headlessCases(): { label: string; setup: SetupData; policy: string }[] {
  const extra = ['lean:1.5', 'cautious', 'steady:0', 'lean:3'];
  return [...SCENARIOS.values()].flatMap((s, k) => {
    const setup: SetupData = { scenario: s.id, humanSeats: 0, seed: { policy: 'fixed', value: `cf-${s.id}` } };
    const own = `${s.autopilot.name}:${s.autopilot.param}`;
    const policies = [...new Set([own, 'selfish', extra[k % extra.length]!])];
    const list = policies.map((policy) => ({ label: `${s.id} ${policy}`, setup, policy }));
    if (s.newRoad.length > 0)
      list.push({ label: `${s.id} selfish, new road`, setup: { ...setup, newRoad: true }, policy: 'selfish' });
    return list;
  });
}

function expectIdentity(g: G, where: string) {
  const replay = counterfactual(g, { kind: 'actual' });
  expect(replay, where).toEqual(g.history);
  expect(historyDigest(replay), where).toBe(historyDigest(g.history));
}

describe('[DB2] counterfactual: the identity', () => {
  it('[DB2] actual reproduces headless matches on every scenario (every policy kind, selfish supplier choice, spot market, new road)', async () => {
    for (const c of headlessCases()) {
      const g = await headlessG(c.setup, c.policy);
      expect(g.history.length, c.label).toBe(g.config.rounds);
      expectIdentity(g, c.label);
      // Everyone was on the session's autopilot and no council ruled: `bots` is the same match.
      expect(counterfactual(g, { kind: 'bots' }), `${c.label} bots`).toEqual(g.history);
    }
  }, 120_000);

  it('[DB2] actual reproduces matches with humans, absences, councils (floors, budgets) and delay, storm, cut and open shocks on every scenario', () => {
    const seen = {
      kinds: new Set<string>(),
      help: 0,
      kaizen: 0,
      choices: 0,
      floors: 0,
      budgets: 0,
      dropped: 0,
      added: 0,
    };
    for (const [k, s] of [...SCENARIOS.values()].entries()) {
      for (const variant of [0, 1]) {
        const rand = prng(100 * k + variant);
        const humans = variant === 0 ? Math.min(4, Math.floor(s.network.kind === 'custom' ? 4 : s.network.n / 3)) : 2;
        const g = makeG(
          { scenario: s.id, humanSeats: humans, ...(s.newRoad.length > 0 && variant === 1 ? { newRoad: true } : {}) },
          { seed: `chaos-${s.id}-${variant}`, config: { councilRounds: [4, 9] } },
        );
        const t = new Table(g);
        let rules = 0;
        const before = endOfRound(t, () => {
          if (g.rule?.kind === 'floor') seen.floors++;
          if (g.rule?.kind === 'budget') seen.budgets++;
          rules++;
        });
        playChaos(t, rand);
        before();
        for (const [r, h] of g.history.entries())
          for (const shock of h.shocks) {
            seen.kinds.add(shock.kind);
            // A cut that dropped an input, an open that added one: the row's layout is post-shock.
            if (r === 0 || (shock.kind !== 'cut' && shock.kind !== 'open')) continue;
            const w = shock.workshop;
            const inputs = (round: number) => g.history[round]?.workshops[w]?.suppliers.length ?? 0;
            if (shock.kind === 'cut' && inputs(r) < inputs(r - 1)) seen.dropped++;
            if (shock.kind === 'open' && inputs(r) > inputs(r - 1)) seen.added++;
          }
        for (const h of g.history)
          for (const row of h.workshops) {
            if (row.help !== null) seen.help++;
            if (row.kaizen !== null) seen.kaizen++;
          }
        seen.choices += g.history.filter((h, r) =>
          h.workshops.some(
            (row, i) => r > 0 && row.suppliers.join() !== g.history[r - 1]!.workshops[i]!.suppliers.join(),
          ),
        ).length;
        expect(rules).toBeGreaterThan(0);
        expectIdentity(g, `${s.id} chaos ${variant}`);
      }
    }
    // The matches exercised what they claim to.
    expect([...seen.kinds].sort()).toEqual(['cut', 'delay', 'open', 'storm']);
    expect(seen.help).toBeGreaterThan(0);
    expect(seen.kaizen).toBeGreaterThan(0);
    expect(seen.choices).toBeGreaterThan(0);
    expect(seen.floors).toBeGreaterThan(0);
    expect(seen.budgets).toBeGreaterThan(0);
    expect(seen.dropped).toBeGreaterThan(0);
    expect(seen.added).toBeGreaterThan(0);
  });

  it('[DB2] actual reproduces a hand-made custom network with hostile names', () => {
    const g = makeG({ network: nastyNetwork(), humanSeats: 3, rounds: 8 }, { seed: 'cut' });
    const t = new Table(g);
    playChaos(t, prng(7));
    expectIdentity(g, 'custom network');
  });
});

/** Call `check` after every endOfTurn of the table's G (to count council rules in force). */
function endOfRound(t: Table, check: () => void): () => void {
  const settle = t.settle.bind(t);
  t.settle = () => {
    const ended = settle();
    if (ended > 0) check();
    return ended;
  };
  return () => (t.settle = settle);
}

describe('[DB2] counterfactual: changed decisions', () => {
  const base = async () =>
    headlessG({ scenario: 'two-inputs', humanSeats: 0, seed: { policy: 'fixed', value: 'cf-changed' } }, 'lean:1');

  it('[DB2] uniform sets every bin of every round; raise lifts one workshop; both keep the dice', async () => {
    const g = await base();
    const uniform = counterfactual(g, { kind: 'uniform', bin: 2.3 });
    expect(uniform).toHaveLength(g.history.length);
    for (const [r, h] of uniform.entries()) {
      expect(h.round).toBe(r + 1);
      for (const [i, row] of h.workshops.entries()) {
        expect(row.bins.every((b) => b === 2.3)).toBe(true);
        expect(row.trouble).toBe(g.history[r]!.workshops[i]!.trouble);
        expect(row.suppliers).toEqual(g.history[r]!.workshops[i]!.suppliers);
      }
    }
    const raised = counterfactual(g, { kind: 'raise', workshop: 3, bin: 4 });
    for (const [r, h] of raised.entries())
      for (const [i, row] of h.workshops.entries()) {
        const played = g.history[r]!.workshops[i]!;
        expect(row.bins).toEqual(i === 3 ? played.bins.map((b) => Math.max(b, 4)) : played.bins);
      }
  });

  it('[DB2][M9] raising bins never raises any lateness on the same dice', async () => {
    const g = await base();
    for (const spec of [
      { kind: 'raise', workshop: 0, bin: 3 },
      { kind: 'raise', workshop: 7, bin: 10 },
      { kind: 'uniform', bin: g.config.maxBin },
    ] as const) {
      const replay = counterfactual(g, spec);
      let lower = 0;
      replay.forEach((h, r) =>
        h.workshops.forEach((row, i) => {
          const played = g.history[r]!.workshops[i]!.lateness;
          expect(row.lateness).toBeLessThanOrEqual(played);
          if (row.lateness < played) lower++;
        }),
      );
      expect(lower, JSON.stringify(spec)).toBeGreaterThan(0);
    }
  });

  it('[DB2] bots replaces the humans by the autopilot and drops the council', () => {
    const g = makeG({ scenario: 'foggy-cliff', humanSeats: 4 }, { seed: 'bots' });
    const t = new Table(g);
    playChaos(t, prng(3));
    const bots = counterfactual(g, { kind: 'bots' });
    expect(bots).toHaveLength(g.history.length);
    expect(bots.every((h) => h.workshops.every((row) => row.autopilot))).toBe(true);
    expect(bots).not.toEqual(g.history);
    // The dice are the same: the first round (before any decision took effect) is identical but for autopilot flags.
    expect(bots[0]!.workshops.map((row) => row.trouble)).toEqual(g.history[0]!.workshops.map((row) => row.trouble));
  });

  it('[DB2] is deterministic bit for bit, and does not touch the G', async () => {
    const g = await base();
    const before = canonicalJson(g);
    const specs: CounterfactualSpec[] = [
      { kind: 'actual' },
      { kind: 'bots' },
      { kind: 'uniform', bin: 1.7 },
      { kind: 'raise', workshop: 2, bin: 3.3 },
    ];
    for (const spec of specs)
      expect(canonicalJson(counterfactual(g, spec))).toBe(canonicalJson(counterfactual(g, spec)));
    expect(canonicalJson(g)).toBe(before);
  });

  it('[DB2] refuses a bad spec with a message; an unstarted session has nothing to replay', () => {
    const g = makeG();
    const bad: [unknown, RegExp][] = [
      [null, /object/],
      [{ kind: 'magic' }, /kind/],
      [{ kind: 'toString' }, /kind/],
      [{ kind: 'constructor' }, /kind/],
      [{ kind: '__proto__' }, /kind/],
      [{ kind: 'valueOf' }, /kind/],
      [{ kind: 'uniform' }, /bin/],
      [{ kind: 'uniform', bin: -1 }, /bin/],
      [{ kind: 'uniform', bin: 11 }, /bin/],
      [{ kind: 'uniform', bin: Number.NaN }, /bin/],
      [{ kind: 'raise', workshop: 12, bin: 2 }, /workshop/],
      [{ kind: 'raise', workshop: 1.5, bin: 2 }, /workshop/],
      [{ kind: 'actual', bin: 2 }, /no field "bin"/],
    ];
    for (const [spec, message] of bad) {
      expect(checkCounterfactualSpec(g, spec), JSON.stringify(spec)).toMatch(message);
      expect(() => counterfactual(g, spec as CounterfactualSpec)).toThrow(message);
    }
    expect(checkCounterfactualSpec(g, { kind: 'raise', workshop: 11, bin: 10 })).toBeNull();
    expect(counterfactual(makeG({}, { unstarted: true }), { kind: 'actual' })).toEqual([]);
  });

  it('[DB2] compactHistory keeps what the charts draw', () => {
    const g = makeG({ humanSeats: 0 }, { seed: 'compact' });
    const t = new Table(g);
    t.close();
    t.close();
    const compact = compactHistory(g.history);
    expect(compact).toHaveLength(2);
    const [h, c] = [g.history[1]!, compact[1]!];
    expect(c).toEqual({
      round: 2,
      meanLateness: h.meanLateness,
      breachRate: h.breachRate,
      meanBin: h.meanBin,
      totalCost: h.totalCost,
      lateness: h.workshops.map((w) => w.lateness),
      breached: h.workshops.map((w) => (w.breached ? 1 : 0)),
      binding: h.workshops.map((w) => w.binding),
    });
  });
});

describe('[DB5] debriefData', () => {
  it('[DB5] holds the scenario text, the players by seat, the whole history and never the seed', () => {
    const g = makeG({ scenario: 'two-inputs', humanSeats: 2 }, { seed: 'secret-seed-123' });
    const t = new Table(g);
    for (let r = 0; r < 3; r++) t.close();
    const data = debriefData(g, { '1': 'Ada', '2': 'Grace', '7': 'nobody' });
    const scenario = SCENARIOS.get('two-inputs')!;
    expect(data.format).toBe('kanban-cascade-debrief/1');
    expect(data.scenario).toEqual({
      id: 'two-inputs',
      title: scenario.title,
      story: scenario.story,
      learningGoal: scenario.learningGoal,
      questions: scenario.questions,
    });
    expect(data.workshops.filter((w) => w.player !== null).map((w) => [w.index, w.player])).toEqual([
      [0, 'Ada'],
      [6, 'Grace'],
    ]);
    expect(data.history).toEqual(g.history);
    expect(data.history).not.toBe(g.history);
    expect(data.status).toBe('playing');
    expect(data.round).toBe(4);
    expect(data.criticalBuffer).toEqual({ value: 1.852, standardError: scenario.criticalBuffer.standardError });
    expect(toJson(data)).not.toContain('secret-seed-123');
    // A player without a name (or a name for another seat) is not invented.
    expect(debriefData(g, {}).workshops.every((w) => w.player === null)).toBe(true);
  });

  it('[DB5] the lab model is the session’s own map at round 1 (a generated one drawn from the seed)', () => {
    const g = makeG({ scenario: 'two-inputs', humanSeats: 0 }, { seed: 'map' });
    const round1 = g.workshops.map((w) => w.suppliers.map((j) => g.workshops[j]!.id));
    const t = new Table(g);
    t.close();
    const data = debriefData(g, {});
    expect(data.lab.noise).toBe(g.config.trouble);
    expect(data.lab.spread).toBe(0);
    const network = (data.lab.topology as { kind: 'custom'; network: { workshops: { suppliers: string[] }[] } })
      .network;
    expect(data.lab.topology.kind).toBe('custom');
    expect(network.workshops.map((w) => w.suppliers)).toEqual(round1);
    expect(unwrap(resolveModel(data.lab)).n).toBe(12);
  });

  it('[DB5] a hand-made network is its scenario lab model; a spot market is the spot topology; custom setups have no story', () => {
    const road = makeG({ scenario: 'new-road', humanSeats: 0 }, { seed: 'road' });
    expect(debriefData(road, {}).lab).toEqual(
      scenarioLabModel(SCENARIOS.get('new-road')!.network, road.config.trouble),
    );
    const spot = makeG({ scenario: 'spot-market', humanSeats: 0 }, { seed: 'spot' });
    expect(debriefData(spot, {}).lab).toEqual({
      topology: { kind: 'spot', n: 16, k: 2 },
      noise: spot.config.trouble,
      spread: 0,
    });
    expect(scenarioLabModel({ kind: 'ring', n: 12, k: 1 }, 'd6')).toEqual({
      topology: { kind: 'ring', n: 12, k: 1 },
      noise: 'd6',
      spread: 0,
    });
    const custom = makeG({ network: nastyNetwork(), humanSeats: 1 }, { seed: 'custom' });
    const data = debriefData(custom, {});
    expect(data.scenario).toEqual({
      id: 'custom',
      title: 'Custom network',
      story: '',
      learningGoal: '',
      questions: [],
    });
    expect(data.criticalBuffer).toBeNull();
    expect(unwrap(resolveModel(data.lab)).n).toBe(12);
    // The new road open: the lab network includes the opened inputs.
    const open = makeG({ scenario: 'new-road', humanSeats: 0, newRoad: true }, { seed: 'road' });
    // The new road open: its links are new choices, so the map at round 1 (every input at its
    // initial supplier) is the same; the lab does not model choices.
    expect(debriefData(open, {}).lab).toEqual(debriefData(road, {}).lab);
    expect(
      open.workshops.some(
        (w) => w.alternatives.flat().length > road.workshops.find((x) => x.id === w.id)!.alternatives.flat().length,
      ),
    ).toBe(true);
  });
});

describe('DB2 counterfactual "bots" in a challenge (B6)', () => {
  it('DB2 mirroring bots play the scenario autopilot in the all-bots replay, not the starting bins for ever', () => {
    const g = makeG({ humanSeats: 1, autopilot: 'mirror', scenario: 'foggy-cliff' });
    const me = g.workshops.findIndex((w) => w.seat === '1');
    for (let r = 0; r < 6; r++) {
      g.committed['1'] = decision(g, me, 0.5);
      endOfTurn(g);
    }
    // The real game's bots mirrored the player's 0.5 from round 2.
    expect(g.history[1]!.workshops.every((row) => row.bins.every((b) => b === 0.5))).toBe(true);
    const bots = counterfactual(g, { kind: 'bots' });
    // foggy-cliff's own autopilot is lean:2.5: the replay is that policy's, and it moved the bins.
    const lean = counterfactual(
      { ...g, config: { ...g.config, autopilot: { name: 'lean', param: 2.5 } } },
      { kind: 'bots' },
    );
    expect(bots).toEqual(lean);
    expect(bots.slice(1).some((record) => record.workshops.some((row) => row.bins.some((b) => b !== 2.5)))).toBe(true);
  });
});
