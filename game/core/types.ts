/**
 * The game's vocabulary. One JSON-serialisable state `G`; names follow the glossary of
 * docs/RULES.md. Workshops are indexed 0..n-1; seats are boardgame.io player ids: '0' is the
 * facilitator, '1'..'H' are the human seats.
 */

export const FACILITATOR = '0';

/** A supplier entry in a hand-made network: a fixed input or a choice among suppliers. */
export type ScenarioInput =
  { readonly supplier: string } | { readonly choose: readonly string[]; readonly initial: string };

export interface ScenarioWorkshop {
  readonly id: string;
  readonly name: string;
  readonly inputs: readonly ScenarioInput[];
}

export type ScenarioNetwork =
  | { readonly kind: 'ring' | 'local-ring' | 'fixed' | 'spot'; readonly n: number; readonly k: number }
  | { readonly kind: 'custom'; readonly workshops: readonly ScenarioWorkshop[] };

export const MECHANICS = ['kaizen', 'workers', 'supplierChoice', 'council', 'spot'] as const;
export type Mechanic = (typeof MECHANICS)[number];
export type Mechanics = Record<Mechanic, boolean>;

export interface Costs {
  /** Coins per hour of cover per input per round. */
  readonly rent: number;
  /** Added to rent every round (Foggy cliff: rent rises). */
  readonly rentGrowth: number;
  /** Coins per hour of lateness of my output, per round. */
  readonly latePenalty: number;
  /** Coins for sending a worker to a neighbour for a round. */
  readonly commute: number;
  /** Kaizen points needed to lower one face of the die by one hour. */
  readonly kaizenCost: number;
  /** Extra hours of trouble per customer beyond `congestionFree` (supplier choice). */
  readonly congestion: number;
  readonly congestionFree: number;
  readonly startingCoins: number;
}

export const BOT_POLICIES = ['steady', 'lean', 'cautious', 'selfish', 'planner', 'mirror'] as const;
export type BotPolicyName = (typeof BOT_POLICIES)[number];
export interface BotPolicy {
  readonly name: BotPolicyName;
  /** The policy's parameter (steady: the bin; lean/cautious: the starting bin; others: unused). */
  // mirror (B6): the bots hold the mean bin the humans committed this round (challenges).
  readonly param: number;
}

/** The public part of the configuration: every client may see it. */
export interface PublicConfig {
  readonly scenarioId: string;
  readonly title: string;
  readonly rounds: number;
  /** 0: no timer. */
  readonly roundSeconds: number;
  readonly humanSeats: number;
  readonly workshops: number;
  readonly trouble: string;
  readonly mechanics: Mechanics;
  readonly costs: Costs;
  readonly councilRounds: readonly number[];
  readonly maxBin: number;
  /** Bin of every input at the start, and of a link opened later (hours). */
  readonly startingBin: number;
  /** Workers per workshop. */
  readonly workers: number;
  readonly autopilot: BotPolicy;
  readonly seedPolicy: 'random' | 'fixed';
  /** The published seed of a challenge (seed policy fixed); null otherwise. */
  readonly publicSeed: string | null;
  readonly criticalBuffer: number | null;
}

export interface Die {
  readonly faces: number[];
  readonly explodes: boolean[];
}

export interface Workshop {
  readonly id: string;
  readonly name: string;
  /** Human seat holding it, or null (run by a bot). */
  seat: string | null;
  /** True when a bot decides for it this round (no human, or the human is absent). */
  autopilot: boolean;
  /** Current supplier of each input slot. */
  suppliers: number[];
  /** Candidate suppliers per slot where the scenario offers a choice (else []). */
  alternatives: number[][];
  /** Bin per input slot, hours of cover. */
  bins: number[];
  /** Trouble: a die (kaizen lowers faces) or exponential noise of a mean. */
  trouble: { kind: 'die'; die: Die } | { kind: 'exp'; mean: number };
  kaizenPoints: number;
  workers: number;
  coins: number;
  /** Lateness of my output after the last round (hours). */
  lateness: number;
  lineStops: number;
  /** Last round: was a bin breached, by which supplier (-1: none), what did I roll. */
  breached: boolean;
  binding: number;
  lastTrouble: number;
  /** Last round's costs. */
  lastRent: number;
  lastPenalty: number;
}

