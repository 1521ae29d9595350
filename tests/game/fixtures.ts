/**
 * Test fixtures for the game core: setupData with overrides, a G built directly (pure rule tests),
 * the real moves run on a plain G, and whole matches over boardgame.io's `Local()` transport with
 * every byte each client receives recorded.
 */
import type { Game, State } from 'boardgame.io';
import { Client } from 'boardgame.io/client';
import { INVALID_MOVE } from 'boardgame.io/core';
import { Local } from 'boardgame.io/multiplayer';
import { unwrap } from '../../game/engine/result';
import { createGame } from '../../game/core/game';
import { settleTurns } from '../../game/core/round';
import { type SetupData, initialState, parseSetupData } from '../../game/core/setup';
import { FACILITATOR, type Decision, type G, type PublicConfig } from '../../game/core/types';
import { buildWorld } from '../../game/core/world';

export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** "Two inputs" (12 workshops, K = 2) with `humanSeats` seats; overrides replace fields. */
export function setupData(overrides: Partial<SetupData> = {}): SetupData {
  return { scenario: 'two-inputs', humanSeats: 4, ...overrides };
}

export interface GOptions {
  /** The match seed given to `buildWorld` (what `start` draws on the server). */
  readonly seed?: string;
  /**
   * Replaces parts of the public configuration before the world is built (for what setupData
   * cannot choose, e.g. council rounds: no scenario has any yet).
   */
  readonly config?: Partial<PublicConfig>;
  /** Leave the match in `setup` (no world). */
  readonly unstarted?: boolean;
}

/** A G as the `start` move leaves it: initialState(parseSetupData(...)) + buildWorld(g, seed). */
export function makeG(overrides: Partial<SetupData> = {}, options: GOptions = {}): G {
  const plan = unwrap(parseSetupData(setupData(overrides)));
  let g = initialState(plan);
  if (options.config) g = { ...g, config: { ...g.config, ...options.config } };
  if (options.unstarted) return g;
  buildWorld(g, options.seed ?? 'fixture-seed');
  g.status = 'playing';
  g.round = 1;
  return g;
}

/** A decision for the current round: `bins` for every input (a number for all), nothing else. */
export function decision(g: G, workshop: number, bins: number | readonly number[], extra: Partial<Decision> = {}) {
  const w = g.workshops[workshop]!;
  return {
    round: g.round,
    bins: typeof bins === 'number' ? w.suppliers.map(() => bins) : [...bins],
    kaizenFace: null,
    help: null,
    suppliers: null,
    ...extra,
  } satisfies Decision;
}

type MoveEntry = { move: (ctx: unknown, ...args: unknown[]) => unknown };

/**
 * The game's real move and turn functions applied to a plain G (no boardgame.io, no immer: the G
 * is mutated in place). `random` feeds the `start` move.
 */
export class Table {
  readonly game: Game<G>;
  constructor(
    public g: G,
    private readonly random: () => number = () => 0.5,
  ) {
    this.game = createGame();
  }

  /** Run move `name` as `playerID`; true when accepted (not INVALID_MOVE). */
  move(playerID: string, name: string, ...args: unknown[]): boolean {
    const entry = (this.game.moves as Record<string, MoveEntry>)[name]!;
    const result = entry.move({ G: this.g, playerID, random: { Number: this.random } }, ...args);
    return result !== INVALID_MOVE;
  }

  commit(seat: string, d: unknown, round: unknown = this.g.round): boolean {
    return this.move(seat, 'commit', round, d);
  }

  /** boardgame.io's turn end check (turn.endIf). */
  turnOver(): boolean {
    const endIf = this.game.turn!.endIf as (ctx: { G: G }) => boolean;
    return Boolean(endIf({ G: this.g }));
  }

  /** What boardgame.io does after a move (game/core/round.ts's `settleTurns`): the number of turns ended. */
  settle(): number {
    return settleTurns(this.g);
  }

  /** Facilitator closes the current round (F1), then the turn ends. */
  close(): number {
    if (!this.move(FACILITATOR, 'closeRound', this.g.round)) throw new Error('closeRound refused');
    return this.settle();
  }
}

// ---------------------------------------------------------------- matches over Local()

type Transport = ReturnType<ReturnType<typeof Local>>;
type TransportOpts = Parameters<ReturnType<typeof Local>>[0];
type TransportData = Parameters<TransportOpts['transportDataCallback']>[0];
export type MatchClient = ReturnType<typeof Client<G>>;

/** Everything one client received or holds, JSON-cloned at the moment it arrived. */
export interface Seat {
  /** '0' facilitator, '1'..'H' humans, null spectator. */
  readonly id: string | null;
  readonly client: MatchClient;
  /** Raw transport messages ('sync', 'update', 'patch', 'matchData', 'chat') as received. */
  readonly received: TransportData[];
  /** After every settle: client.getState(), getInitialState(), log, matchData, chat. */
  readonly held: unknown[];
}

