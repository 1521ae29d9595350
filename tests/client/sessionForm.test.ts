import { describe, expect, it } from 'vitest';
import type { ScenarioSummary } from '../../client/app/apiTypes';
import { checkName } from '../../client/lobby/NameForm';
import { scenarioFacts } from '../../client/lobby/ScenarioPicker';
import { joinLink, spelled } from '../../client/lobby/joinLink';
import { TIMER_CHOICES, defaultsFor, timerLabel, validateSessionForm } from '../../client/lobby/sessionForm';

const scenario = (overrides: Partial<ScenarioSummary> = {}): ScenarioSummary => ({
  id: 'two-inputs',
  title: 'Two inputs',
  story: '',
  learningGoal: '',
  questions: [],
  workshops: 12,
  rounds: 30,
  criticalBuffer: 1.852,
  mechanics: [],
  trouble: '',
  hasNewRoad: false,
  ...overrides,
});

describe('the create-session form', () => {
  it('starts from the scenario: its rounds, up to 8 players, a one-minute timer', () => {
    expect(defaultsFor(scenario())).toEqual({
      scenario: 'two-inputs',
      players: '8',
      rounds: '30',
      roundSeconds: 60,
      newRoad: false,
    });
    expect(defaultsFor(scenario({ workshops: 5 })).players).toBe('5');
  });

  it('sends what the server accepts', () => {
    const checked = validateSessionForm({ ...defaultsFor(scenario()), players: ' 3 ' }, scenario());
    expect(checked).toEqual({ ok: true, body: { scenario: 'two-inputs', players: 3, rounds: 30, roundSeconds: 60 } });
  });

  it('names each bad field', () => {
    const checked = validateSessionForm({ ...defaultsFor(scenario()), players: '13', rounds: '2.5' }, scenario());
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.errors.players).toMatch(/1 to 12/);
      expect(checked.errors.rounds).toMatch(/1 to 500/);
    }
    expect(validateSessionForm(defaultsFor(scenario()), undefined)).toEqual({
      ok: false,
      errors: { scenario: 'Choose a scenario.' },
    });
  });

  it('opens the new road only where the scenario has one', () => {
    const values = { ...defaultsFor(scenario()), newRoad: true };
    const withRoad = validateSessionForm(values, scenario({ hasNewRoad: true }));
    const without = validateSessionForm(values, scenario());
    expect(withRoad.ok && withRoad.body.newRoad).toBe(true);
    expect(without.ok && 'newRoad' in without.body).toBe(false);
  });

  it('offers only timers the server accepts (0, or 10 to 3600 seconds)', () => {
    for (const s of TIMER_CHOICES) expect(s === 0 || (s >= 10 && s <= 3600)).toBe(true);
    expect(timerLabel(0)).toBe('No timer');
    expect(timerLabel(45)).toBe('45 seconds');
    expect(timerLabel(120)).toBe('2 min');
  });

  it('describes a scenario by workshops, rounds and critical bin', () => {
    expect(scenarioFacts(scenario())).toBe('12 workshops · 30 rounds · critical bin 1.85 h');
    expect(scenarioFacts(scenario({ criticalBuffer: null }))).toBe('12 workshops · 30 rounds');
  });
});

describe('joining', () => {
  it('takes a trimmed name of 1 to 40 characters', () => {
    expect(checkName('  Ada   Lovelace ')).toEqual({ ok: true, name: 'Ada Lovelace' });
    expect(checkName('   ').ok).toBe(false);
    expect(checkName('x'.repeat(41)).ok).toBe(false);
    expect(checkName('x'.repeat(40)).ok).toBe(true);
  });

  it("uses the server's join link, else this origin's", () => {
    expect(joinLink('K7MPQ2', 'https://game.example/join/K7MPQ2', 'http://localhost')).toBe(
      'https://game.example/join/K7MPQ2',
    );
    expect(joinLink('K7MPQ2', '', 'http://localhost:8000')).toBe('http://localhost:8000/join/K7MPQ2');
  });

  it('spells a code out for screen readers', () => {
    expect(spelled('K7MPQ2')).toBe('K 7 M P Q 2');
  });
});
