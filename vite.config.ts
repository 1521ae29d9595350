import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// `npm run dev`: Vite on :5173 proxies the API and the game socket to the server on :8000
// (`npm run serve`), presenting the server's own origin so its origin check lets them through.
const target = 'http://localhost:8000';
const sameOrigin = {
  target,
  changeOrigin: true,
  configure: (proxy: { on(event: string, fn: (req: { setHeader(k: string, v: string): void }) => void): void }) => {
    proxy.on('proxyReq', (req) => req.setHeader('origin', target));
    proxy.on('proxyReqWs', (req) => req.setHeader('origin', target));
  },
};

export default defineConfig({
  root: 'client',
  publicDir: '../assets/public',
  plugins: [react(), tailwindcss()],
  build: { outDir: '../dist', emptyOutDir: true },
  server: {
    port: 5173,
    proxy: {
      '/api': sameOrigin,
      '/games': sameOrigin,
      '/health': sameOrigin,
      '/socket.io': { ...sameOrigin, ws: true },
    },
  },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
