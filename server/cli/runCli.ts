/** Run a CLI's main: exit 0 on success, 2 with one line on a usage error, 1 with the stack otherwise. */
import { UsageError } from './flags';

export function runCli(name: string, main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UsageError) {
        process.stderr.write(`${name}: ${e.message}\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`${name}: ${(e as Error).stack ?? String(e)}\n`);
        process.exitCode = 1;
      }
    },
  );
}
