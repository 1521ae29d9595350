/** Small HTTP helpers for the session API: a bounded JSON body reader and error replies. */
import type { Context } from 'koa';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Bytes of an oversized body read (and dropped) before answering 413. */
const DRAIN_MAX = 1024 * 1024;

/** Read a JSON body of at most `limit` bytes; 400/413/415 with a message otherwise. */
export async function readJson(ctx: Context, limit = 16 * 1024): Promise<unknown> {
  return (await readJsonRaw(ctx, limit)).body;
}

/** readJson, also returning the raw bytes (to replay the body to a later reader). */
export async function readJsonRaw(ctx: Context, limit = 16 * 1024): Promise<{ body: unknown; raw: Buffer }> {
  const type = ctx.get('content-type');
  if (!type.startsWith('application/json'))
    throw new HttpError(415, 'send a JSON body (content-type: application/json)');
  const chunks: Buffer[] = [];
  let size = 0;
  const tooLarge = () => new HttpError(413, `the body is larger than ${limit} bytes`);
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Past the limit the rest is read and dropped (so the client, still sending, gets the 413
    // rather than a reset connection), up to DRAIN_MAX; past that the answer goes at once.
    if (size > DRAIN_MAX) {
      // The rest of the body stays unread: the connection cannot serve another request.
      ctx.set('Connection', 'close');
      throw tooLarge();
    }
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) throw tooLarge();
  const raw = Buffer.concat(chunks);
  try {
    return { body: JSON.parse(raw.toString('utf8')) as unknown, raw };
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
}

/** Run a handler; HttpErrors become {"error"} replies, anything else a 500 with no details. */
export function handle(fn: (ctx: Context) => Promise<void>, onCrash: (e: unknown) => void) {
  return async (ctx: Context) => {
    try {
      await fn(ctx);
    } catch (e) {
      if (e instanceof HttpError) {
        ctx.status = e.status;
        ctx.body = { error: e.message };
      } else {
        onCrash(e);
        ctx.status = 500;
        ctx.body = { error: 'internal error' };
      }
    }
  };
}
