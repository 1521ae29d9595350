/**
 * Pure selectors of the player board: everything the board shows is derived here from the view a
 * seat receives (game/core/view.ts), never from G. The board checks nothing itself: `viewScope`
 * turns the view into the game's rule scope (game/core/scope.ts) and the board asks the game's own
 * predicates (canSetBin, canKaizen, canHelp, canChooseSuppliers, canCommit, canVote: rules D1-D6,
 * C2), so a decision the form accepts is one the server accepts. A refusal is data (`Refusal`),
 * worded by `explain` (format.ts) through the translation layer.
 */
import { canVote, voteMax } from '../../game/core/council';
import { canChooseSuppliers, canCommit, canHelp, canKaizen, canSetBin } from '../../game/core/decisions';
import { councilFloor, hundredths, rentRate as rentRateOf } from '../../game/core/measures';
import type { HeldScope } from '../../game/core/scope';
import type { Refusal } from '../../game/contract/refusals';
import type { CouncilProposal, Decision, WorkshopRound } from '../../game/core/types';
import type { PublicWorkshop, SeatView, View } from '../../game/core/view';

// ---------------------------------------------------------------- input parsing

/** A number typed by a person: "2.5", "2,5", " 3 ". Anything else (or blank) is NaN. */
export function parseHours(text: string): number {
  const cleaned = text.trim().replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

// ---------------------------------------------------------------- the rules' scope, from the view

/** My direct neighbours (suppliers and customers), as the game's `neighbours` sees them (D4). */
export function neighbourIndices(view: SeatView): number[] {
  const set = new Set<number>([...view.me.suppliers, ...view.customers.map((c) => c.index)]);
  set.delete(view.me.index);
  return [...set].sort((a, b) => a - b);
}

/**
 * The rule scope of this seat from its view. `voted`: this seat's vote for the sitting council is
 * in (the view says so once the server has it; the form also knows it sent one).
 */
export function viewScope(view: SeatView, voted = view.voted): HeldScope {
  const { me, config } = view;
  return {
    status: view.status,
    round: view.round,
    rule: view.rule,
    config,
    facilitator: false,
    workshop: { ...me, neighbours: neighbourIndices(view) },
    committed: view.committed,
    council: view.council,
    voted,
    // During a council every seat sees the map (C1), hence every input slot of the network.
    slots: view.map ? view.map.workshops.reduce((sum, w) => sum + w.suppliers.length, 0) : 0,
  };
}

/** D2: the lowest bin allowed now (the council's floor), 0 otherwise. */
export const binFloor = (view: Pick<View, 'rule'>): number => councilFloor(view.rule);

/** C2: the largest shared stock budget a vote may name (maxBin for every input slot). */
export const budgetMax = (view: SeatView): number => voteMax(viewScope(view), 'budget');

/** C2: this seat's vote, parsed, or why the game would refuse it. */
export const voteRefusal = (view: SeatView, round: number, proposal: CouncilProposal | 'none', sent: boolean) => {
  const vote = canVote(viewScope(view, sent || view.voted), round, proposal);
  return vote.ok ? null : vote.error;
};

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
  bins: view.me.bins.map((b) => String(hundredths(Math.max(b, binFloor(view))))),
  kaizenFace: null,
  help: null,
  suppliers: view.me.alternatives.some((a) => a.length > 0) ? [...view.me.suppliers] : null,
});

export interface DraftCheck {
  /** The decision to send, when every field is valid and the round is open to commits. */
  readonly decision: Decision | null;
  readonly bins: readonly (Refusal | null)[];
  readonly kaizen: Refusal | null;
  readonly help: Refusal | null;
  readonly suppliers: Refusal | null;
  /** A refusal of the whole commit (wrong phase, already committed). */
  readonly form: Refusal | null;
}

export function checkDraft(view: SeatView, draft: Draft): DraftCheck {
  const scope = viewScope(view);
  const values = draft.bins.map(parseHours);
  const decision: Decision = {
    round: view.round,
    bins: values,
    kaizenFace: draft.kaizenFace,
    help: draft.help,
    suppliers: draft.suppliers,
  };
  const bins = values.map((v) => canSetBin(scope, v));
  const kaizen = draft.kaizenFace === null ? null : canKaizen(scope, draft.kaizenFace);
  const help = draft.help === null ? null : canHelp(scope, draft.help);
  const suppliers = draft.suppliers === null ? null : canChooseSuppliers(scope, draft.suppliers);
  const whole = canCommit(scope, view.round, decision);
  const fieldProblem = bins.some(Boolean) || kaizen || help || suppliers;
  return {
    decision: whole.ok ? whole.value : null,
    bins,
    kaizen,
    help,
    suppliers,
    form: fieldProblem || whole.ok ? null : whole.error,
  };
}

// ---------------------------------------------------------------- costs and cover

/** R6: rent per hour of cover in `round`. */
export const rentRate = (view: View, round = view.round): number => rentRateOf(view.config.costs, round);

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
