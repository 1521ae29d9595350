/**
 * [A5] The lint rules that need more than the text: React's rules of hooks on the client, and the
 * type-checked rules (a promise is never dropped or passed as a plain callback; a switch over a
 * union names every case). The type-checked ones are tried on a real file of the TypeScript
 * program (a scratch file under tests/lint/, removed afterwards), as `npm run lint` sees it.
 */
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rulesBroken } from './lintText';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function typedRulesBroken(code: string): Promise<string[]> {
  const path = fileURLToPath(new URL(`./probe-${process.pid}-${Date.now()}.ts`, import.meta.url));
  await writeFile(path, code);
  try {
    const [result] = await new ESLint({ cwd: ROOT }).lintFiles([path]);
    return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
  } finally {
    await rm(path, { force: true });
  }
}

describe('[A5] lint rules beyond the text', () => {
  it('refuses a hook called conditionally and an effect that hides a dependency', async () => {
    const conditional = `import { useState } from 'react';
export function Probe({ on }: { on: boolean }) {
  if (on) {
    const [v] = useState(0);
    return v;
  }
  return null;
}`;
    expect((await rulesBroken(conditional, 'client/board/Probe.tsx')).join('\n')).toMatch(
      /react-hooks\/rules-of-hooks/,
    );
    const hidden = `import { useEffect } from 'react';
export function Probe({ id }: { id: string }) {
  useEffect(() => {
    document.title = id;
  }, []);
  return null;
}`;
    expect((await rulesBroken(hidden, 'client/board/Probe.tsx')).join('\n')).toMatch(/react-hooks\/exhaustive-deps/);
    const fine = hidden.replace('}, []);', '}, [id]);');
    expect(await rulesBroken(fine, 'client/board/Probe.tsx')).toEqual([]);
  });

  it('refuses a dropped promise, a promise where a callback is expected and a switch missing a case', async () => {
    const broken = await typedRulesBroken(`const later = async (): Promise<number> => 1;
export function drop(): void {
  later();
}
export const handler: () => void = later;
export function name(kind: 'a' | 'b'): string {
  switch (kind) {
    case 'a':
      return 'A';
  }
  return '?';
}
`);
    expect(broken.join('\n')).toMatch(/no-floating-promises/);
    expect(broken.join('\n')).toMatch(/no-misused-promises/);
    expect(broken.join('\n')).toMatch(/switch-exhaustiveness-check/);
    const fine = await typedRulesBroken(`const later = async (): Promise<number> => 1;
export function drop(): void {
  void later();
}
`);
    expect(fine).toEqual([]);
  });
});
