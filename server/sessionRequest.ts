/**
 * The request rules shared by the routes that open a session (POST /api/sessions and a table
 * challenge, POST /api/challenges): a JSON object with only the route's fields, a known scenario,
 * a whole number of players that fits its workshops (400 with the reason otherwise). Both then
 * open the table with sessions.ts `openTable`.
 */
import type { RequestRefusal } from '../game/contract/requestRefusals';
import { MAX_ROUNDS } from '../game/contract/limits';
import { isRecord } from '../game/core/schema';
import type { Scenario } from '../game/core/scenario';
import { SCENARIOS } from '../game/core/scenarios';
import { MAX_ROUND_SECONDS, parseSetupData, workshopCount } from '../game/core/setup';
import { HttpError } from './http';
import { nameRefusal } from './names';

/** The body as an object (400 with `usage` otherwise). */
export function requireRecord(body: unknown, usage: RequestRefusal): Record<string, unknown> {
  if (!isRecord(body)) throw new HttpError(400, usage);
  return body;
}

/** 400 for the first field the route does not take. */
export function onlyFields(body: Record<string, unknown>, allowed: readonly string[]): void {
  const extra = Object.keys(body).find((k) => !allowed.includes(k));
  if (extra) throw new HttpError(400, { code: 'body.unknownField', field: null, name: extra.slice(0, 40) });
}

/** A scenario by id (400 listing the known ones). */
export function scenarioOf(id: unknown): Scenario {
  const scenario = typeof id === 'string' ? SCENARIOS.get(id) : undefined;
  if (!scenario)
    throw new HttpError(400, { code: 'scenario.unknown', field: 'scenario', known: [...SCENARIOS.keys()] });
  return scenario;
}

/** A valid name, trimmed (400 naming `field` otherwise). */
export function requireName(name: unknown, field = 'name'): string {
  const refusal = nameRefusal(name, field);
  if (refusal) throw new HttpError(400, refusal);
  return (name as string).trim();
}

/**
 * Why the game's setup refuses `setupData` (`detail`, its English), with the field at fault: the
 * first of the request's own settings that the setup refuses on its own.
 */
export function setupRefusal(setupData: Record<string, unknown>, detail: string): RequestRefusal {
  const { scenario, humanSeats } = setupData;
  const field =
    Object.keys(setupData).find(
      (key) =>
        key !== 'scenario' &&
        key !== 'humanSeats' &&
        !parseSetupData({ scenario, humanSeats, [key]: setupData[key] }).ok,
    ) ?? null;
  if (field === 'rounds') return { code: 'rounds.range', field, min: 1, max: MAX_ROUNDS, detail };
  if (field === 'roundSeconds') return { code: 'roundSeconds.range', field, min: 10, max: MAX_ROUND_SECONDS, detail };
  return { code: 'setup.invalid', field, detail };
}

export interface TableRequest {
  readonly scenario: Scenario;
  readonly workshops: number;
  /** People expected (1 to the scenario's workshops). */
  readonly players: number;
  /** The optional fields that were sent, in the order the route lists them. */
  readonly options: Record<string, unknown>;
}

/**
 * Parse a request for a table: `{scenario, players}` plus the route's optional fields (passed on
 * to setupData, which validates them when the match is created).
 */
export function parseTableRequest(body: unknown, usage: RequestRefusal, optional: readonly string[]): TableRequest {
  const fields = requireRecord(body, usage);
  onlyFields(fields, ['scenario', 'players', ...optional]);
  const scenario = scenarioOf(fields.scenario);
  const workshops = workshopCount(scenario.network);
  const players = fields.players;
  if (typeof players !== 'number' || !Number.isInteger(players) || players < 1 || players > workshops) {
    throw new HttpError(400, {
      code: 'players.range',
      field: 'players',
      min: 1,
      max: workshops,
      title: scenario.title,
    });
  }
  const options: Record<string, unknown> = {};
  for (const key of optional) if (fields[key] !== undefined) options[key] = fields[key];
  return { scenario, workshops, players, options };
}
