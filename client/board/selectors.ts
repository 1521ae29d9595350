/**
 * Pure selectors of the player board: everything the board shows or checks is derived here from
 * the view a seat receives (game/core/view.ts), never from G. The checks apply the SAME rules as
 * the game's predicates (canSetBin, canKaizen, canHelp, canChooseSuppliers, canCommit, canVote:
 * rules D1-D6, C2), rewritten over the view; tests/client/board prove they agree. A check returns
 * null or a `Problem`: a message key of the board's catalogue with its parameters.
 */
import type { MessageKey } from '../i18n';
import type { CouncilProposal, Decision, WorkshopRound } from '../../game/core/types';
import type { PublicWorkshop, SeatView, View } from '../../game/core/view';

export interface Problem {
  readonly key: MessageKey;
  readonly params?: Record<string, string | number>;
}

const problem = (key: MessageKey, params?: Record<string, string | number>): Problem =>
  params ? { key, params } : { key };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isWholeNumber = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

// ---------------------------------------------------------------- input parsing

/** A number typed by a person: "2.5", "2,5", " 3 ". Anything else (or blank) is NaN. */
export function parseHours(text: string): number {
  const cleaned = text.trim().replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

/** A bin as the stepper shows it: rounded to hundredths (as the bots round theirs, B0). */
export const roundBin = (hours: number): number => Math.round(hours * 100) / 100;

// ---------------------------------------------------------------- the rules, over the view

/** D2: the lowest bin allowed now (the council's floor), 0 otherwise. */
export const binFloor = (view: Pick<View, 'rule'>): number => (view.rule?.kind === 'floor' ? view.rule.bin : 0);

/** D1/D2 (canSetBin): a finite number of hours from the floor to the scenario's maximum. */
export function checkBin(view: Pick<View, 'rule' | 'config'>, value: unknown): Problem | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return problem('board.check.binNumber');
  const floor = binFloor(view);
  if (value < floor) return floor > 0 ? problem('board.check.binFloor', { floor }) : problem('board.check.binNegative');
  if (value > view.config.maxBin) return problem('board.check.binMax', { max: view.config.maxBin });
  return null;
}

/** D3 (canKaizen): the mechanic on, a die, a face that can still go down, enough points. */
export function checkKaizen(view: SeatView, face: unknown): Problem | null {
  const { me, config } = view;
  if (!config.mechanics.kaizen) return problem('board.check.kaizenOff');
  if (me.trouble.kind !== 'die') return problem('board.check.kaizenDie');
  const faces = me.trouble.die.faces;
  if (!isWholeNumber(face) || face < 0 || face >= faces.length) return problem('board.check.kaizenFace');
  if (faces[face]! < 1) return problem('board.check.kaizenZero');
  if (me.kaizenPoints < config.costs.kaizenCost)
    return problem('board.check.kaizenPoints', { cost: config.costs.kaizenCost });
  return null;
}

/** My direct neighbours (suppliers and customers), as canHelp's `neighbours` sees them. */
export function neighbourIndices(view: SeatView): number[] {
  const set = new Set<number>([...view.me.suppliers, ...view.customers.map((c) => c.index)]);
  set.delete(view.me.index);
  return [...set].sort((a, b) => a - b);
}

/** D4 (canHelp): workers on, a direct neighbour, a free worker, the commuting coins. */
export function checkHelp(view: SeatView, target: unknown): Problem | null {
  const { me, config } = view;
  if (!config.mechanics.workers) return problem('board.check.helpOff');
  if (!isWholeNumber(target)) return problem('board.check.helpChoose');
  if (!neighbourIndices(view).includes(target)) return problem('board.check.helpNeighbour');
  if (me.workers < 1) return problem('board.check.helpWorker');
  if (me.coins < config.costs.commute) return problem('board.check.helpCoins', { cost: config.costs.commute });
  return null;
}

/** The suppliers on offer for input `slot`: its alternatives, or only the current one. */
export function supplierOptions(view: SeatView, slot: number): number[] {
  const alternatives = view.me.alternatives[slot] ?? [];
  return alternatives.length > 0 ? [...alternatives] : [view.me.suppliers[slot]!];
}

/** D5 (canChooseSuppliers): one offered supplier per input, never the same one twice. */
export function checkSuppliers(view: SeatView, choice: unknown): Problem | null {
  const { me, config } = view;
  if (!Array.isArray(choice) || choice.length !== me.suppliers.length)
    return problem('board.check.suppliersCount', { count: me.suppliers.length });
  for (const [slot, s] of choice.entries()) {
    if (!supplierOptions(view, slot).includes(s as number))
      return problem('board.check.supplierOffer', { input: slot + 1 });
    if (s !== me.suppliers[slot] && !config.mechanics.supplierChoice) return problem('board.check.supplierOff');
  }
  if (new Set(choice).size !== choice.length) return problem('board.check.supplierTwice');
  return null;
}

