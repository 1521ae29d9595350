/** [A4] No import cycles in game/, client/ or server/ (type-only imports count too). */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './importGraph';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('[A4] import cycles', () => {
  it('the tree has none', () => {
    const graph = importGraph(ROOT, ['game', 'client', 'server']);
    expect(graph.size).toBeGreaterThan(200);
    // The graph is real: the game's wiring imports its rules.
    expect(graph.get('game/core/game.ts')).toContain('game/core/decisions.ts');
    expect(importCycles(graph)).toEqual([]);
  });

  it('finds a cycle through a type-only import and a re-export, and ignores a lazy import', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kc-cycles-'));
    try {
      await mkdir(join(dir, 'src', 'sub'), { recursive: true });
      await writeFile(join(dir, 'src', 'a.ts'), "import type { B } from './sub/b';\nexport type A = B;\n");
      await writeFile(join(dir, 'src', 'sub', 'b.ts'), "export * from '../c';\nexport type B = number;\n");
      await writeFile(
        join(dir, 'src', 'c.ts'),
        "import {\n  type A,\n} from './a';\nexport const c: A | null = null;\nexport const lazy = () => import('./d');\n",
      );
      await writeFile(join(dir, 'src', 'd.ts'), "import { c } from './c';\nexport const d = c;\n");
      const cycles = importCycles(importGraph(dir, ['src']));
      expect(cycles).toEqual([['src/a.ts', 'src/c.ts', 'src/sub/b.ts']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
