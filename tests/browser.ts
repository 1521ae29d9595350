/**
 * Debian's chromium through playwright-core, as every browser test launches it, and the client
 * served by Vite for the browser tests that need no game server. `.ci/run` installs
 * chromium; a missing browser makes the tests fail (launch throws), never skip.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { type Browser, chromium } from 'playwright-core';
import { createServer } from 'vite';

export const CHROMIUM = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // As root in a sandboxed machine without network: no sandbox, no GPU, no background traffic.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The client served by Vite's dev server (React + Tailwind, no config file) from `root` (default
 * client/) on a free port: its base URL without a trailing slash, and how to stop it.
 */
export async function serveClient(root?: string): Promise<{ readonly base: string; close(): Promise<void> }> {
  const project = fileURLToPath(new URL('..', import.meta.url));
  const server = await createServer({
    configFile: false,
    root: root ?? join(project, 'client'),
    logLevel: 'error',
    plugins: [react(), tailwindcss()],
    server: { port: 0, host: '127.0.0.1', fs: { allow: [project] }, hmr: false },
  });
  await server.listen();
  const { port } = server.httpServer!.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => server.close() };
}
