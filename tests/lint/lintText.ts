/**
 * Lint a scratch snippet as if it were the file at `filePath` (relative to the repository root).
 * The snippet is not a file of the TypeScript program, so the type-checked rules are turned off
 * for it (typescript-eslint's disableTypeChecked); every other rule of eslint.config.js applies.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const eslint = new ESLint({
  cwd: new URL('../..', import.meta.url).pathname,
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

/** The broken rules, as "rule-id: message". */
export async function rulesBroken(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}