export interface MatchOptions {
  readonly spectator?: boolean;
  /** Start the match (facilitator's `start`) at once. Default true. */
  readonly start?: boolean;
  /** Patch the public configuration inside `setup` (e.g. council rounds). */
  readonly config?: Partial<PublicConfig>;
  /** Seed of boardgame.io's random plugin (the game's `seed`). */
  readonly randomSeed?: string;
  /** The server's seed source for `start` (createGame's `drawSeed`). */
  readonly drawSeed?: () => string;
  /** Replace parts of the game (tests of the tests: e.g. a deliberately leaky playerView). */
  readonly wrap?: (game: Game<G>) => Game<G>;
}

let matchCounter = 0;

/**
 * A tick for Local's asynchronous master (a few zero-delay macrotasks, no wall-clock time). Kept
 * rather than waiting on an update: a refused move sends no update, and the tests that refuse
 * moves must see the state after the master has handled them.
 */
export async function tick(times = 3): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

export class Match {
  readonly game: Game<G>;
  readonly matchID: string;
  readonly facilitator: Seat;
  /** Human seats, index h - 1 holds seat `h`. */
  readonly humans: Seat[];
  readonly spectator: Seat | null;
  /** Seed of boardgame.io's random plugin (the match seed derives from it without drawSeed). */
  readonly randomSeed: string;
  private readonly transports: Transport[] = [];

  private constructor(
    readonly data: SetupData,
    options: MatchOptions,
  ) {
    // boardgame.io's random plugin seed, kept so that a failing match can be replayed.
    this.randomSeed = options.randomSeed ?? `fixture-${Date.now().toString(36)}-${matchCounter + 1}`;
    const base = createGame(data, options.drawSeed ? { drawSeed: options.drawSeed } : {});
    const patch = options.config;
    const game: Game<G> = {
      ...base,
      seed: this.randomSeed,
      setup: patch
        ? (ctx, sd) => {
            const g = base.setup!(ctx, sd);
            return { ...g, config: { ...g.config, ...patch } };
          }
        : base.setup,
    };
    this.game = options.wrap ? options.wrap(game) : game;
    this.matchID = `match-${++matchCounter}`;
    const local = Local();
    const numPlayers = data.humanSeats + 1;
    const seat = (id: string | null): Seat => {
      const received: TransportData[] = [];
      const multiplayer = (opts: TransportOpts) => {
        const transport = local({
          ...opts,
          transportDataCallback: (payload) => {
            received.push(clone(payload));
            opts.transportDataCallback(payload);
          },
        });
        this.transports.push(transport);
        return transport;
      };
      const client = Client<G>({
        game: this.game,
        numPlayers,
        multiplayer,
        matchID: this.matchID,
        ...(id === null ? {} : { playerID: id }),
      });
      return { id, client, received, held: [] };
    };
    this.facilitator = seat(FACILITATOR);
    this.humans = Array.from({ length: data.humanSeats }, (_, h) => seat(String(h + 1)));
    this.spectator = options.spectator ? seat(null) : null;
  }

  static async open(data: SetupData, options: MatchOptions = {}): Promise<Match> {
    const match = new Match(data, options);
    for (const s of match.seats()) {
      s.client.start();
      await tick();
    }
    if (options.start !== false) await match.move(FACILITATOR, 'start');
    else await match.settle();
    return match;
  }

  /** Every connected client: facilitator, humans, spectator. */
  seats(): Seat[] {
    return [this.facilitator, ...this.humans, ...(this.spectator ? [this.spectator] : [])];
  }

  seat(id: string | null): Seat {
    const found = this.seats().find((s) => s.id === id);
    if (!found) throw new Error(`no seat ${String(id)}`);
    return found;
  }

  /** The master's stored, unfiltered state (the server's truth). */
  server(): State<G> {
    const master = (this.transports[0] as unknown as { master: { storageAPI: unknown } }).master;
    const storage = master.storageAPI as { fetch(id: string, opts: object): { state: State<G> } };
    return storage.fetch(this.matchID, { state: true }).state;
  }

  get g(): G {
    return this.server().G;
  }

  /** Send a move from a seat, wait for the master, record what every client now holds. */
  async move(id: string | null, name: string, ...args: unknown[]): Promise<void> {
    this.seat(id).client.moves[name]!(...args);
    await this.settle();
  }

  /** Commit a decision for seat `id` in the current round (bins: one value or one per input). */
  async commit(id: string, bins: number | readonly number[], extra: Partial<Decision> = {}): Promise<void> {
    const g = this.g;
    const w = g.workshops.findIndex((x) => x.seat === id);
    await this.move(id, 'commit', g.round, decision(g, w, bins, extra));
  }

  async settle(): Promise<void> {
    await tick();
    for (const s of this.seats()) {
      const c = s.client;
      s.held.push(
        clone({
          state: c.getState(),
          initialState: c.getInitialState(),
          log: c.log,
          matchData: c.matchData ?? null,
          chat: c.chatMessages,
        }),
      );
    }
  }

  /** The G a client currently holds (its filtered view). */
  view(id: string | null): Record<string, unknown> {
    return this.seat(id).client.getState()!.G as unknown as Record<string, unknown>;
  }

  stop(): void {
    for (const s of this.seats()) s.client.stop();
  }
}
