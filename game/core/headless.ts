/**
 * Headless play: a whole match through the real boardgame.io game (its master, reducer and
 * player views, over the in-process `Local` transport), every workshop a bot. The facilitator
 * seat '0' starts the match and closes every round (and every council); the autopilot decides
 * for everyone. Pure: no Node, no timers, no clock; with a fixed seed the result is a function
 * of the setupData alone. Used by `npm run play` (server/cli/play.ts) and the self-play tests.
 */
import type { Game } from 'boardgame.io';
// boardgame.io's headless client (pure: no DOM, no Node), not the project's UI.
import { Client } from 'boardgame.io/client';
import { Local } from 'boardgame.io/multiplayer';
import { type Result, err, ok } from '../engine/result';
import { createGame, viewGame } from './game';
import { parsePolicy } from './scenario';
import { type SetupData, parseSetupData } from './setup';
import { FACILITATOR, type G, type PublicConfig, type RoundRecord } from './types';
import type { FacilitatorView, View } from './view';

/** One resolved round, network-wide. */
export interface RoundSummary {
  readonly round: number;
  /** Mean lateness over the workshops after the round (hours). */
  readonly meanDelay: number;
  /** Share of workshops whose line stopped. */
  readonly breachRate: number;
  /** Mean bin over every input slot (hours of cover). */
  readonly meanBin: number;
  /** Rent, lateness penalties and commuting of the round, all workshops. */
  readonly totalCost: number;
}

export interface PlayOptions {
  /** Autopilot policy `NAME[:PARAM]` for every workshop; replaces setupData.autopilot. */
  readonly policy?: string;
  /**
   * Seed of boardgame.io's random plugin, which draws the match seed only when setupData's seed
   * policy is random (default "headless", so even that case is reproducible).
   */
  readonly randomSeed?: string;
  /** Called with the facilitator's view after the start and after every close (rounds and councils). */
  readonly onView?: (view: FacilitatorView) => void;
}

export interface MatchResult {
  readonly config: PublicConfig;
  readonly summaries: readonly RoundSummary[];
  /** The whole history, from the facilitator's view at game over. */
  readonly history: readonly RoundRecord[];
  /** The facilitator's view at game over. */
  readonly final: FacilitatorView;
  /** `historyDigest(history)`. */
  readonly digest: string;
}

/** The setupData the match will be created with: all bots, the policy override applied. Validated. */
export function headlessSetup(setupData: SetupData, policy?: string): Result<SetupData> {
  let data: SetupData = { ...setupData, humanSeats: 0 };
  if (policy !== undefined) {
    const parsed = parsePolicy(policy, 'policy');
    if (!parsed.ok) return parsed;
    if (policy.split(':').length > 2) return err(`policy "${policy}" is NAME or NAME:PARAM`);
    data = { ...data, autopilot: policy };
  }
  const plan = parseSetupData(data);
  return plan.ok ? ok(data) : err(plan.error);
}

export function summarise(record: RoundRecord): RoundSummary {
  return {
    round: record.round,
    meanDelay: record.meanLateness,
    breachRate: record.breachRate,
    meanBin: record.meanBin,
    totalCost: record.totalCost,
  };
}

/** Microtasks to wait for the Local master's answer to one move before calling it refused. */
const SETTLE_LIMIT = 10_000;

/** Play a whole match. Rejects when the setupData is invalid or a facilitator move is refused. */
export async function playMatch(setupData: SetupData, options: PlayOptions = {}): Promise<MatchResult> {
  const checked = headlessSetup(setupData, options.policy);
  if (!checked.ok) throw new Error(checked.error);
  // A fresh game object per match: Local() keys its master by the game, so matches never share state.
  const game: Game<G> = { ...createGame(checked.value), seed: options.randomSeed ?? 'headless' };
  const client = Client<View>({
    game: viewGame(game),
    numPlayers: 1,
    playerID: FACILITATOR,
    multiplayer: Local(),
    debug: false,
  });
  client.start();
  try {
    let view = await settle(client, null, 'the first sync');
    const act = async (move: string, ...args: unknown[]): Promise<FacilitatorView> => {
      const before = client.getState()?._stateID ?? null;
      client.moves[move]!(...args);
      view = await settle(client, before, `${move}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
      options.onView?.(view);
      return view;
    };
    await act('start');
    // One close per round, one per council; the guard only stops a game that never ends.
    const limit = 2 * view.config.rounds + 2;
    for (let i = 0; view.status !== 'over'; i++) {
      if (i > limit) throw new Error(`the match did not end after ${limit} closes (round ${view.round})`);
      await act('closeRound', view.round);
    }
    const history = view.history ?? [];
    return {
      config: view.config,
      summaries: history.map(summarise),
      history,
      final: view,
      digest: historyDigest(history),
    };
  } finally {
    client.stop();
  }
}

type HeadlessClient = ReturnType<typeof Client<View>>;

/** Wait until the master's update for the last move has reached the client; its facilitator view. */
async function settle(client: HeadlessClient, before: number | null, what: string): Promise<FacilitatorView> {
  for (let i = 0; i < SETTLE_LIMIT; i++) {
    const state = client.getState();
    if (state && state._stateID !== before) {
      if (state.G.role !== 'facilitator') throw new Error(`seat ${FACILITATOR} received a ${state.G.role}'s view`);
      return state.G;
    }
    await Promise.resolve();
  }
  throw new Error(`the game refused ${what}`);
}

/** JSON with sorted object keys: the same value always gives the same text. Numbers as JSON writes them (shortest exact form). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/**
 * 64-bit FNV-1a over the UTF-8 bytes of a string, as 16 hex digits. Computed in four 16-bit limbs
 * (prime 2^40 + 0x1b3), so no BigInt and no precision loss.
 */
export function fnv1a64(text: string): string {
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const mix = (byte: number) => {
    h0 ^= byte;
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3;
    const t2 = h2 * 0x1b3 + h0 * 0x100;
    const t3 = h3 * 0x1b3 + h1 * 0x100;
    h0 = t0 & 0xffff;
    const c1 = t1 + (t0 >>> 16);
    h1 = c1 & 0xffff;
    const c2 = t2 + (c1 >>> 16);
    h2 = c2 & 0xffff;
    h3 = (t3 + (c2 >>> 16)) & 0xffff;
  };
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) mix(c);
    else if (c < 0x800) {
      mix(0xc0 | (c >> 6));
      mix(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      mix(0xe0 | (c >> 12));
      mix(0x80 | ((c >> 6) & 0x3f));
      mix(0x80 | (c & 0x3f));
    } else {
      mix(0xf0 | (c >> 18));
      mix(0x80 | ((c >> 12) & 0x3f));
      mix(0x80 | ((c >> 6) & 0x3f));
      mix(0x80 | (c & 0x3f));
    }
  }
  const hex = (x: number) => x.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}

/** A stable digest of a match's history: `fnv1a64:` and 16 hex digits of its canonical JSON. */
export function historyDigest(history: readonly RoundRecord[]): string {
  return `fnv1a64:${fnv1a64(canonicalJson(history))}`;
}
