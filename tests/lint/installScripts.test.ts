/**
 * [A2] Every dependency install script is reviewed: the packages that package-lock.json marks
 * `hasInstallScript` are exactly the reviewed table below (name and version), and package.json's
 * `allowScripts` approves exactly those names, no more and no fewer.
 *
 * npm 12 runs a dependency's install script only when `allowScripts` approves it (npm 11 warns,
 * npm 10 runs them all). npm can pin an approval to a version (`pkg@1.2.3`) only when the lockfile
 * records each package's registry URL (`resolved`); this lockfile does not, so npm is given the
 * names and this test holds the versions: a dependency that adds an install script, or an update
 * of an approved one, fails here on every npm until someone reads the new script and updates the
 * table (and `allowScripts`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The install scripts we read and approve, at the versions we read them. */
const REVIEWED = [
  {
    name: 'better-sqlite3',
    version: '12.11.1',
    script: 'install: prebuild-install || node-gyp rebuild --release',
    why: 'builds the SQLite binding the server stores sessions in (server/storage/sqlite.ts)',
  },
  {
    name: 'esbuild',
    version: '0.28.2',
    script: 'postinstall: node install.js',
    why: "checks that esbuild's platform binary (Vite's bundler, a dev dependency) runs",
  },
] as const;

interface Lockfile {
  packages: Record<string, { name?: string; version?: string; hasInstallScript?: boolean }>;
}

type AllowScripts = Record<string, boolean>;

interface Reviewed {
  readonly name: string;
  readonly version: string;
}

const root = new URL('../..', import.meta.url);
const readJson = <T>(file: string): T => JSON.parse(readFileSync(new URL(file, root), 'utf8')) as T;

/** `name@version` of every package in the lockfile that has an install script. */
function withInstallScripts(lock: Lockfile): string[] {
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && entry.hasInstallScript === true)
    .map(([path, entry]) => `${entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 13)}@${entry.version}`)
    .sort();
}

/** Every way the lockfile, the reviewed table and `allowScripts` disagree (empty when they agree). */
function installScriptProblems(
  lock: Lockfile,
  allowScripts: AllowScripts | undefined,
  reviewed: readonly Reviewed[],
): string[] {
  const problems: string[] = [];
  const found = withInstallScripts(lock);
  const known = reviewed.map((r) => `${r.name}@${r.version}`);
  for (const pkg of found)
    if (!known.includes(pkg)) problems.push(`${pkg} has an install script nobody reviewed: read it, then add it`);
  for (const pkg of known) if (!found.includes(pkg)) problems.push(`${pkg} is reviewed but not in the lockfile`);

  const allow = allowScripts ?? {};
  const names = reviewed.map((r) => r.name);
  for (const [key, value] of Object.entries(allow)) {
    const at = key.lastIndexOf('@');
    const [name, version] = at > 0 ? [key.slice(0, at), key.slice(at + 1)] : [key, undefined];
    const entry = reviewed.find((r) => r.name === name);
    if (value !== true) problems.push(`allowScripts["${key}"] is ${String(value)}, not true`);
    if (!entry) problems.push(`allowScripts approves ${key}, which has no reviewed install script`);
    else if (version !== undefined && version !== entry.version)
      problems.push(`allowScripts approves ${key}, but the reviewed version is ${entry.version}`);
  }
  for (const name of names)
    if (!Object.keys(allow).some((key) => key === name || key.startsWith(`${name}@`)))
      problems.push(`allowScripts does not approve ${name}: npm 12 would skip its install script`);
  return problems;
}

const lock = readJson<Lockfile>('package-lock.json');
const pkg = readJson<{ allowScripts?: AllowScripts }>('package.json');
/** The approvals the table calls for, for the tests that alter one input at a time. */
const approved: AllowScripts = { 'better-sqlite3': true, esbuild: true };

describe('[A2] dependency install scripts are reviewed and approved', () => {
  it('the lockfile, the reviewed table and package.json allowScripts agree exactly', () => {
    expect(withInstallScripts(lock)).toEqual(['better-sqlite3@12.11.1', 'esbuild@0.28.2']);
    expect(installScriptProblems(lock, pkg.allowScripts, REVIEWED)).toEqual([]);
  });

  it('fails on a dependency that adds an install script, and on an update of an approved one', () => {
    const added: Lockfile = {
      packages: { ...lock.packages, 'node_modules/sharp': { version: '0.40.0', hasInstallScript: true } },
    };
    expect(installScriptProblems(added, approved, REVIEWED)).toEqual([
      'sharp@0.40.0 has an install script nobody reviewed: read it, then add it',
    ]);
    const bumped: Lockfile = {
      packages: {
        ...lock.packages,
        'node_modules/better-sqlite3': { ...lock.packages['node_modules/better-sqlite3'], version: '12.12.0' },
      },
    };
    expect(installScriptProblems(bumped, approved, REVIEWED)).toEqual([
      'better-sqlite3@12.12.0 has an install script nobody reviewed: read it, then add it',
      'better-sqlite3@12.11.1 is reviewed but not in the lockfile',
    ]);
  });

  it('fails when allowScripts misses an approval, approves more, or pins another version', () => {
    expect(installScriptProblems(lock, { esbuild: true }, REVIEWED)).toEqual([
      'allowScripts does not approve better-sqlite3: npm 12 would skip its install script',
    ]);
    expect(installScriptProblems(lock, { ...approved, sharp: true }, REVIEWED)).toEqual([
      'allowScripts approves sharp, which has no reviewed install script',
    ]);
    expect(installScriptProblems(lock, { 'better-sqlite3@12.10.0': true, esbuild: true }, REVIEWED)).toEqual([
      'allowScripts approves better-sqlite3@12.10.0, but the reviewed version is 12.11.1',
    ]);
    expect(installScriptProblems(lock, { 'better-sqlite3@12.11.1': true, 'esbuild@0.28.2': true }, REVIEWED)).toEqual(
      [],
    );
  });
});
