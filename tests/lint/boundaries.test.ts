/** [A3] client/ and server/ never import each other: what they share is in game/contract/. */
import { describe, expect, it } from 'vitest';
import { rulesBroken } from './lintText';

describe('[A3] the boundary lint rule between client/ and server/', () => {
  it.each([
    ["import { nameProblem } from '../../server/names';\nexport const f = nameProblem;", 'client/lobby/probe.ts'],
    ["import { nameProblem } from '../../server/names';\nexport const f = nameProblem;", 'client/lobby/Probe.tsx'],
    ["import { startApp } from '../server/app';\nexport const f = startApp;", 'client/probe.ts'],
    ["import { t } from '../client/i18n';\nexport const f = t;", 'server/probe.ts'],
    ["import { checkName } from '../../client/lobby/NameForm';\nexport const f = checkName;", 'server/cli/probe.ts'],
  ])('rejects %s in %s', async (code, filePath) => {
    const broken = await rulesBroken(code, filePath);
    expect(broken.some((m) => /no-restricted-imports.*game\/contract/.test(m))).toBe(true);
  });

  it.each([
    ["import { nameFault } from '../../game/contract/names';\nexport const f = nameFault;", 'client/lobby/probe.ts'],
    ["import { nameFault } from '../game/contract/names';\nexport const f = nameFault;", 'server/probe.ts'],
    ["import { tidyName } from '../lobby/typedName';\nexport const f = tidyName;", 'client/challenge/probe.ts'],
    ["import { nameProblem } from './names';\nexport const f = nameProblem;", 'server/probe.ts'],
  ])('allows %s in %s', async (code, filePath) => {
    expect(await rulesBroken(code, filePath)).toEqual([]);
  });
});