const DECISION_KEYS = ['round', 'bins', 'kaizenFace', 'help', 'suppliers'];

/** D6 (canCommit) over the seat's view: the current round, not committed yet, every part valid. */
export function checkCommit(view: View, round: unknown, decision: unknown): Problem | null {
  if (view.status !== 'playing')
    return problem(view.status === 'council' ? 'board.check.council' : 'board.check.notPlaying');
  if (round !== view.round) return problem('board.check.oldRound', { round: String(round), current: view.round });
  if (view.role !== 'player') return problem('board.check.noWorkshop');
  if (view.committed) return problem('board.check.committed');
  if (!isRecord(decision)) return problem('board.check.shape');
  if (Object.keys(decision).some((k) => !DECISION_KEYS.includes(k))) return problem('board.check.shape');
  if (decision.round !== round) return problem('board.check.shape');
  const bins = decision.bins;
  if (!Array.isArray(bins) || bins.length !== view.me.suppliers.length)
    return problem('board.check.binsCount', { count: view.me.suppliers.length });
  for (const b of bins) {
    const e = checkBin(view, b);
    if (e) return e;
  }
  const kaizenFace = decision.kaizenFace ?? null;
  if (kaizenFace !== null) {
    const e = checkKaizen(view, kaizenFace);
    if (e) return e;
  }
  const help = decision.help ?? null;
  if (help !== null) {
    const e = checkHelp(view, help);
    if (e) return e;
  }
  const suppliers = decision.suppliers ?? null;
  return suppliers === null ? null : checkSuppliers(view, suppliers);
}

/** C2 (canVote) over the view. `voted`: this seat's vote for this council was already sent. */
export function checkVote(view: View, round: unknown, proposal: unknown, voted: boolean): Problem | null {
  if (view.status !== 'council' || !view.council) return problem('board.check.noCouncil');
  if (round !== view.council.round) return problem('board.check.councilRound', { round: view.council.round });
  if (view.role !== 'player') return problem('board.check.noVoter');
  if (voted) return problem('board.check.voted');
  if (proposal === 'none') return null;
  if (!isRecord(proposal)) return problem('board.check.voteKind');
  const value = proposal.kind === 'floor' ? proposal.bin : proposal.total;
  const extra = Object.keys(proposal).some((k) => k !== 'kind' && k !== (proposal.kind === 'floor' ? 'bin' : 'total'));
  if (proposal.kind !== 'floor' && proposal.kind !== 'budget') return problem('board.check.voteKind');
  if (extra) return problem('board.check.voteKind');
  const max = proposal.kind === 'floor' ? view.config.maxBin : budgetMax(view);
  if (typeof value !== 'number' || !Number.isFinite(value)) return problem('board.check.voteNumber');
  if (value < 0 || value > max) return problem('board.check.voteRange', { max });
  return null;
}

/** The largest shared stock budget: maxBin for every input slot of the network (from the map). */
export function budgetMax(view: View): number {
  const map = view.role === 'facilitator' ? null : view.map;
  const slots = map ? map.workshops.reduce((s, w) => s + w.suppliers.length, 0) : 0;
  return view.config.maxBin * slots;
}

// ---------------------------------------------------------------- the form

/** What the decision form holds: bins as typed, and the optional choices. */
export interface Draft {
  readonly bins: readonly string[];
  readonly kaizenFace: number | null;
  readonly help: number | null;
  /** Chosen supplier per input (only where some input offers a choice), else null. */
  readonly suppliers: readonly number[] | null;
}

export const initialDraft = (view: SeatView): Draft => ({
  bins: view.me.bins.map((b) => String(roundBin(Math.max(b, binFloor(view))))),
  kaizenFace: null,
  help: null,
  suppliers: view.me.alternatives.some((a) => a.length > 0) ? [...view.me.suppliers] : null,
});

export interface DraftCheck {
  /** The decision to send, when every field is valid and the round is open to commits. */
  readonly decision: Decision | null;
  readonly bins: readonly (Problem | null)[];
  readonly kaizen: Problem | null;
  readonly help: Problem | null;
  readonly suppliers: Problem | null;
  /** A problem of the whole commit (wrong phase, already committed). */
  readonly form: Problem | null;
}

