/**
 * Budget: the JavaScript a browser must load before the first screen (the entry chunks that
 * index.html references, not the lazily loaded pages) stays under a fixed gzip size. The client
 * is built with Vite into a temporary folder; the budget is documented in docs/PERFORMANCE.md.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Initial JavaScript, gzip level 9, in bytes (measured 146,391 on 2026-11-26, 25% headroom). */
export const INITIAL_JS_GZIP_BUDGET = 183_000;

let outDir = '';

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('client bundle budget', () => {
  it('keeps the initial JavaScript under its gzip budget', async () => {
    outDir = await mkdtemp(join(tmpdir(), 'kc-bundle-'));
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      root: join(ROOT, 'client'),
      build: { outDir, emptyOutDir: true },
      logLevel: 'warn',
    });
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    // Entry scripts and their modulepreloaded imports: what loads before the first screen.
    const refs = [
      ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+\.js)"/g),
      ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
    ].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    let gzip = 0;
    let raw = 0;
    for (const ref of new Set(refs)) {
      const code = await readFile(join(outDir, ref.replace(/^\.?\//, '')));
      raw += code.length;
      gzip += gzipSync(code, { level: 9 }).length;
    }
    console.log(`initial JavaScript: ${refs.length} file(s), ${raw} bytes, ${gzip} bytes gzip`);
    expect(gzip).toBeLessThan(INITIAL_JS_GZIP_BUDGET);
  });
});
