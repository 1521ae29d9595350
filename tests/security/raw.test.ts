/**
 * The raw-packet helper frames packets exactly as a real client does: what `emitRaw` hands to the
 * Engine.IO socket equals, byte for byte, what socket.io-client writes for the same event through
 * `emit`. A hand-framed packet then reaches the server's event handlers (and the packet guard)
 * instead of being dropped as garbage: the server answers a raw `sync` like a real one.
 */
import { describe, expect, it } from 'vitest';
import { type TestApp, createSession } from '../server/helpers';
import { rawSocket, withTestApp } from './raw';

let app: TestApp;
withTestApp((started) => (app = started));

describe('emitRaw', () => {
  it('writes what socket.io-client writes for the same event, and the server acts on it', async () => {
    const s = await createSession(app, { scenario: 'ring-road', players: 2, roundSeconds: 0 });
    const seat = await rawSocket(app);
    const engine = (seat.socket.io as unknown as { engine: { write(data: string): void } }).engine;
    const written: string[] = [];
    const write = engine.write.bind(engine);
    engine.write = (data: string) => {
      written.push(data);
      write(data);
    };
    const args = ['sync', s.matchID, null, null, 13] as const;
    seat.socket.emit(...args);
    seat.emitRaw(JSON.stringify(args));
    expect(written).toHaveLength(2);
    expect(written[1]).toBe(written[0]);
    // Both syncs were answered: the raw one was delivered as an event, not dropped.
    await expect.poll(() => seat.packets.filter((p) => p.event === 'sync').length).toBe(2);
    seat.close();
  });
});