export function checkDraft(view: SeatView, draft: Draft): DraftCheck {
  const values = draft.bins.map(parseHours);
  const decision: Decision = {
    round: view.round,
    bins: values,
    kaizenFace: draft.kaizenFace,
    help: draft.help,
    suppliers: draft.suppliers,
  };
  const bins = values.map((v) => checkBin(view, v));
  const kaizen = draft.kaizenFace === null ? null : checkKaizen(view, draft.kaizenFace);
  const help = draft.help === null ? null : checkHelp(view, draft.help);
  const suppliers = draft.suppliers === null ? null : checkSuppliers(view, draft.suppliers);
  const whole = checkCommit(view, view.round, decision);
  const fieldProblem = bins.some(Boolean) || kaizen || help || suppliers;
  return {
    decision: whole === null ? decision : null,
    bins,
    kaizen,
    help,
    suppliers,
    form: fieldProblem ? null : whole,
  };
}

// ---------------------------------------------------------------- costs and cover

/** R6: rent per hour of cover in `round`. */
export const rentRate = (view: View, round = view.round): number =>
  view.config.costs.rent + view.config.costs.rentGrowth * (Math.max(1, round) - 1);

/** Rent per round of these bins at this round's rate: (rent + rentGrowth (round - 1)) x sum. */
export function rentPerRound(view: View, bins: readonly number[], round = view.round): number {
  const total = bins.reduce((s, b) => s + (Number.isFinite(b) ? b : 0), 0);
  return rentRate(view, round) * total;
}

export interface InputCover {
  readonly slot: number;
  readonly supplier: number;
  /** Bin in effect now (set last round, R1): what this round's resolution uses. */
  readonly bin: number;
  /** Lateness coming in now from the supplier (what this round's bin must absorb). */
  readonly supplierNow: number | null;
  /** Last round: the bin held and the lateness that came in on this input. */
  readonly lastBin: number | null;
  readonly lastIncoming: number | null;
  /** The largest lateness that came in on this input over the last five rounds. */
  readonly recentMax: number | null;
  /** Last round this input was the binding one and its bin ran dry. */
  readonly ranDry: boolean;
}

const RECENT = 5;

/** Per input: my bin against what came in (the bins drawn as baskets). */
export function inputCovers(view: SeatView): InputCover[] {
  const last = view.myHistory.at(-1) ?? null;
  return view.me.suppliers.map((supplier, slot) => {
    const recent = view.myHistory
      .slice(-RECENT)
      .map((row) => row.incoming[slot])
      .filter((x): x is number => x !== undefined);
    const now = view.suppliers.find((s) => s.index === supplier)?.lateness ?? null;
    const bindingSlot = last ? last.suppliers.indexOf(last.binding) : -1;
    return {
      slot,
      supplier,
      bin: view.me.bins[slot] ?? 0,
      supplierNow: now,
      lastBin: last?.bins[slot] ?? null,
      lastIncoming: last?.incoming[slot] ?? null,
      recentMax: recent.length > 0 ? Math.max(...recent) : null,
      ranDry: Boolean(last?.breached) && bindingSlot === slot,
    };
  });
}

/**
 * Last round's binding supplier (M0) and whether its lateness breached my bin; null when no round
 * was played or nothing came in late (then no supplier was really binding).
 */
export function bindingLast(view: SeatView): { supplier: number; breached: boolean } | null {
  const last = view.myHistory.at(-1);
  if (!last || last.binding < 0) return null;
  const incoming = last.incoming[last.suppliers.indexOf(last.binding)] ?? 0;
  if (incoming <= 0 && !last.breached) return null;
  return { supplier: last.binding, breached: last.breached };
}

// ---------------------------------------------------------------- names

/** Every workshop the seat can name: me, my neighbours, and the whole map when it is open. */
export function knownWorkshops(view: SeatView): Map<number, PublicWorkshop> {
  const known = new Map<number, PublicWorkshop>();
  for (const w of view.map?.workshops ?? []) known.set(w.index, w);
  for (const w of [...view.suppliers, ...view.customers]) known.set(w.index, w);
  const { me } = view;
  known.set(me.index, {
    index: me.index,
    id: me.id,
    name: me.name,
    lateness: me.lateness,
    breached: me.breached,
    autopilot: me.autopilot,
  });
  return known;
}

// ---------------------------------------------------------------- clock and waiting

export type ClockState =
  | { readonly kind: 'none' }
  | { readonly kind: 'paused'; readonly remainingMs: number | null }
  | { readonly kind: 'running'; readonly remainingMs: number };

