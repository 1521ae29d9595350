/** Structured logs: one JSON line per event on stdout, never credentials or seeds. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  (event: string, fields?: LogFields): void;
}

export const jsonLogger =
  (stream: NodeJS.WritableStream = process.stdout): Logger =>
  (event, fields = {}) => {
    stream.write(`${JSON.stringify({ t: new Date().toISOString(), event, ...fields })}\n`);
  };

export const silentLogger: Logger = () => {};
