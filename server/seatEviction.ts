/**
 * A socket keeps the seat it authenticated as only while its credentials hold that seat. boardgame.io
 * checks credentials when a socket syncs and when it moves, but keeps sending every later state to
 * the sockets it registered: a player who left (or whose seat a newcomer took) went on receiving
 * the seat's private view over the old socket. After every metadata write (join, leave, rename,
 * connection change), the sockets of the match whose credentials no longer match their seat's are
 * unregistered from boardgame.io's transport and disconnected.
 */
import type { Server } from 'boardgame.io';
import { transportClients } from './bgio';
import { holdsSeat } from './credentials';
import type { Logger } from './log';

export function evictStaleSockets(transport: unknown, matchID: string, metadata: Server.MatchData, log: Logger): void {
  const t = transportClients(transport);
  for (const socketID of [...(t.roomInfo.get(matchID) ?? [])]) {
    const client = t.clientInfo.get(socketID);
    if (!client || client.playerID === null || client.playerID === undefined) continue;
    if (holdsSeat(metadata, client.playerID, client.credentials)) continue;
    t.removeClient(socketID);
    client.socket.disconnect(true);
    log('socket-evicted', { matchID, seat: client.playerID });
  }
}
