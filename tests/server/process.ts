/**
 * The REAL server (`tsx server/main.ts`, env PORT and DATA_DIR) as a child process, for the fault
 * and crash tests: started in its own process group (tsx runs the server in a child of its own, so
 * a SIGKILL goes to the whole group; a SIGKILL to tsx alone would leave the server alive).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from './helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** A free TCP port: bind port 0, read it, release it. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: string[];
  readonly exited: Promise<void>;
}

export function alive(p: ServerProcess): boolean {
  return p.child.exitCode === null && p.child.signalCode === null;
}

/** SIGKILL the server's whole process group (tsx and the node process it runs the server in). */
export async function killServer(p: ServerProcess): Promise<void> {
  if (alive(p) && p.child.pid !== undefined) {
    try {
      process.kill(-p.child.pid, 'SIGKILL');
    } catch {
      p.child.kill('SIGKILL');
    }
  }
  await p.exited;
  // The group's other members (the server under tsx) die with it; wait until none is left.
  if (p.child.pid !== undefined) {
    const pid = p.child.pid;
    await waitFor(
      () => {
        try {
          process.kill(-pid, 0);
          return false;
        } catch {
          return true;
        }
      },
      'the process group to be gone',
      5000,
    );
  }
}

/** Run `tsx server/main.ts` on `port` with `dataDir`; resolves once GET /health answers. */
export async function startServer(
  port: number,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(TSX, ['server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const p: ServerProcess = { child, url: `http://127.0.0.1:${port}`, output, exited };
  try {
    await waitFor(
      async () => {
        if (!alive(p)) throw new Error(`server exited: ${output.join('').slice(-2000)}`);
        const r = await fetch(`${p.url}/health`);
        return r.ok && ((await r.json()) as { ok?: boolean }).ok === true;
      },
      `GET /health on port ${port}`,
      20_000,
      50,
    );
  } catch (e) {
    await killServer(p);
    throw new Error(`${String(e)}\nserver output:\n${output.join('').slice(-2000)}`);
  }
  return p;
}
