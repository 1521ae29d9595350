/**
 * Fixtures for the debrief tests: hand-made round records (exact numbers), a custom network whose
 * names try to break CSV, and DebriefData built from them with overrides.
 */
import { binFloor, canChooseSuppliers, canHelp, canKaizen } from '../../game/core/decisions';
import { workshopScope } from '../../game/core/scope';
import {
  type Decision,
  FACILITATOR,
  type G,
  type RoundRecord,
  type Shock,
  type WorkshopRound,
} from '../../game/core/types';
import { neighbours } from '../../game/core/world';
import { DEBRIEF_FORMAT, type DebriefData, type DebriefWorkshop } from '../../game/debrief/types';
import { type Table, makeG } from '../game/fixtures';

/** One row: by default one input from workshop 1, nothing late, bin 1. */
export function row(overrides: Partial<WorkshopRound> = {}): WorkshopRound {
  return {
    lateness: 0,
    trouble: 0,
    binding: 1,
    breached: false,
    bins: [1],
    suppliers: [1],
    incoming: [0],
    rent: 1,
    penalty: 0,
    autopilot: true,
    help: null,
    kaizen: null,
    ...overrides,
  };
}

/** A round record with the network aggregates computed from its rows (commuting left out). */
export function record(round: number, rows: readonly WorkshopRound[], shocks: readonly Shock[] = []): RoundRecord {
  const slots = rows.reduce((s, r) => s + r.bins.length, 0);
  return {
    round,
    workshops: rows,
    meanLateness: rows.reduce((s, r) => s + r.lateness, 0) / rows.length,
    breachRate: rows.filter((r) => r.breached).length / rows.length,
    meanBin: rows.reduce((s, r) => s + r.bins.reduce((a, b) => a + b, 0), 0) / slots,
    totalCost: rows.reduce((s, r) => s + r.rent + r.penalty, 0),
    shocks,
  };
}

/**
 * Three workshops, three rounds, every number exact in binary. w1 needs w2 and w0; w2 needs w1;
 * w0 needs w2. Round 1: w0 rolls 3. Round 2: w1's bin of 1 on w0 breaks (3 - 1 = 2 inherited,
 * + 0.25 trouble). Round 3: w2's bin of 0.5 on w1 breaks (2.25 - 0.5 = 1.75, + 1 trouble).
 */
export function cascade(): RoundRecord[] {
  return [
    record(1, [
      row({ suppliers: [2], incoming: [0], bins: [1], trouble: 3, lateness: 3, binding: 2 }),
      row({ suppliers: [2, 0], incoming: [0, 0], bins: [1, 1], trouble: 0.5, lateness: 0.5, binding: 2 }),
      row({ suppliers: [1], incoming: [0], bins: [1], trouble: 0, lateness: 0, binding: 1 }),
    ]),
    record(2, [
      row({ suppliers: [2], incoming: [0], bins: [1], trouble: 1, lateness: 1, binding: 2 }),
      row({
        suppliers: [2, 0],
        incoming: [0, 3],
        bins: [1, 1],
        trouble: 0.25,
        lateness: 2.25,
        binding: 0,
        breached: true,
        penalty: 2.25,
      }),
      row({ suppliers: [1], incoming: [0.5], bins: [1], trouble: 0, lateness: 0, binding: 1 }),
    ]),
    record(3, [
      row({ suppliers: [2], incoming: [0], bins: [1], trouble: 0.5, lateness: 0.5, binding: 2 }),
      row({ suppliers: [2, 0], incoming: [0, 1], bins: [1, 1], trouble: 0, lateness: 0, binding: 0 }),
      row({
        suppliers: [1],
        incoming: [2.25],
        bins: [0.5],
        trouble: 1,
        lateness: 2.75,
        binding: 1,
        breached: true,
        rent: 0.5,
        penalty: 2.75,
      }),
    ]),
  ];
}

/** Workshop names and player names that try to break a CSV file or a spreadsheet. */
export const NASTY_NAMES = [
  'Rolling mill, Ltd.',
  'Pump "maker"',
  'Line one\nline two',
  'CR\r\nLF',
  '=HYPERLINK("http://x","y")',
  '+1',
  '-2',
  '@SUM(A1)',
  "'quoted",
  '\tTab',
  '工场 🏭 é',
  '  spaces  ',
] as const;

/** Id of workshop i in the nasty network: every third starts with "-" (a formula trigger). */
export const nastyId = (i: number) => (i % 3 === 0 ? `-w${i}` : `w${i}`);

/** A hand-made network of `n` workshops in a ring (workshop i needs i - 1) with the nasty names. */
export function nastyNetwork(n = NASTY_NAMES.length) {
  return {
    kind: 'custom',
    workshops: Array.from({ length: n }, (_, i) => ({
      id: nastyId(i),
      name: NASTY_NAMES[i % NASTY_NAMES.length]!,
      inputs: [nastyId((i + n - 1) % n)],
    })),
  };
}

