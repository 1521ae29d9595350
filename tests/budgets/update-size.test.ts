/**
 * Budget: what one seat receives per update stays small however long the game runs: at round 40
 * of a 60-workshop session the update a player gets (its playerView-filtered state, ctx and the
 * redacted log entries of that update) is under UPDATE_BYTES_BUDGET, and the facilitator's
 * per-update view carries no history until the game is over. The match runs in-process through
 * the real game (boardgame.io master and player views over the Local transport); the facilitator
 * starts it and closes every round (the other workshops run on autopilot).
 */
import type { Game, State } from 'boardgame.io';
import { Client } from 'boardgame.io/client';
import { Local } from 'boardgame.io/multiplayer';
import { describe, expect, it } from 'vitest';
import { createGame } from '../../game/core/game';
import type { SetupData } from '../../game/core/setup';
import type { G } from '../../game/core/types';
import type { FacilitatorView, SeatView } from '../../game/core/view';

/** Bytes (JSON length) of one player update at round 40 of 60 workshops; measured 12,815 (2026-11-26). */
export const UPDATE_BYTES_BUDGET = 16 * 1024;
const WORKSHOPS = 60;

const network = {
  kind: 'custom',
  workshops: Array.from({ length: WORKSHOPS }, (_, i) => ({
    id: `w${i}`,
    name: `Workshop ${i}`,
    inputs: [`w${(i + 1) % WORKSHOPS}`, `w${(i + 7) % WORKSHOPS}`],
  })),
};

const setup: SetupData = {
  network,
  humanSeats: WORKSHOPS,
  rounds: 50,
  seed: { policy: 'fixed', value: 'budget' },
};

/** What a seat received in its latest update: the filtered state plus that update's log entries. */
function updatePayload(state: State): string {
  // The client keeps the log it received; one update carries the latest entry (the round's close).
  return JSON.stringify({
    G: state.G,
    ctx: state.ctx,
    _stateID: state._stateID,
    deltalog: ((state as State & { log?: unknown[] }).log ?? []).slice(-1),
  });
}

async function settle(probe: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (probe()) return;
    await new Promise((r) => setTimeout(r, 0));
  }
  throw new Error(`never ${what}`);
}

describe('update size budget', () => {
  it('keeps a seat update under budget at round 40 of a 60-workshop session, without history', async () => {
    const game: Game<G> = { ...createGame(setup), seed: 'budget' };
    const multiplayer = Local();
    const make = (playerID: string) =>
      Client<G>({ game, numPlayers: WORKSHOPS + 1, playerID, multiplayer, debug: false });
    const facilitator = make('0');
    const seat = make('1');
    facilitator.start();
    seat.start();
    const fView = () => facilitator.getState()?.G as unknown as FacilitatorView | undefined;
    const sView = () => seat.getState()?.G as unknown as SeatView | undefined;
    await settle(() => fView() !== undefined && sView() !== undefined, 'synced');
    facilitator.moves.start!();
    await settle(() => fView()?.status === 'playing', 'started');
    for (let round = 1; round < 40; round++) {
      facilitator.moves.closeRound!(round);
      await settle(() => fView()?.round === round + 1 && sView()?.round === round + 1, `reached round ${round + 1}`);
    }
    const seatView = sView()!;
    expect(seatView.round).toBe(40);
    expect(seatView.role).toBe('player');
    expect(seatView.history).toBeNull();
    expect(seatView.map).toBeNull();
    const facilitatorView = fView()!;
    expect(facilitatorView.history).toBeNull();
    expect(JSON.stringify(facilitatorView)).not.toContain('"history":[');

    const bytes = updatePayload(seat.getState()!).length;
    const facilitatorBytes = updatePayload(facilitator.getState()!).length;
    console.log(
      `round 40 of ${WORKSHOPS} workshops: seat update ${bytes} bytes, facilitator ${facilitatorBytes} bytes`,
    );
    expect(bytes).toBeLessThan(UPDATE_BYTES_BUDGET);
    // The log entries a seat receives are redacted: no move arguments of anyone.
    const log = seat.getState()!.log ?? [];
    expect(log.length).toBeGreaterThan(0);
    // (boardgame.io replaces a redacted move's arguments with a marker, never the arguments.)
    for (const entry of log) expect(Array.isArray(entry.action.payload.args)).toBe(false);

    // History is revealed only once the game is over.
    facilitator.moves.endGame!();
    await settle(() => fView()?.status === 'over', 'over');
    expect(fView()!.history?.length).toBe(39);
    facilitator.stop();
    seat.stop();
  });
});
