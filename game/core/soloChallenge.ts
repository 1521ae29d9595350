/**
 * A solo challenge played headless, as the server plays it (server/challenges.ts, CH4): the
 * scenario on its published seed, one human seat, every other seat absent from round 1 so the
 * bots mirror the human's bins (B6), no timer; the dice drawn from `dice` (the server draws
 * them secretly per attempt). The human seat follows a policy on its own view; a council is
 * closed by the facilitator without votes. Used by `npm run play -- --challenge`, the judge's
 * tests and its calibration (bench/judge.ts).
 */
import type { Game } from 'boardgame.io';
// boardgame.io's headless client (pure: no DOM, no Node), not the project's UI.
import { Client } from 'boardgame.io/client';
import { Local } from 'boardgame.io/multiplayer';
import { POLICIES, steady } from '../bots/policies';
import { challengeSeed } from '../debrief/score';
import { type Result, err, ok } from '../engine/result';
import { createGame } from './game';
import { SCENARIOS } from './scenarios';
import { type SetupData, freshState, workshopCount } from './setup';
import { FACILITATOR, type Decision, type G, type PublicConfig, type RoundRecord } from './types';
import type { FacilitatorView, SeatView } from './view';
import { seatWorkshop } from './world';

/** The human seat's policy: a bot policy on its own view, or a schedule of bins by round. */
export type SeatPolicy =
  | { readonly kind: 'bot'; readonly name: keyof typeof POLICIES; readonly param: number }
  /** The bin of every input committed in round r: bins[r - 1], the last one held. */
  | { readonly kind: 'schedule'; readonly bins: readonly number[] };

export const SCHEDULE_MAX = 1000;

/** `schedule:B1,...,Bn` (hours, 0 to 100) or `NAME:PARAM` of a bot policy. */
export function parseSeatPolicy(text: string): Result<SeatPolicy> {
  const [name, param, ...rest] = text.split(':');
  if (rest.length > 0) return err(`policy "${text}" is NAME or NAME:PARAM`);
  if (name === 'schedule') {
    const parts = (param ?? '').split(',');
    const bins = parts.map((p) => (/^\d+(\.\d+)?$/.test(p.trim()) ? Number(p) : NaN));
    if (param === undefined || parts.length > SCHEDULE_MAX || bins.some((b) => !(b >= 0 && b <= 100)))
      return err(`schedule needs 1 to ${SCHEDULE_MAX} comma-separated bins, each a number from 0 to 100`);
    return ok({ kind: 'schedule', bins });
  }
  const decide = name === undefined ? undefined : POLICIES[name as keyof typeof POLICIES];
  const value = param === undefined ? NaN : Number(param);
  if (!decide || param === undefined || !(value >= 0 && value <= 100))
    return err(`policy "${text}": NAME:PARAM with NAME one of ${Object.keys(POLICIES).join(', ')} or schedule`);
  return ok({ kind: 'bot', name: name as keyof typeof POLICIES, param: value });
}

function seatDecision(view: SeatView, policy: SeatPolicy): Decision {
  if (policy.kind === 'bot') return (POLICIES[policy.name] ?? steady)(view, policy.param);
  const bin = policy.bins[Math.min(view.round, policy.bins.length) - 1]!;
  return steady(view, bin);
}

export interface SoloChallengeRun {
  readonly config: PublicConfig;
  readonly history: readonly RoundRecord[];
  /** A G holding what the server's G holds for the judge: config, secret (map and dice seeds), history. */
  readonly g: G;
}

const SETTLE_LIMIT = 10_000;

/** Play one solo challenge of `scenarioId` on the dice of `dice`. */
export async function playSoloChallenge(
  scenarioId: string,
  dice: string,
  policy: SeatPolicy,
): Promise<SoloChallengeRun> {
  const scenario = SCENARIOS.get(scenarioId);
  if (!scenario) throw new Error(`no scenario "${scenarioId}"`);
  const humanSeats = workshopCount(scenario.network);
  const setup: SetupData = {
    scenario: scenarioId,
    humanSeats,
    seed: { policy: 'fixed', value: challengeSeed(scenarioId) },
    autopilot: 'mirror',
    roundSeconds: 0,
  };
  const game: Game<G> = { ...createGame(setup, { drawSeed: () => dice }), seed: 'headless' };
  const seat = String(seatWorkshop(1, 1, humanSeats) + 1);
  const numPlayers = humanSeats + 1;
  const host = Client<G>({ game, numPlayers, playerID: FACILITATOR, multiplayer: Local(), debug: false });
  const human = Client<G>({ game, numPlayers, playerID: seat, multiplayer: Local(), debug: false });
  host.start();
  human.start();
  try {
    const settle = async (before: number | null, what: string) => {
      for (let i = 0; i < SETTLE_LIMIT; i++) {
        const state = host.getState();
        if (state && state._stateID !== before) return state.G as unknown as FacilitatorView;
        await Promise.resolve();
      }
      throw new Error(`the game refused ${what}`);
    };
    let view = await settle(null, 'the first sync');
    const act = async (client: typeof host, move: string, ...args: unknown[]) => {
      const before = host.getState()?._stateID ?? null;
      client.moves[move]!(...args);
      view = await settle(before, move);
    };
    await act(host, 'start');
    const others = view.workshops.map((w) => w.seat).filter((s): s is string => s !== null && s !== seat);
    if (others.length > 0) await act(host, 'setPresence', others, false);
    for (let i = 0; view.status !== 'over'; i++) {
      if (i > 2 * view.config.rounds + 2) throw new Error('the challenge did not end');
      if (view.status === 'council') await act(host, 'closeRound', view.round);
      else {
        // The seat's view is synced with the host's (one master): decide on it.
        const own = human.getState()!.G as unknown as SeatView;
        await act(human, 'commit', view.round, seatDecision(own, policy));
      }
    }
    const history = view.history ?? [];
    const g = freshState(view.config, { seed: challengeSeed(scenarioId), dice, custom: null, newRoad: false });
    g.history = [...history];
    g.status = 'over';
    return { config: view.config, history, g };
  } finally {
    human.stop();
    host.stop();
  }
}
