/**
 * `npm start` runs this (after building the client when needed, see start.ts): the whole server
 * on PORT (default 8000) with its data in DATA_DIR (default ./data). ORIGINS (comma-separated)
 * adds allowed origins besides the server's own; PUBLIC_URL sets the origin used in join links.
 * The hosts of PUBLIC_URL and ORIGINS are the names the server answers for besides its addresses
 * (hosts.ts). TRUST_PROXY=1 (one reverse proxy in front) limits clients by X-Forwarded-For.
 */
import { resolve } from 'node:path';
import { jsonLogger } from './log';

// boardgame.io runs development checks unless NODE_ENV is production: a walk over the whole state
// after every move to prove it serialisable (a fifth of the server's CPU under load, see
// docs/PERFORMANCE.md) and INFO lines on stdout. A server is production unless told otherwise;
// the tests (vitest sets NODE_ENV=test) keep the checks.
process.env.NODE_ENV ??= 'production';
const { startApp } = await import('./app');

const log = jsonLogger();

function fail(message: string): never {
  log('config-error', { message });
  process.exit(2);
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(port) || port < 0 || port > 65535)
    fail(`PORT must be an integer from 0 to 65535, got "${raw}"`);
  return port;
}

function parseOrigins(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw.split(',').map((o) => {
    const origin = o.trim();
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) fail(`ORIGINS entries must look like http://host:port, got "${origin}"`);
    return origin;
  });
}

function parseFlag(name: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  fail(`${name} must be 1 or 0, got "${raw}"`);
}

const publicUrl = process.env.PUBLIC_URL?.replace(/\/$/, '');
if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+$/.test(publicUrl))
  fail(`PUBLIC_URL must look like http://host:port, got "${publicUrl}"`);

const app = await startApp({
  port: parsePort(process.env.PORT),
  dataDir: resolve(process.env.DATA_DIR ?? 'data'),
  origins: parseOrigins(process.env.ORIGINS),
  trustProxy: parseFlag('TRUST_PROXY', process.env.TRUST_PROXY),
  log,
  ...(publicUrl ? { publicUrl, origins: [...parseOrigins(process.env.ORIGINS), publicUrl] } : {}),
});

const shutdown = (signal: string) => {
  log('shutdown', { signal });
  void app.close().then(() => process.exit(0));
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
