/**
 * The body limit of each handler, kept by the host: `POST /api/<handler>` accepts at most the
 * handler's `maxBodyBytes` (small by default; larger only for an image or a CSV). Fastify's own
 * route limit is set to the largest of them; this preParsing hook refuses a larger declared length
 * at once and counts the bytes of a body sent without one.
 */
import { Transform, type Readable } from 'node:stream';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { bodyLimits, handlerDef, handlers, isHandlerName } from '../../shared/api';

/** The body limit of the handler called `name` (the default for a name the contract does not know). */
export function bodyLimitOf(name: string): number {
  return isHandlerName(name) ? handlerDef(name).maxBodyBytes : bodyLimits.default;
}

/** The largest body any handler accepts: the route's own limit. */
export const largestBodyLimit = Math.max(
  bodyLimits.default,
  ...Object.values(handlers).map((def) => def.maxBodyBytes),
);

function tooLarge(limit: number): Error & { statusCode: number; code: string } {
  return Object.assign(new Error(`the request body is larger than ${limit} bytes, this call's limit`), {
    statusCode: 413,
    code: 'FST_ERR_CTP_BODY_TOO_LARGE',
  });
}

/** Fastify preParsing hook for `POST /api/:name`. */
export async function limitBodyPerHandler(
  request: FastifyRequest,
  _reply: FastifyReply,
  payload: Readable,
): Promise<Readable> {
  const name = (request.params as { name?: unknown }).name;
  const limit = bodyLimitOf(typeof name === 'string' ? name : '');
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      (counter as Transform & { receivedEncodedLength: number }).receivedEncodedLength = received;
      if (received > limit) callback(tooLarge(limit));
      else callback(null, chunk);
    },
  });
  payload.on('error', (error) => counter.destroy(error));
  return payload.pipe(counter);
}
