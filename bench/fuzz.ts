/**
 * `npm run fuzz -- [--seconds N] [--seed S]`: the fuzzer of tests/fuzz/fuzzer.ts against a real
 * server started in this process (a temporary data folder, logs silenced), for longer than the
 * bounded run in `npm test`. Every finding is printed as it is found; an uncaught exception or
 * unhandled rejection (which would kill a real server) is a finding too. Prints a JSON report and
 * exits 1 when anything was found.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startApp } from '../server/app';
import { silentLogger } from '../server/log';
import { FUZZ_LIMITS, fuzz } from '../tests/fuzz/fuzzer';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, seed: { type: 'string', default: String(Date.now()) } },
});
const seconds = Number(values.seconds);
if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 86_400) {
  console.error(`--seconds must be a number of seconds from 1 to 86400, got "${values.seconds}"`);
  process.exit(2);
}

// boardgame.io runs its development checks here (NODE_ENV is not production: every state is checked
// serialisable, which a fuzzer wants), and then prints INFO lines on stdout, where the report goes.
const print = console.log.bind(console);
console.log = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('INFO: ')) return;
  print(...args);
};

const crashes: string[] = [];
const crashed = (what: string) => (e: unknown) => {
  const line = `${what}: ${String((e as Error)?.stack ?? e).slice(0, 500)}`;
  crashes.push(line);
  console.error(line);
};
process.on('uncaughtException', crashed('uncaught exception'));
process.on('unhandledRejection', crashed('unhandled rejection'));

const dataDir = await mkdtemp(join(tmpdir(), 'kc-fuzz-'));
const app = await startApp({ port: 0, dataDir, log: silentLogger, limits: FUZZ_LIMITS });
console.error(`fuzzing ${app.url} for ${seconds} s with seed ${values.seed}`);
const report = await fuzz({
  app,
  stored: (id) => app.storage.rawState(id),
  seed: values.seed,
  ms: seconds * 1000,
  onFinding: (f) => console.error(`finding: ${f}`),
});
await app.close();
await rm(dataDir, { recursive: true, force: true });
const findings = [...report.findings, ...crashes];
console.log(JSON.stringify({ seed: values.seed, seconds, ...report, findings }, null, 2));
process.exit(findings.length > 0 ? 1 : 0);
