/**
 * The client reads a server refusal by its `code` and `field` only (game/contract/requestRefusals.ts),
 * never by its English `error`: the create-session form puts it on the named field, in the
 * reader's language.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FetchLike, createApi } from '../../client/app/api';
import { failureText } from '../../client/app/failure';
import { registerCatalogue, setLanguage } from '../../client/i18n';
import { refusedCreation } from '../../client/lobby/sessionForm';

const reply =
  (status: number, body: unknown): FetchLike =>
  async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const refusedWith = async (body: Record<string, unknown>) => {
  const r = await createApi(reply(400, body)).createSession({ scenario: 'two-inputs', players: 2, rounds: 30 });
  if (r.ok) throw new Error('expected a refusal');
  return r.failure;
};

// English that names the wrong field and says nothing useful: only code and field may count.
const NONSENSE = 'rounds scenario roundSeconds: the moon is made of cheese';

describe('a server refusal on the create-session form', () => {
  beforeEach(() => {
    registerCatalogue('xx', {
      'refusal.players.range': 'XX players {min}..{max}',
      'refusal.roundSeconds.range': 'XX timer {min}..{max}',
      'refusal.rate.limited': 'XX wait {seconds}',
    });
    setLanguage('xx');
  });
  afterEach(() => setLanguage('en'));

  it('goes on the field the refusal names, translated from its code and params', async () => {
    const failure = await refusedWith({ error: NONSENSE, code: 'players.range', field: 'players', min: 1, max: 12 });
    expect(refusedCreation(failure)).toEqual({ fields: { players: 'XX players 1..12' }, form: null });
  });

  it('puts a refusal of another field on that field', async () => {
    const failure = await refusedWith({
      error: 'players players players',
      code: 'roundSeconds.range',
      field: 'roundSeconds',
      min: 10,
      max: 3600,
      detail: 'players',
    });
    expect(refusedCreation(failure)).toEqual({ fields: { roundSeconds: 'XX timer 10..3600' }, form: null });
  });

  it('shows a refusal without a form field for the whole form, translated', async () => {
    const failure = await refusedWith({
      error: NONSENSE,
      code: 'rate.limited',
      field: null,
      limit: 'creations',
      retryAfterS: 7,
    });
    expect(refusedCreation(failure)).toEqual({ fields: {}, form: 'XX wait 7' });
  });

  it('falls back to English for a code it does not know, on no field', async () => {
    setLanguage('en');
    const failure = await refusedWith({
      error: 'players must be 1 to 12',
      code: 'players.unheardOf',
      field: 'players',
    });
    expect(refusedCreation(failure)).toEqual({ fields: {}, form: 'players must be 1 to 12' });
    expect(failureText(failure)).toBe('players must be 1 to 12');
  });
});