/** The round timer at `now` (epoch ms); a clock published for another round is ignored. */
export function clockState(view: View, now: number): ClockState {
  const clock = view.clock;
  // No timer before the start or after the end, whatever the last clock said.
  if (view.status === 'over' || view.status === 'setup') return { kind: 'none' };
  if (view.paused) return { kind: 'paused', remainingMs: clock?.round === view.round ? clock.remainingMs : null };
  if (!clock || clock.round !== view.round) return { kind: 'none' };
  if (clock.deadline === null) return { kind: 'paused', remainingMs: clock.remainingMs };
  return { kind: 'running', remainingMs: Math.max(0, clock.deadline - now) };
}

/** "m:ss" (rounded up, so 0:00 shows only when time is up). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- lateness levels

/**
 * A lateness band, shown as a word and a shape as well as a colour (colour-blind safe). Fixed
 * hours, not the critical buffer: the board must not hint where the cliff is.
 */
export type LatenessLevel = 'onTime' | 'late' | 'veryLate' | 'severe';

export function latenessLevel(hours: number): LatenessLevel {
  if (hours < 0.05) return 'onTime';
  if (hours <= 2) return 'late';
  if (hours <= 6) return 'veryLate';
  return 'severe';
}

// ---------------------------------------------------------------- my history

export interface HistoryRow {
  readonly round: number;
  readonly lateness: number;
  readonly trouble: number;
  readonly bins: readonly number[];
  readonly breached: boolean;
  readonly cost: number;
  readonly autopilot: boolean;
  /** The network's mean lateness that round (public aggregate), if known. */
  readonly networkMean: number | null;
}

export function historyRows(view: SeatView): HistoryRow[] {
  return view.myHistory.map((row: WorkshopRound, i) => {
    const round = view.rounds[i]?.round ?? i + 1;
    return {
      round,
      lateness: row.lateness,
      trouble: row.trouble,
      bins: row.bins,
      breached: row.breached,
      cost: row.rent + row.penalty,
      autopilot: row.autopilot,
      networkMean: view.rounds[i]?.meanLateness ?? null,
    };
  });
}

/** An SVG polyline's points for `values` in a width x height box (0 at the bottom). */
export function sparkline(values: readonly number[], width: number, height: number, top?: number): string {
  if (values.length === 0) return '';
  const max = Math.max(top ?? 0, ...values, 1e-9);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values
    .map((v, i) => `${(i * step).toFixed(1)},${(height - (Math.max(0, v) / max) * height).toFixed(1)}`)
    .join(' ');
}

// ---------------------------------------------------------------- game over

export interface FinalSummary {
  readonly rounds: number;
  readonly finalLateness: number;
  readonly meanLateness: number;
  readonly lineStops: number;
  readonly coins: number;
  readonly rentPaid: number;
  readonly penaltiesPaid: number;
  readonly meanBin: number;
  readonly autopilotRounds: number;
  readonly network: {
    readonly finalMeanLateness: number;
    readonly meanLateness: number;
    readonly breachRate: number;
    readonly meanBin: number;
  } | null;
  readonly criticalBuffer: number | null;
}

const mean = (xs: readonly number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** The final numbers of the game for my workshop and, from view.history, the whole network. */
export function finalSummary(view: SeatView): FinalSummary {
  const rows = view.myHistory;
  const records = view.history ?? [];
  const network =
    records.length > 0
      ? {
          finalMeanLateness: records.at(-1)!.meanLateness,
          meanLateness: mean(records.map((r) => r.meanLateness)),
          breachRate: mean(records.map((r) => r.breachRate)),
          meanBin: mean(records.map((r) => r.meanBin)),
        }
      : null;
  return {
    rounds: rows.length,
    finalLateness: view.me.lateness,
    meanLateness: mean(rows.map((r) => r.lateness)),
    lineStops: view.me.lineStops,
    coins: view.me.coins,
    rentPaid: rows.reduce((s, r) => s + r.rent, 0),
    penaltiesPaid: rows.reduce((s, r) => s + r.penalty, 0),
    meanBin: mean(rows.map((r) => mean(r.bins))),
    autopilotRounds: rows.filter((r) => r.autopilot).length,
    network,
    criticalBuffer: view.config.criticalBuffer,
  };
}

/** The council's proposal as the vote form builds it. */
export function proposalOf(kind: 'floor' | 'budget' | 'none', text: string): CouncilProposal | 'none' {
  if (kind === 'none') return 'none';
  const value = parseHours(text);
  return kind === 'floor' ? { kind, bin: value } : { kind, total: value };
}

/** Workshops evenly on a circle in a size x size box, the first at the top, clockwise. */
export function mapLayout(count: number, size: number): { x: number; y: number }[] {
  const r = size / 2 - 28;
  return Array.from({ length: count }, (_, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, count) - Math.PI / 2;
    return { x: size / 2 + r * Math.cos(a), y: size / 2 + r * Math.sin(a) };
  });
}
