import { describe, expect, it } from 'vitest';
import { connect } from '../../client/app/connect';
import { createCredentialStore, facilitatorKey, parseSeatCredentials, seatKey } from '../../client/app/credentials';
import { FakeStorage } from './fixtures';

const player = { matchID: 'm1', seat: '3', credentials: 'secret', name: 'Ada' };
const facilitator = { matchID: 'm1', seat: '0', credentials: 'boss', name: 'Facilitator' };

describe('the credential store (docs/API.md, "The browser")', () => {
  it('keeps a seat under kc:seat:<code> as {matchID, seat, credentials, name}', () => {
    const storage = new FakeStorage();
    const store = createCredentialStore(storage);
    expect(store.save('ABC234', player)).toBe(true);
    expect(JSON.parse(storage.items.get('kc:seat:ABC234')!)).toEqual(player);
    expect(store.seat('ABC234')).toEqual(player);
  });

  it('treats codes case-insensitively', () => {
    const store = createCredentialStore(new FakeStorage());
    store.save('abc234', player);
    expect(store.seat('ABC234')).toEqual(player);
    expect(seatKey('abc234')).toBe('kc:seat:ABC234');
  });

  it('keeps the facilitator seat when the same browser then joins as a player', () => {
    const storage = new FakeStorage();
    const store = createCredentialStore(storage);
    store.save('ABC234', facilitator);
    expect(storage.items.has(facilitatorKey('ABC234'))).toBe(true);
    store.save('ABC234', player);
    expect(store.seat('ABC234')).toEqual(player);
    expect(store.facilitator('ABC234')).toEqual(facilitator);
  });

  it('finds a facilitator seat stored only under kc:seat:<code>', () => {
    const storage = new FakeStorage();
    storage.setItem('kc:seat:ABC234', JSON.stringify(facilitator));
    expect(createCredentialStore(storage).facilitator('ABC234')).toEqual(facilitator);
  });

  it('does not take a player seat for the facilitator', () => {
    const store = createCredentialStore(new FakeStorage());
    store.save('ABC234', player);
    expect(store.facilitator('ABC234')).toBeNull();
  });

  it('forgets a player seat', () => {
    const store = createCredentialStore(new FakeStorage());
    store.save('ABC234', player);
    store.forget('ABC234');
    expect(store.seat('ABC234')).toBeNull();
  });

  it('ignores malformed stored values', () => {
    for (const raw of ['', 'not json', '[]', '{}', '{"matchID":"m","seat":"x","credentials":"c"}', 'null'])
      expect(parseSeatCredentials(raw)).toBeNull();
    expect(parseSeatCredentials('{"matchID":"m","seat":"2","credentials":"c"}')).toEqual({
      matchID: 'm',
      seat: '2',
      credentials: 'c',
      name: '',
    });
  });

  it('survives blocked storage: remembers the seat in memory and says it could not store it', () => {
    const store = createCredentialStore(new FakeStorage(true));
    expect(store.save('ABC234', player)).toBe(false);
    expect(store.seat('ABC234')).toEqual(player);
    expect(() => store.forget('ABC234')).not.toThrow();
    expect(store.seat('ABC234')).toBeNull();
  });

  it('works without any storage at all', () => {
    const store = createCredentialStore(null);
    expect(store.save('ABC234', facilitator)).toBe(false);
    expect(store.facilitator('ABC234')).toEqual(facilitator);
  });
});

describe('connect(code, role)', () => {
  it('gives the stored seat as the boardgame.io client props', () => {
    const store = createCredentialStore(new FakeStorage());
    store.save('ABC234', player);
    expect(connect('ABC234', 'player', store)).toEqual({
      code: 'ABC234',
      matchID: 'm1',
      playerID: '3',
      credentials: 'secret',
      name: 'Ada',
    });
  });

  it('answers null without a seat, and never hands the facilitator seat to the player board', () => {
    const store = createCredentialStore(new FakeStorage());
    expect(connect('ABC234', 'player', store)).toBeNull();
    store.save('ABC234', facilitator);
    expect(connect('ABC234', 'player', store)).toBeNull();
    expect(connect('ABC234', 'facilitator', store)?.playerID).toBe('0');
  });
});
