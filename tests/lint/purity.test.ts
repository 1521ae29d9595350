/** [A1] game/ stays pure: the lint rule rejects client/, server/, React, Node, DOM and Math.random there. */
import { describe, expect, it } from 'vitest';
import { rulesBroken } from './lintText';

describe('[A1] the purity lint rule for game/', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const f = readFileSync;", /no-restricted-imports.*no Node/],
    ["import fs from 'fs';\nexport const f = fs;", /no-restricted-imports.*no Node/],
    ["import { useState } from 'react';\nexport const f = useState;", /no-restricted-imports.*no React/],
    ["import { t } from '../../client/i18n';\nexport const f = t;", /no-restricted-imports.*client/],
    ["import { x } from '../server/cli/flags';\nexport const f = x;", /no-restricted-imports.*server/],
    ['export const f = () => document.title;', /no-restricted-globals.*no DOM/],
    ['export const f = () => process.env;', /no-restricted-globals/],
    ['export const f = () => Math.random();', /no-restricted-properties.*seeded stream/],
    ['export const f = () => Date.now();', /no-restricted-properties.*deterministic/],
  ])('rejects %s', async (code, rule) => {
    const broken = await rulesBroken(code, 'game/engine/probe.ts');
    expect(broken.some((m) => rule.test(m))).toBe(true);
  });

  it('allows the same code outside game/', async () => {
    expect(
      await rulesBroken("import { readFileSync } from 'node:fs';\nexport const f = readFileSync;", 'server/probe.ts'),
    ).toEqual([]);
  });

  it('passes on pure engine code', async () => {
    expect(
      await rulesBroken(
        "import { rootStream } from './rng';\nexport const f = () => rootStream(1).nextFloat();",
        'game/engine/probe.ts',
      ),
    ).toEqual([]);
  });
});
