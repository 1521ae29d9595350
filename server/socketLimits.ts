/**
 * L7: Socket.IO packet limits on the game's namespace (docs/SECURITY.md "Limits").
 *  - every socket has a packet budget (`limits.packets`), spent before the packet guard sees a
 *    packet: a socket over it is disconnected;
 *  - every packet the guard refuses spends a token of its address (`limits.refusedPackets`): while
 *    tokens are left the refusal is logged as before, after that the socket is disconnected.
 * A disconnection is logged once per socket (and at most a few times per address and minute), so
 * a flood of forged packets costs a bounded number of log lines. An honest client sends a
 * packet per move and none that the guard refuses.
 */
import { GAME_NAME } from '../game/core/game';
import type { GameSocket, SocketServer } from './bgio';
import { type Limits, type Note, clientAddress } from './limits';
import type { Logger } from './log';
import { RateLimiter, fullBucket, spend } from './rateLimit';

type LimitedSocket = GameSocket;

export interface SocketLimits {
  /** Count a packet the guard refused (and log it, or disconnect its socket). */
  refused(socket: { readonly id: string }, reason: string): void;
}

/**
 * Install the per-socket budget on the game's namespace of the server's Socket.IO instance (bgio.ts `socketServer`). Call it
 * before the packet guard is installed: its middleware must run first.
 */
export function installSocketLimits(
  io: SocketServer,
  limits: Limits,
  trustProxy: boolean,
  log: Logger,
  note: Note,
): SocketLimits {
  const refusals = new RateLimiter(limits.refusedPackets, limits.now, limits.maxAddresses);
  const sockets = new WeakMap<object, { address: string; cut: boolean; socket: LimitedSocket }>();

  const cut = (entry: { address: string; cut: boolean; socket: LimitedSocket }, why: string, retryAfterS: number) => {
    if (entry.cut) return;
    entry.cut = true;
    note('socket-cut', entry.address, { socket: entry.socket.id, why, retryAfterS });
    entry.socket.disconnect(true);
  };

  io.of(GAME_NAME).on('connection', (socket) => {
    const entry = {
      address: clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], trustProxy),
      cut: false,
      socket,
    };
    sockets.set(socket, entry);
    const budget = fullBucket(limits.packets, limits.now());
    socket.use((_packet, next) => {
      if (entry.cut) return;
      const verdict = spend(budget, limits.packets, limits.now());
      if (verdict.ok) next();
      else cut(entry, 'too many packets', verdict.retryAfterS);
    });
  });

  return {
    refused(socket, reason) {
      const entry = sockets.get(socket);
      if (!entry) {
        log('packet-refused', { socket: socket.id, reason });
        return;
      }
      if (entry.cut) return;
      const verdict = refusals.take(entry.address);
      if (verdict.ok) log('packet-refused', { socket: socket.id, reason });
      else cut(entry, 'too many refused packets', verdict.retryAfterS);
    },
  };
}
