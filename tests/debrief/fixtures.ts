/**
 * Fixtures for the debrief tests: hand-made round records (exact numbers), a custom network whose
 * names try to break CSV, and DebriefData built from them with overrides.
 */
import type { RoundRecord, Shock, WorkshopRound } from '../../game/core/types';
import { DEBRIEF_FORMAT, type DebriefData, type DebriefWorkshop } from '../../game/debrief/types';
import { makeG } from '../game/fixtures';

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
