/**
 * `npm start`: serves the built client (dist/) and GET /health on PORT (default 8000).
 * The boardgame.io game server, lobby and storage join this process with the session issue.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)), 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(
      JSON.stringify({ event: 'config-error', message: `PORT must be an integer from 0 to 65535, got "${raw}"` }),
    );
    process.exit(2);
  }
  return port;
}

if (!existsSync(join(root, 'index.html'))) {
  console.error(
    JSON.stringify({
      event: 'config-error',
      message: 'dist/index.html is missing: run npm run build (npm start does it for you)',
    }),
  );
  process.exit(2);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true }));
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  let path = normalize(join(root, decoded));
  if (!path.startsWith(root)) {
    res.writeHead(400).end();
    return;
  }
  if (!existsSync(path) || statSync(path).isDirectory()) path = join(root, 'index.html');
  res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
  if (req.method === 'HEAD') res.end();
  else createReadStream(path).pipe(res);
});

const port = parsePort(process.env.PORT);
server.listen(port, () => {
  const address = server.address();
  console.log(
    JSON.stringify({ event: 'listening', port: typeof address === 'object' && address ? address.port : port }),
  );
});
