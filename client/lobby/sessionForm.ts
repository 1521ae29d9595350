/** The create-session form: defaults from a scenario, and validation before sending. Pure. */
import type { ApiFailure } from '../app/api';
import type { ScenarioSummary } from '../app/apiTypes';
import { failureText, fieldOf } from '../app/failure';
import type { CreateSessionBody } from '../../game/contract/api';
import { MAX_ROUNDS } from '../../game/contract/limits';
import { t } from '../i18n';

export const SESSION_FIELDS = ['scenario', 'players', 'rounds', 'roundSeconds'] as const;
export type SessionField = (typeof SESSION_FIELDS)[number];

/** Round timer choices in seconds (0: no timer); rounds of 30 to 90 seconds feel best. */
export const TIMER_CHOICES = [0, 30, 45, 60, 90, 120, 180, 300] as const;
export const DEFAULT_TIMER = 60;

export interface SessionFormValues {
  readonly scenario: string;
  /** As typed (validated on submit). */
  readonly players: string;
  readonly rounds: string;
  readonly roundSeconds: number;
  /** Open the scenario's new road from the start (scenarios that have one). */
  readonly newRoad: boolean;
}

export type SessionFormErrors = Partial<Record<SessionField, string>>;

export function defaultsFor(scenario: ScenarioSummary): SessionFormValues {
  return {
    scenario: scenario.id,
    players: String(Math.min(scenario.workshops, 8)),
    rounds: String(scenario.rounds),
    roundSeconds: DEFAULT_TIMER,
    newRoad: false,
  };
}

const wholeNumber = (typed: string): number | null => (/^\s*\d+\s*$/.test(typed) ? Number(typed) : null);

export function validateSessionForm(
  values: SessionFormValues,
  scenario: ScenarioSummary | undefined,
): { ok: true; body: CreateSessionBody } | { ok: false; errors: SessionFormErrors } {
  if (!scenario) return { ok: false, errors: { scenario: t('new.error.scenario') } };
  const errors: SessionFormErrors = {};
  const players = wholeNumber(values.players);
  if (players === null || players < 1 || players > scenario.workshops)
    errors.players = t('new.error.players', { max: scenario.workshops });
  const rounds = wholeNumber(values.rounds);
  if (rounds === null || rounds < 1 || rounds > MAX_ROUNDS) errors.rounds = t('new.error.rounds', { max: MAX_ROUNDS });
  if (Object.keys(errors).length > 0 || players === null || rounds === null) return { ok: false, errors };
  const body: CreateSessionBody = { scenario: scenario.id, players, rounds, roundSeconds: values.roundSeconds };
  return { ok: true, body: scenario.hasNewRoad && values.newRoad ? { ...body, newRoad: true } : body };
}

/** A timer choice as text: "no timer", "45 s", "2 min". */
export function timerLabel(seconds: number): string {
  if (seconds === 0) return t('new.timer.none');
  return seconds % 60 === 0 ? t('new.timer.minutes', { n: seconds / 60 }) : t('new.timer.seconds', { n: seconds });
}

/** A refused creation: on its field when the refusal names one of the form's, else for the whole form. */
export function refusedCreation(failure: ApiFailure): { fields: SessionFormErrors; form: string | null } {
  const field = fieldOf(failure, SESSION_FIELDS);
  const text = failureText(failure);
  return field ? { fields: { [field]: text }, form: null } : { fields: {}, form: text };
}
