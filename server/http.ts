/** Small HTTP helpers for the session API: a bounded JSON body reader and error replies. */
import type { Context } from 'koa';
import { type RequestRefusal, requestRefusalBody, requestRefusalText } from '../game/contract/requestRefusals';

/** A refused request: its status and why, as data (game/contract/requestRefusals.ts); the message is the English. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly refusal: RequestRefusal,
  ) {
    super(requestRefusalText(refusal));
  }
}

/** Answer a refusal: the status and `{error, code, field, ...params}`. */
export function refuse(ctx: { status: number; body: unknown }, status: number, refusal: RequestRefusal): void {
  ctx.status = status;
  ctx.body = requestRefusalBody(refusal);
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
  if (!type.startsWith('application/json')) throw new HttpError(415, { code: 'body.notJson', field: null });
  const chunks: Buffer[] = [];
  let size = 0;
  const tooLarge = () => new HttpError(413, { code: 'body.tooLarge', field: null, limit });
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
    throw new HttpError(400, { code: 'body.badJson', field: null });
  }
}

/** Run a handler; HttpErrors become refusal replies, anything else a 500 with no details. */
export function handle(fn: (ctx: Context) => Promise<void>, onCrash: (e: unknown) => void) {
  return async (ctx: Context) => {
    try {
      await fn(ctx);
    } catch (e) {
      if (e instanceof HttpError) refuse(ctx, e.status, e.refusal);
      else {
        onCrash(e);
        refuse(ctx, 500, { code: 'internal', field: null });
      }
    }
  };
}
