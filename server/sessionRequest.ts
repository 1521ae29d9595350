/**
 * The request rules shared by the routes that open a session (POST /api/sessions and a table
 * challenge, POST /api/challenges): a JSON object with only the route's fields, a known scenario,
 * a whole number of players that fits its workshops (400 with the reason otherwise). Both then
 * open the table with sessions.ts `openTable`.
 */
import { isRecord } from '../game/core/schema';
import type { Scenario } from '../game/core/scenario';
import { SCENARIOS } from '../game/core/scenarios';
import { workshopCount } from '../game/core/setup';
import { HttpError } from './http';

/** The body as an object (400 with `usage` otherwise). */
export function requireRecord(body: unknown, usage: string): Record<string, unknown> {
  if (!isRecord(body)) throw new HttpError(400, usage);
  return body;
}

/** 400 for the first field the route does not take. */
export function onlyFields(body: Record<string, unknown>, allowed: readonly string[]): void {
  const extra = Object.keys(body).find((k) => !allowed.includes(k));
  if (extra) throw new HttpError(400, `unknown field "${extra}"`);
}

/** A scenario by id (400 listing the known ones). */
export function scenarioOf(id: unknown): Scenario {
  const scenario = typeof id === 'string' ? SCENARIOS.get(id) : undefined;
  if (!scenario) throw new HttpError(400, `scenario must be one of ${[...SCENARIOS.keys()].join(', ')}`);
  return scenario;
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
export function parseTableRequest(body: unknown, usage: string, optional: readonly string[]): TableRequest {
  const fields = requireRecord(body, usage);
  onlyFields(fields, ['scenario', 'players', ...optional]);
  const scenario = scenarioOf(fields.scenario);
  const workshops = workshopCount(scenario.network);
  const players = fields.players;
  if (typeof players !== 'number' || !Number.isInteger(players) || players < 1 || players > workshops) {
    throw new HttpError(
      400,
      `players must be a whole number from 1 to ${workshops} (the workshops of ${scenario.title})`,
    );
  }
  const options: Record<string, unknown> = {};
  for (const key of optional) if (fields[key] !== undefined) options[key] = fields[key];
  return { scenario, workshops, players, options };
}