export interface Decision {
  readonly round: number;
  /** Bin per input slot (hours of cover). */
  readonly bins: readonly number[];
  /** Spend kaizen points to lower this face (index) of my die by one, or null. */
  readonly kaizenFace: number | null;
  /** Send one worker to this neighbouring workshop for the round, or null. */
  readonly help: number | null;
  /** Chosen supplier per slot where alternatives exist (else the current one), or null. */
  readonly suppliers: readonly number[] | null;
}

/** What happened to one workshop in one round (the debrief's raw data). */
export interface WorkshopRound {
  readonly lateness: number;
  readonly trouble: number;
  readonly binding: number;
  readonly breached: boolean;
  readonly bins: readonly number[];
  readonly suppliers: readonly number[];
  /** Lateness of each supplier coming in (tau_j(t-1)), per slot: what my bins had to absorb. */
  readonly incoming: readonly number[];
  readonly rent: number;
  readonly penalty: number;
  readonly autopilot: boolean;
  readonly help: number | null;
  /** The die face kaizen lowered by one hour before this round's roll (D3), or null. */
  readonly kaizen: number | null;
}

export interface RoundRecord {
  readonly round: number;
  readonly workshops: readonly WorkshopRound[];
  readonly meanLateness: number;
  readonly breachRate: number;
  readonly meanBin: number;
  readonly totalCost: number;
  readonly shocks: readonly Shock[];
}

export type Shock =
  | { readonly kind: 'delay'; readonly workshop: number; readonly hours: number }
  | { readonly kind: 'storm'; readonly workshops: readonly number[]; readonly rounds: number; readonly extra: number }
  | { readonly kind: 'cut'; readonly workshop: number; readonly supplier: number }
  | { readonly kind: 'open'; readonly workshop: number; readonly supplier: number };

export interface Storm {
  readonly workshops: readonly number[];
  /** Extra hours added to every roll in the region. */
  readonly extra: number;
  /** Last round the storm blows. */
  readonly until: number;
}

export type CouncilProposal =
  { readonly kind: 'floor'; readonly bin: number } | { readonly kind: 'budget'; readonly total: number };

export interface Council {
  /** Round whose decisions the council precedes. */
  readonly round: number;
  /** Votes by seat; bots do not vote. */
  votes: Record<string, CouncilProposal | 'none'>;
}

export type Status = 'setup' | 'playing' | 'council' | 'over';

export interface G {
  readonly config: PublicConfig;
  status: Status;
  /** Current round (1-based); 0 before the start. */
  round: number;
  paused: boolean;
  /** Everyone sees the whole map (facilitator's reveal, or the council). */
  revealed: boolean;
  workshops: Workshop[];
  /** Decisions committed this round, by seat. */
  committed: Record<string, Decision>;
  /** Seats whose human is absent (autopilot until they return). */
  absent: string[];
  storms: Storm[];
  /** Shocks queued for the next resolution. */
  pendingShocks: Shock[];
  /** Network-wide rule from the council: minimum bin, or a shared stock budget. */
  rule: CouncilProposal | null;
  council: Council | null;
  history: RoundRecord[];
  /** The facilitator called a planning council for before the next round (C5). */
  councilCalled: boolean;
  /** The facilitator (or the server's clock) asked to close this round. */
  closeRequested: number;
  /**
   * The round clock, set by the server (wall-clock time enters only as a move argument): the
   * deadline of `round` in epoch milliseconds, or the time left while paused. Null: no timer.
   */
  clock: { readonly round: number; readonly deadline: number | null; readonly remainingMs: number | null } | null;
  /**
   * Server-only, never in any client's view: the match seed (set by `start`), a custom network
   * from setupData, and whether the new road opens at the start.
   */
  /**
   * `seed` draws the map; `dice` (when set) draws every die and the spot market's later rounds.
   * They are the same seed except in a challenge, whose map seed is published and whose dice are
   * drawn secretly per attempt. States stored before the split have no `dice`: see diceSeed.
   */
  secret: { seed: string; dice?: string; custom: ScenarioNetwork | null; newRoad: boolean };
}