/** DebriefData around a history (no G needed), with overrides. */
export function debriefOf(history: RoundRecord[], overrides: Partial<DebriefData> = {}): DebriefData {
  const g = makeG({ humanSeats: 0 });
  const n = history[0]?.workshops.length ?? 0;
  const workshops: DebriefWorkshop[] = Array.from({ length: n }, (_, index) => ({
    index,
    id: `w${index}`,
    name: `Workshop ${index}`,
    player: null,
  }));
  return {
    format: DEBRIEF_FORMAT,
    config: { ...g.config, workshops: n },
    scenario: { id: 'two-inputs', title: 'Two inputs', story: '', learningGoal: '', questions: [] },
    status: 'over',
    round: history.length,
    workshops,
    history,
    lab: { topology: { kind: 'fixed', n, k: 2 }, noise: g.config.trouble, spread: 0 },
    criticalBuffer: null,
    ...overrides,
  };
}

/**
 * Play a whole match through the game's real moves and `endOfTurn` on a plain G (the `Table` of
 * tests/game/fixtures.ts), with everything the headless runner cannot do: human seats committing
 * random legal decisions (bins, supplier choices, help, kaizen), absences, facilitator shocks of
 * every kind, convened councils and votes. Deterministic for a given `rand`.
 */
export function playChaos(t: Table, rand: () => number): void {
  const g = t.g;
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(rand() * list.length)];
  const n = g.workshops.length;
  for (let guard = 0; g.status !== 'over' && guard < 4 * g.config.rounds + 10; guard++) {
    if (g.status === 'council') {
      for (const w of g.workshops) {
        if (w.seat === null || g.absent.includes(w.seat) || rand() < 0.2) continue;
        const roll = rand();
        const slots = g.workshops.reduce((s, x) => s + x.suppliers.length, 0);
        const proposal =
          roll < 0.45
            ? { kind: 'floor', bin: Math.round(rand() * g.config.maxBin * 40) / 100 }
            : roll < 0.9
              ? { kind: 'budget', total: Math.round(rand() * slots * g.config.maxBin * 50) / 100 }
              : 'none';
        t.move(w.seat, 'vote', g.round, proposal);
      }
      if (t.settle() === 0) t.close();
      continue;
    }
    // The facilitator: presence changes, shocks, now and then a council.
    const seats = g.workshops.map((w) => w.seat).filter((s): s is string => s !== null);
    if (seats.length > 0 && rand() < 0.15) t.move(FACILITATOR, 'setPresence', pick(seats)!, rand() < 0.5);
    if (rand() < 0.35) {
      const a = Math.floor(rand() * n);
      const b = Math.floor(rand() * n);
      const kind = pick(['delay', 'storm', 'cut', 'open', 'cut'] as const)!;
      const w = g.workshops[a]!;
      const shock =
        kind === 'delay'
          ? { kind, workshop: a, hours: 0.5 + Math.round(rand() * 80) / 10 }
          : kind === 'storm'
            ? {
                kind,
                workshops: [a, b].filter((x, i, l) => l.indexOf(x) === i),
                rounds: 1 + Math.floor(rand() * 4),
                extra: 1.5,
              }
            : kind === 'cut'
              ? { kind, workshop: a, supplier: pick([...w.suppliers, ...w.alternatives.flat()]) ?? b }
              : { kind, workshop: a, supplier: b };
      t.move(FACILITATOR, 'shock', shock);
    }
    if (rand() < 0.08) t.move(FACILITATOR, 'convene');
    const round = g.round;
    g.workshops.forEach((w, i) => {
      if (w.seat === null || g.absent.includes(w.seat) || rand() < 0.15) return;
      t.commit(w.seat, randomDecision(g, i, rand));
    });
    if (g.round === round && g.status === 'playing' && t.settle() === 0) t.close();
  }
  if (g.status !== 'over') throw new Error(`the chaos match did not end (round ${g.round}, ${g.status})`);
}

/** A random decision that the game accepts for workshop i (checked with the game's predicates). */
export function randomDecision(g: G, i: number, rand: () => number): Decision {
  const w = g.workshops[i]!;
  const floor = binFloor(g);
  const scope = workshopScope(g, i);
  const bins = w.suppliers.map(() => Math.round((floor + rand() * (g.config.maxBin - floor)) * 100) / 100);
  const faces = w.trouble.kind === 'die' ? w.trouble.die.faces.map((_, f) => f) : [];
  const kaizen = faces.filter((f) => canKaizen(scope, f) === null);
  const help = neighbours(g, i).filter((j) => canHelp(scope, j) === null);
  let suppliers: number[] | null = null;
  if (g.config.mechanics.supplierChoice && w.alternatives.some((a) => a.length > 0) && rand() < 0.5) {
    const choice = w.suppliers.map((s, slot) => {
      const options = w.alternatives[slot]!;
      return options.length > 0 ? options[Math.floor(rand() * options.length)]! : s;
    });
    if (canChooseSuppliers(scope, choice) === null) suppliers = choice;
  }
  return {
    round: g.round,
    bins,
    kaizenFace: kaizen.length > 0 && rand() < 0.5 ? kaizen[Math.floor(rand() * kaizen.length)]! : null,
    help: help.length > 0 && rand() < 0.3 ? help[Math.floor(rand() * help.length)]! : null,
    suppliers,
  };
}
